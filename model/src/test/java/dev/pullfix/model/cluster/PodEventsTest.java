package dev.pullfix.model.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodEventsTest {

    @TempDir
    Path dir;
    MockApiServer api;
    ClusterConnection conn;

    @BeforeEach
    void setUp() throws Exception {
        api = new MockApiServer(false);
        api.client.pods().inNamespace("shop").resource(Fixtures.imagePullBackOff()).create();
        Fixtures.uiPrivateEvents(api.client);
        conn = api.connect(api.kubeconfig(dir, null));
    }

    @AfterEach
    void tearDown() {
        conn.close();
        api.close();
    }

    @Test
    void listsThePodsEventsOldestFirstWithDescribeStyleAges() {
        List<PodEvent> events = new PodEvents().load(conn, "shop", "ui-private-7655bf59b9-jprrj");
        assertThat(events).extracting(PodEvent::reason)
                .containsExactly("Scheduled", "Pulling", "Failed", "Failed", "Failed", "BackOff");
        Instant now = Fixtures.base;
        assertThat(events.get(0).age(now)).isEqualTo("5m15s");
        assertThat(events.get(1).age(now)).isEqualTo("3m53s (x4 over 5m15s)");
        assertThat(events.get(4).age(now)).isEqualTo("3m27s (x6 over 5m14s)");
        assertThat(events.get(2).from()).isEqualTo("kubelet");
        assertThat(events.get(2).type()).isEqualTo("Warning");
        assertThat(events.get(2).message()).contains("403 Forbidden");
        assertThat(events).noneMatch(e -> e.message().contains("mysql"));
    }

    @Test
    void mergesEventsK8sIoEventsAndDropsTheSameObjectSeenThroughBothApis() {
        Instant t = Fixtures.base.minusSeconds(20);
        PodEvent scheduled = new PodEvents().load(conn, "shop", "ui-private-7655bf59b9-jprrj").get(0);
        // the same object as the core/v1 "Scheduled" event (same uid) and a newer one only seen through events.k8s.io
        api.client.events().v1().events().inNamespace("shop").resource(new EventBuilder().withNewMetadata()
                .withName("dup").withNamespace("shop").withUid("ev-ui-1").endMetadata().withType("Normal")
                .withReason("Scheduled").withNote(scheduled.message())
                .withEventTime(new MicroTime(scheduled.first().toString()))
                .withReportingController("default-scheduler").withReportingInstance("x").withAction("Binding")
                .withNewRegarding().withKind("Pod").withName("ui-private-7655bf59b9-jprrj").withNamespace("shop")
                .endRegarding().build()).create();
        api.client.events().v1().events().inNamespace("shop").resource(new EventBuilder().withNewMetadata()
                .withName("series").withNamespace("shop").withUid("ev-series").endMetadata().withType("Warning")
                .withReason("Failed").withNote("Error: ImagePullBackOff").withEventTime(new MicroTime(
                        Fixtures.base.minusSeconds(400).toString()))
                .withNewSeries().withCount(9).withLastObservedTime(new MicroTime(t.toString())).endSeries()
                .withReportingController("kubelet").withReportingInstance(Fixtures.NODE).withAction("Pulling")
                .withNewRegarding().withKind("Pod").withName("ui-private-7655bf59b9-jprrj").withNamespace("shop")
                .endRegarding().build()).create();
        List<PodEvent> events = new PodEvents().load(conn, "shop", "ui-private-7655bf59b9-jprrj");
        assertThat(events).hasSize(7);
        assertThat(events).filteredOn(e -> e.reason().equals("Scheduled")).hasSize(1);
        PodEvent last = events.get(events.size() - 1);
        assertThat(last.message()).isEqualTo("Error: ImagePullBackOff");
        assertThat(last.series()).isTrue();
        assertThat(last.from()).isEqualTo("kubelet");
        assertThat(last.age(Fixtures.base)).isEqualTo("20s (x9 over 6m40s)");
    }

    @Test
    void saysWhenThePodDoesNotExist() {
        assertThatThrownBy(() -> new PodEvents().load(conn, "shop", "nope"))
                .isInstanceOfSatisfying(ClusterError.class, e -> {
                    assertThat(e.code()).isEqualTo(ClusterError.Code.POD_NOT_FOUND);
                    assertThat(e.args()).containsExactly("shop", "nope");
                });
    }

    @ParameterizedTest(name = "{0}s prints as {1}")
    @CsvSource({"0,0s", "59,59s", "119,119s", "120,2m", "315,5m15s", "600,10m", "10799,179m", "10800,3h",
            "11100,3h5m", "28800,8h", "172800,2d", "183600,2d3h", "691200,8d", "63072000,2y", "63158400,2y1d",
            "315360000,10y"})
    void formatsAgesLikeKubectl(long seconds, String expected) {
        assertThat(PodEvent.humanDuration(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }
}
