package dev.pullfix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the real entry point in a separate JVM (the same classpath as the jar's manifest): stdin, stdout, exit code. */
class CliProcessTest {

    private static Process start(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "dev.pullfix.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(false).directory(new File(".")).start();
    }

    @Test
    void classifyReadsStandardInputAndExitsZero() throws Exception {
        Process p = start("classify", "--json");
        try (OutputStream in = p.getOutputStream()) {
            in.write(("Failed to pull image \"a.b.c/image-0.1\": pull QPS exceeded\n\n"
                    + "  Warning  Failed  5s (x2 over 17s)  kubelet  Error: ErrImagePull\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isZero();
        assertThat(out.split("\\R")).hasSize(2);
        assertThat(out).contains("\"category\":\"RATE_LIMITED\"").contains("\"category\":\"OTHER\"");
    }

    @Test
    void imageWithAnInvalidReferenceExitsTwoWithOneLineOnStderr() throws Exception {
        Process p = start("image", "https://registry.example.com/app:1");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(err.strip()).startsWith("InvalidImageName: ").doesNotContain("\n");
    }
}
