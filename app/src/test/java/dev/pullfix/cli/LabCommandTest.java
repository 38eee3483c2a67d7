package dev.pullfix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LabCommandTest {

    @Test
    void listPrintsTheTenScenariosWithTitles() {
        CliRun r = CliRun.main("lab", "--list");
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).hasSize(10);
        assertThat(r.out()).startsWith("S1\tECR repository policy denies the node role").contains("S10\t");
    }

    @Test
    void listsInJapaneseWithLangJa() {
        CliRun r = CliRun.main("lab", "--list", "--lang", "ja");
        assertThat(r.out()).contains("ノードロール");
    }

    @Test
    void unknownScenarioIsBadUsageOnOneLine() {
        CliRun r = CliRun.main("lab", "--scenario", "S42");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().trim()).startsWith("pullfix lab: unknown scenario S42").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void badSpeedIsBadUsage() {
        CliRun r = CliRun.main("lab", "--speed", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--speed");
    }

    @Test
    void writesKubeconfigAwsFilesAndEnvShAndPrintsTheExportLines(@TempDir Path dir) throws Exception {
        LabCommand cmd = new LabCommand();
        java.io.StringWriter out = new java.io.StringWriter();
        CommandLine cli = new CommandLine(cmd);
        cli.setOut(new java.io.PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--scenario", "S2", "--dir", dir.toString()));
        Path env = dir.resolve("env.sh");
        for (int i = 0; i < 200 && !out.toString().contains("AWS_ENDPOINT_URL"); i++) {
            Thread.sleep(50);
        }
        assertThat(out.toString()).contains("export KUBECONFIG='" + dir.resolve("kubeconfig").toAbsolutePath() + "'")
                .contains("export AWS_PROFILE='pullfix-lab'").contains("export AWS_ENDPOINT_URL='http://127.0.0.1:");
        assertThat(Files.readString(env)).contains("export AWS_CONFIG_FILE=").contains("export AWS_SHARED_CREDENTIALS_FILE=");
        assertThat(Files.readString(dir.resolve("kubeconfig"))).contains("current-context: arn:aws:eks:us-west-2:682844965773:cluster/eks-workshop");
        assertThat(Files.readString(dir.resolve("aws-config"))).contains("[profile pullfix-lab]").contains("region = us-west-2");
        cmd.stop();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }
}
