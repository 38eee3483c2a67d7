package dev.pullfix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.secret.Secrets;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** What every command promises: exit codes in --help, bad values rejected as usage, one safe output path. */
class CliContractTest {
    @TempDir
    Path dir;

    static Stream<String> commands() {
        List<String> names = new ArrayList<>();
        collect(Main.commandLine(new StringWriter(), new StringWriter()), names);
        return names.stream();
    }

    private static void collect(CommandLine cl, List<String> names) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getSubcommands().isEmpty()) {
                names.add(sub.getCommandSpec().qualifiedName(" ").replaceFirst("^pullfix ", ""));
            } else {
                collect(sub, names);
            }
        }
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    void everyCommandsHelpListsItsExitCodes(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        CliRun r = CliRun.main(args.toArray(String[]::new));

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Exit codes:").containsPattern("(?m)^\\s+0\\s+\\S").containsPattern("(?m)^\\s+2\\s+bad");
    }

    @Test
    void checkersDocumentFoundAProblemAndCouldNotCheck() {
        assertThat(CliRun.main("policy", "lint", "--help").out()).containsPattern("(?m)^\\s+1\\s+checked: found a problem")
                .containsPattern("(?m)^\\s+4\\s+could not check");
        assertThat(CliRun.main("diagnose", "--help").out()).containsPattern("(?m)^\\s+3\\s+what was asked about");
    }

    @ParameterizedTest(name = "--timeout {0}")
    @ValueSource(strings = {"0", "-5", "3601", "soon"})
    void aTimeoutThatIsNotAPositiveNumberOfSecondsIsBadUsage(String value) {
        CliRun r = CliRun.main("diagnose", "-n", "default", "web-1", "--timeout", value);

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("--timeout").contains("diagnose --help");
        assertThat(r.out()).isEmpty();
    }

    @ParameterizedTest(name = "--endpoint-url {0}")
    @ValueSource(strings = {"ftp://127.0.0.1:21", "127.0.0.1:4566", "http://", "file:///etc/passwd"})
    void anEndpointThatIsNotHttpIsBadUsage(String url) {
        CliRun r = CliRun.main("ecr", "check", "682844965773.dkr.ecr.us-west-2.amazonaws.com/app:1", "--endpoint-url", url);

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("--endpoint-url must be an http:// or https:// URL");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownLanguageIsBadUsage() {
        CliRun r = CliRun.main("pods", "--lang", "fr");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--lang must be en or ja");
    }

    @Test
    void theOutputPathMasksRegisteredSecretsAndStripsTerminalControls() {
        String secret = "tok-" + UUID.randomUUID();
        Secrets.register(secret);
        StringWriter target = new StringWriter();
        java.io.PrintWriter w = new java.io.PrintWriter(new SafeWriter(target), true);

        w.println("event: \u001B]0;owned\u0007\u001B[2Jpulled with " + secret + "\r\u0007 done\u202E");
        w.print("{\"t\":\"" + secret + "\"}");
        w.flush();

        assertThat(target.toString()).isEqualTo("event: pulled with [REDACTED] done\n{\"t\":\"[REDACTED]\"}");
    }

    @Test
    void kubeconfigsLibrariesCannotReadAreDescribedInTheUsersWords() throws Exception {
        String[][] cases = {
                {"apiVersion: v1\nclusters: \u00ff\u00fe\n", "binary"},
                {"a: " + "[".repeat(1100) + "]".repeat(1100) + "\n", "deep"},
                {"apiVersion: v1\nkind: Config\nclusters:\n- name: x\n  cluster: [1,2]\ncontexts: []\n", "array"},
                {"apiVersion: v1\nclusters: 5\n", "number"}};
        for (String[] c : cases) {
            Path kc = dir.resolve(c[1] + ".kc");
            if (c[1].equals("binary")) {
                Files.write(kc, new byte[] {'a', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
            } else {
                Files.writeString(kc, c[0]);
            }
            CliRun r = CliRun.main("contexts", "--kubeconfig", kc.toString());

            assertThat(r.exitCode()).as(c[1]).isIn(1, 2);
            assertThat(r.errLines()).as(c[1]).hasSize(1);
            assertThat(r.err()).as(c[1]).contains(kc.toString()).doesNotContain("Exception", "io.fabric8", "JsonToken",
                    "StreamReadConstraints", "line ?", "`", "java.util", "Cannot deserialize");
        }
    }
}
