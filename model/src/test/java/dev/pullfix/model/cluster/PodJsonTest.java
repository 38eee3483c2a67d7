package dev.pullfix.model.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The streaming pod decoder against pods as the API server writes them (managedFields, nulls, every state). */
class PodJsonTest {

    /** A pod the way kube-apiserver 1.32 returns it, with the fields the decoder must skip. */
    static final String ECR_PULL_BACK_OFF = """
            {"kind":"Pod","apiVersion":"v1","metadata":{"name":"ui-private-7655bf59b9-jprrj","generateName":"ui-private-7655bf59b9-",
            "namespace":"default","uid":"6c1f1c2d-0e43-4a8e-9d0c-1f7f8e5b2a10","resourceVersion":"48213",
            "creationTimestamp":"2026-11-20T08:14:03Z","deletionTimestamp":null,
            "labels":{"app.kubernetes.io/name":"ui","pod-template-hash":"7655bf59b9"},
            "annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-20T08:14:00Z"},
            "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"ui-private-7655bf59b9",
            "uid":"a1b2","controller":true,"blockOwnerDeletion":true}],
            "managedFields":[{"manager":"kube-controller-manager","operation":"Update","apiVersion":"v1",
            "time":"2026-11-20T08:14:03Z","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:generateName":{},
            "f:labels":{".":{},"f:app.kubernetes.io/name":{}},"f:ownerReferences":{".":{},"k:{\\"uid\\":\\"a1b2\\"}":{}}},
            "f:spec":{"f:containers":{"k:{\\"name\\":\\"ui\\"}":{".":{},"f:image":{},"f:name":{}}}}}},
            {"manager":"kubelet","operation":"Update","apiVersion":"v1","time":"2026-11-20T08:15:10Z",
            "fieldsType":"FieldsV1","fieldsV1":{"f:status":{"f:containerStatuses":{},"f:phase":{}}},"subresource":"status"}]},
            "spec":{"volumes":[{"name":"kube-api-access-x","projected":{"sources":[{"serviceAccountToken":
            {"expirationSeconds":3607,"path":"token"}}],"defaultMode":420}}],
            "containers":[{"name":"ui","image":"682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0",
            "ports":[{"name":"http","containerPort":8080,"protocol":"TCP"}],"env":[{"name":"JAVA_OPTS","value":"-Xmx256m"}],
            "resources":{"limits":{"memory":"512Mi"},"requests":{"cpu":"250m","memory":"512Mi"}},
            "imagePullPolicy":"IfNotPresent"}],"restartPolicy":"Always","nodeName":"ip-10-42-33-232.us-west-2.compute.internal",
            "tolerations":[{"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}]},
            "status":{"phase":"Pending","conditions":[{"type":"Initialized","status":"True","lastProbeTime":null,
            "lastTransitionTime":"2026-11-20T08:14:03Z"},{"type":"Ready","status":"False","lastProbeTime":null,
            "lastTransitionTime":"2026-11-20T08:14:03Z","reason":"ContainersNotReady",
            "message":"containers with unready status: [ui]"}],"hostIP":"10.42.33.232","podIP":"10.42.2.17",
            "startTime":"2026-11-20T08:14:03Z","containerStatuses":[{"name":"ui","state":{"waiting":{"reason":"ImagePullBackOff",
            "message":"Back-off pulling image \\"682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0\\""}},
            "lastState":{},"ready":false,"restartCount":0,
            "image":"682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0","imageID":"","started":false}],
            "qosClass":"Burstable"}}
            """;

    static PodInfo decode(String json) throws Exception {
        try (JsonParser p = KubeHttp.JSON.createParser(json)) {
            p.nextToken();
            return new PodInfos().from(PodJson.read(p));
        }
    }

    @Test
    void readsTheFieldsTheTreeNeedsAndSkipsManagedFieldsVolumesAndEnv() throws Exception {
        PodInfo pod = decode(ECR_PULL_BACK_OFF);
        assertThat(pod.key()).isEqualTo("default/ui-private-7655bf59b9-jprrj");
        assertThat(pod.uid()).isEqualTo("6c1f1c2d-0e43-4a8e-9d0c-1f7f8e5b2a10");
        assertThat(pod.resourceVersion()).isEqualTo("48213");
        assertThat(pod.workload()).isEqualTo(new WorkloadRef("Deployment", "ui-private"));
        assertThat(pod.created()).isEqualTo(Instant.parse("2026-11-20T08:14:03Z"));
        assertThat(pod.status()).isEqualTo("ImagePullBackOff");
        assertThat(pod.ready()).isEqualTo("0/1");
        assertThat(pod.node()).isEqualTo("ip-10-42-33-232.us-west-2.compute.internal");
        assertThat(pod.failure()).isEqualTo(FailureReason.IMAGE_PULL_BACK_OFF);
        assertThat(pod.failureMessage()).startsWith("Back-off pulling image \"682844965773.dkr.ecr");
        assertThat(pod.containers()).containsExactly(new ContainerInfo("ui", ContainerInfo.Kind.REGULAR,
                "682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0", "IfNotPresent",
                ContainerInfo.State.WAITING, "ImagePullBackOff", pod.failureMessage(), 0, false));
    }

