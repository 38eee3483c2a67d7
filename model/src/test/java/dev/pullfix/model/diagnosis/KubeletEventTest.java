package dev.pullfix.model.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KubeletEventTest {

    @Test
    void readsADescribeRowWithItsCounter() {
        KubeletEvent e = KubeletEvent.parseLine("  Warning  Failed     3m53s (x4 over 5m14s)  kubelet            "
                + "Failed to pull image \"nginx:foo\": not found").orElseThrow();
        assertThat(e.type()).isEqualTo("Warning");
        assertThat(e.reason()).isEqualTo("Failed");
        assertThat(e.count()).isEqualTo(4);
        assertThat(e.source()).isEqualTo("kubelet");
        assertThat(e.message()).isEqualTo("Failed to pull image \"nginx:foo\": not found");
    }

    @Test
    void readsAnOldDescribeRowWhoseSourceNamesTheNode() {
        KubeletEvent e = KubeletEvent.parseLine("  Warning  Failed  8s (x5 over 44s)  kubelet, k3s-s-1   "
                + "Error: ErrImageNeverPull").orElseThrow();
        assertThat(e.source()).isEqualTo("kubelet, k3s-s-1");
        assertThat(e.message()).isEqualTo("Error: ErrImageNeverPull");
        assertThat(e.count()).isEqualTo(5);
    }

    @Test
    void readsAGetEventsRow() {
        KubeletEvent e = KubeletEvent.parseLine("9m37s       Warning   Failed                pod/app-1          "
                + "Failed to pull image \"a/b:1\": boom").orElseThrow();
        assertThat(e.type()).isEqualTo("Warning");
        assertThat(e.reason()).isEqualTo("Failed");
        assertThat(e.message()).isEqualTo("Failed to pull image \"a/b:1\": boom");
    }

    @Test
    void readsTheErrValueOfAStructuredKlogLineWithEscapedQuotes() {
        KubeletEvent e = KubeletEvent.parseLine("E0903 10:30:03.291420    1088 pod_workers.go:1298] \"Error syncing "
                + "pod, skipping\" err=\"failed to \\\"StartContainer\\\" for \\\"app\\\" with ErrImagePull: \\\"pull QPS "
                + "exceeded\\\"\" pod=\"ns/p\" podUID=\"u\"").orElseThrow();
        assertThat(e.type()).isEqualTo("Warning");
        assertThat(e.message()).isEqualTo("failed to \"StartContainer\" for \"app\" with ErrImagePull: \"pull QPS exceeded\"");
    }

    @Test
    void keepsTheImageKeyOfAKlogLine() {
        KubeletEvent e = KubeletEvent.parseLine("E0630 10:18:18.576510 3425599 remote_image.go:238] \"PullImage from "
                + "image service failed\" err=\"rpc error: code = Internal desc = boom\" image=\"ghcr.io/a/b:c\"")
                .orElseThrow();
        assertThat(e.message()).isEqualTo("rpc error: code = Internal desc = boom image=\"ghcr.io/a/b:c\"");
    }

    @Test
    void aBlankLineIsNoEvent() {
        assertThat(KubeletEvent.parseLine("   ")).isEmpty();
        assertThat(KubeletEvent.parseLine(null)).isEmpty();
    }

    @Test
    void anythingElseIsABareMessage() {
        assertThat(KubeletEvent.parseLine("pull QPS exceeded").orElseThrow())
                .isEqualTo(KubeletEvent.ofMessage("pull QPS exceeded"));
    }

    @Test
    void parseAllSkipsTheHeaderAndRulerOfAnEventsTable() {
        List<KubeletEvent> events = KubeletEvent.parseAll("""
                Events:
                  Type     Reason     Age   From               Message
                  ----     ------     ----  ----               -------
                  Normal   Pulling    5s    kubelet            Pulling image "nginx:foo"

                  Warning  Failed     5s    kubelet            Error: ErrImagePull
                """);
        assertThat(events).extracting(KubeletEvent::reason).containsExactly("Pulling", "Failed");
    }

    @Test
    void statusOnlyMessagesAreRecognised() {
        assertThat(KubeletEvent.failed("Error: ErrImagePull").isGenericPullStatus()).isTrue();
        assertThat(KubeletEvent.failed("Back-off pulling image \"x\"").isGenericPullStatus()).isTrue();
        assertThat(KubeletEvent.failed("pulling image failed: rpc error").isGenericPullStatus()).isFalse();
    }
}
