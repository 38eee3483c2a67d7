package dev.pullfix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.fault.FaultServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands against servers that misbehave, with the default deadlines (15 s per call). Before: {@code pods}
 * against a body that stalls hung until killed (300 s), and {@code ecr check} against a server that never answers
 * took 242 s and exited 0. Bounds are generous (a loaded 2-core machine): the point is minutes versus seconds.
 */
class CliFaultInjectionTest {

    private static final long BOUND_MILLIS = 15_000 + 30_000;

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        for (String p : new String[] {"aws.accessKeyId", "aws.secretAccessKey", "aws.configFile",
            "aws.sharedCredentialsFile", "aws.endpointUrl"}) {
            System.clearProperty(p);
        }
    }

    @Test
    void podsAgainstABodyThatStallsEndsWithinTheTimeoutAndExitsOne() throws Exception {
        try (FaultServer server = new FaultServer(FaultServer.Mode.STALL_MID_BODY, FaultServer.podListPrefix())) {
            Path kc = dir.resolve("config");
            Files.writeString(kc, "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: \""
                    + server.url() + "\"}\nusers:\n- name: u\n  user: {token: stalled-token-123}\ncontexts:\n- name: ctx\n"
                    + "  context: {cluster: c, user: u, namespace: shop}\ncurrent-context: ctx\n", StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            CliRun r = CliRun.main("pods", "--kubeconfig", kc.toString(), "-n", "shop");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(ms).isLessThan(BOUND_MILLIS);
        }
    }

    @Test
    void ecrCheckAgainstABlackholeCostsOneTimeoutAndDoesNotExitZero() throws Exception {
        Files.writeString(dir.resolve("config"), "");
        Files.writeString(dir.resolve("credentials"), "");
        System.setProperty("aws.accessKeyId", "AKIDLAB");
        System.setProperty("aws.secretAccessKey", "secret");
        System.setProperty("aws.configFile", dir.resolve("config").toString());
        System.setProperty("aws.sharedCredentialsFile", dir.resolve("credentials").toString());
        try (FaultServer server = new FaultServer(FaultServer.Mode.BLACKHOLE, "")) {
            long t0 = System.nanoTime();
            CliRun r = CliRun.main("ecr", "check", "682844965773.dkr.ecr.us-west-2.amazonaws.com/team/app:v1",
                    "--endpoint-url", server.url());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.exitCode()).isNotZero();
            assertThat(ms).isLessThan(BOUND_MILLIS);
        }
    }
}