    /** kubectl's STATUS, READY and RESTARTS columns (printers.go printPod) for the states a pod goes through. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "init container pulling|{\"initContainers\":[{\"name\":\"setup\",\"image\":\"busybox\"}],\"containers\":[{\"name\":\"app\",\"image\":\"nginx\"}]}|"
                + "{\"phase\":\"Pending\",\"initContainerStatuses\":[{\"name\":\"setup\",\"state\":{\"waiting\":{\"reason\":\"ErrImagePull\",\"message\":\"rpc error\"}},\"restartCount\":0,\"ready\":false}],"
                + "\"containerStatuses\":[{\"name\":\"app\",\"state\":{\"waiting\":{\"reason\":\"PodInitializing\"}},\"restartCount\":0,\"ready\":false}]}|Init:ErrImagePull|0/1|0",
        "init container still running|{\"initContainers\":[{\"name\":\"a\"},{\"name\":\"b\"}],\"containers\":[{\"name\":\"app\"}]}|"
                + "{\"phase\":\"Pending\",\"initContainerStatuses\":[{\"name\":\"a\",\"state\":{\"terminated\":{\"exitCode\":0,\"reason\":\"Completed\"}}},"
                + "{\"name\":\"b\",\"state\":{\"running\":{\"startedAt\":\"2026-11-20T08:14:03Z\"}}}]}|Init:1/2|0/1|0",
        "native sidecar counts as a container|{\"initContainers\":[{\"name\":\"proxy\",\"restartPolicy\":\"Always\"}],\"containers\":[{\"name\":\"app\"}]}|"
                + "{\"phase\":\"Running\",\"conditions\":[{\"type\":\"Initialized\",\"status\":\"True\"},{\"type\":\"Ready\",\"status\":\"True\"}],"
                + "\"initContainerStatuses\":[{\"name\":\"proxy\",\"started\":true,\"ready\":true,\"restartCount\":1,\"state\":{\"running\":{}}}],"
                + "\"containerStatuses\":[{\"name\":\"app\",\"ready\":true,\"restartCount\":2,\"state\":{\"running\":{}}}]}|Running|2/2|3",
        "crash loop|{\"containers\":[{\"name\":\"app\"}]}|"
                + "{\"phase\":\"Running\",\"containerStatuses\":[{\"name\":\"app\",\"ready\":false,\"restartCount\":7,"
                + "\"state\":{\"waiting\":{\"reason\":\"CrashLoopBackOff\"}},\"lastState\":{\"terminated\":{\"exitCode\":1,\"finishedAt\":\"2026-11-20T09:00:00Z\"}}}]}|CrashLoopBackOff|0/1|7",
        "terminated without a reason|{\"containers\":[{\"name\":\"app\"}]}|"
                + "{\"phase\":\"Failed\",\"containerStatuses\":[{\"name\":\"app\",\"state\":{\"terminated\":{\"exitCode\":137,\"signal\":9}}}]}|Signal:9|0/1|0",
        "evicted|{\"containers\":[{\"name\":\"app\"}]}|{\"phase\":\"Failed\",\"reason\":\"Evicted\",\"message\":\"low on memory\"}|Evicted|0/1|0",
        "scheduling gated|{\"containers\":[{\"name\":\"app\"}]}|"
                + "{\"phase\":\"Pending\",\"conditions\":[{\"type\":\"PodScheduled\",\"status\":\"False\",\"reason\":\"SchedulingGated\"}]}|SchedulingGated|0/1|0",
        "no status at all|{\"containers\":[{\"name\":\"app\"}]}|null||0/1|0"})
    void printsKubectlsStatusColumns(String name, String spec, String status, String column, String ready, int restarts)
            throws Exception {
        PodInfo pod = decode("{\"metadata\":{\"name\":\"p\",\"namespace\":\"ns\"},\"spec\":" + spec + ",\"status\":" + status + "}");
        assertThat(pod.status()).isEqualTo(column == null ? "" : column);
        assertThat(pod.ready()).isEqualTo(ready);
        assertThat(pod.restarts()).isEqualTo(restarts);
    }

    @Test
    void aPodBeingDeletedIsTerminatingAndKeepsTheLatestRestartTime() throws Exception {
        PodInfo pod = decode("{\"metadata\":{\"name\":\"p\",\"namespace\":\"ns\",\"deletionTimestamp\":\"2026-11-20T10:00:00Z\"},"
                + "\"spec\":{\"containers\":[{\"name\":\"a\"},{\"name\":\"b\"}]},\"status\":{\"phase\":\"Running\",\"containerStatuses\":["
                + "{\"name\":\"a\",\"ready\":true,\"restartCount\":1,\"state\":{\"running\":{}},\"lastState\":{\"terminated\":{\"finishedAt\":\"2026-11-20T09:00:00Z\"}}},"
                + "{\"name\":\"b\",\"ready\":true,\"restartCount\":1,\"state\":{\"running\":{}},\"lastState\":{\"terminated\":{\"finishedAt\":\"2026-11-20T09:30:00Z\"}}}]}}");
        assertThat(pod.status()).isEqualTo("Terminating");
        assertThat(pod.ready()).isEqualTo("2/2");
        assertThat(pod.restarts()).isEqualTo(2);
        assertThat(pod.lastRestart()).isEqualTo(Instant.parse("2026-11-20T09:30:00Z"));
    }

    @Test
    void aBarePodIsItsOwnWorkloadAndAJobKeepsItsName() throws Exception {
        assertThat(decode("{\"metadata\":{\"name\":\"debug\",\"namespace\":\"ns\"}}").workload())
                .isEqualTo(new WorkloadRef("Pod", "debug"));
        assertThat(decode("{\"metadata\":{\"name\":\"r-1-x\",\"namespace\":\"ns\",\"ownerReferences\":[{\"kind\":\"Job\",\"name\":\"r-1\"}]}}")
                .workload()).isEqualTo(new WorkloadRef("Job", "r-1"));
    }

    @Test
    void readsAListPageWithItsContinueTokenAndResourceVersion() throws Exception {
        String page = "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"48300\",\"continue\":\"eyJ2Ijoi\","
                + "\"remainingItemCount\":4999},\"items\":[" + ECR_PULL_BACK_OFF + "," + ECR_PULL_BACK_OFF.replace("jprrj", "k8q2w") + "]}";
        List<String> names = new ArrayList<>();
        String[] meta = new String[2];
        PodInfos infos = new PodInfos();
        KubeHttp.readList(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)),
                p -> names.add(infos.from(PodJson.read(p)).name()), meta);
        assertThat(names).containsExactly("ui-private-7655bf59b9-jprrj", "ui-private-7655bf59b9-k8q2w");
        assertThat(meta).containsExactly("48300", "eyJ2Ijoi");
    }

    @Test
    void readsWatchEventsWhicheverFieldComesFirst() throws Exception {
        List<String> seen = new ArrayList<>();
        KubeHttp.WatchListener l = new KubeHttp.WatchListener() {
            @Override
            public void onEvent(String type, JsonParser object) throws java.io.IOException {
                PodFields f = PodJson.read(object);
                seen.add(type + " " + f.name + " " + f.resourceVersion + " " + f.statusCode);
            }

            @Override
            public void onClose(Throwable error) {
            }
        };
        KubeHttp.readEvent("{\"type\":\"MODIFIED\",\"object\":" + ECR_PULL_BACK_OFF + "}", l);
        KubeHttp.readEvent("{\"object\":{\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"resourceVersion\":\"9\"}},\"type\":\"DELETED\"}", l);
        KubeHttp.readEvent("{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Pod\",\"metadata\":{\"resourceVersion\":\"48400\"}}}", l);
        KubeHttp.readEvent("{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"too old resource version: 1 (48300)\",\"reason\":\"Expired\",\"code\":410}}", l);
        assertThat(seen).containsExactly("MODIFIED ui-private-7655bf59b9-jprrj 48213 0", "DELETED p 9 0",
                "BOOKMARK null 48400 0", "ERROR null null 410");
    }

    @Test
    void anErrorStatusBodyGivesItsMessage() {
        byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"pods is forbidden: "
                + "User \\\"dev\\\" cannot list resource \\\"pods\\\" in API group \\\"\\\" at the cluster scope\",\"reason\":\"Forbidden\","
                + "\"details\":{\"kind\":\"pods\"},\"code\":403}").getBytes(StandardCharsets.UTF_8);
        assertThat(KubeHttp.statusMessage(body, 403)).startsWith("pods is forbidden: User \"dev\"");
        assertThat(KubeHttp.statusMessage("<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8), 502)).isEqualTo("HTTP 502");
    }
}
