package dev.pullfix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A run builds only the command it names; help and errors read exactly as with every command built. */
class MainCommandsTest {

    private static String run(String first, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(out, err, CommandLine.defaultFactory(), first).execute(args);
        return code + "\n" + out + "\n" + err;
    }

    @Test
    void aNamedCommandIsTheOnlyOneBuilt() {
        var cl = Main.commandLine(new StringWriter(), new StringWriter(), CommandLine.defaultFactory(), "pods");
        assertThat(cl.getSubcommands().keySet()).containsExactly("pods");
        var all = Main.commandLine(new StringWriter(), new StringWriter(), CommandLine.defaultFactory(), "nosuch");
        assertThat(all.getSubcommands().keySet()).containsExactlyElementsOf(Main.COMMANDS.keySet());
    }

    @Test
    void helpAndUsageErrorsAreTheSameAsWithEveryCommandBuilt() {
        assertThat(run("pods", "pods", "--help")).isEqualTo(run(null, "pods", "--help"));
        assertThat(run("events", "events", "--no-such-option")).isEqualTo(run(null, "events", "--no-such-option"));
        assertThat(run("nosuch", "nosuch")).isEqualTo(run(null, "nosuch")).startsWith("2\n");
        assertThat(run("--help", "--help")).contains("diagnose").contains("apiserver");
        assertThat(run("--version", "--version")).isEqualTo(run(null, "--version")).startsWith("0\npullfix ");
    }
}
