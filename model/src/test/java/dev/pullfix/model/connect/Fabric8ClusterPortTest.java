package dev.pullfix.model.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.aws.NodeFacts;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.ContextInfo;
import dev.pullfix.model.cluster.WorkloadRef;
import dev.pullfix.model.diagnosis.runbook.port.ContainerFacts;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import dev.pullfix.model.diagnosis.runbook.port.ServiceAccountFacts;
import dev.pullfix.model.lab.server.LabApiServer;
import dev.pullfix.model.lab.server.LabApiServerOptions;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The diagnosis port's pods, nodes, service accounts and workload pods as the lab API server serves them (Kubernetes'
 * own JSON): the fields the runbooks read, taken from the JSON without fabric8's object model.
 */
class Fabric8ClusterPortTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String IMAGE = "682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0";
    static LabApiServer server;
    static KubernetesClient client;
    static Fabric8ClusterPort port;

    static void put(String json) throws Exception {
        server.store().put((ObjectNode) JSON.readTree(json));
    }

    static String pod(String name, String rs, String hash, String extraMeta) {
        return """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","namespace":"shop",
                 "creationTimestamp":"2024-10-11T14:00:00Z","labels":{"app":"ui","pod-template-hash":"%s"}%s,
                 "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"%s","uid":"u1","controller":true}]},
                 "spec":{"nodeName":"ip-10-42-33-232.us-west-2.compute.internal","serviceAccountName":"ui",
                  "imagePullSecrets":[{"name":"regcred"}],
                  "initContainers":[{"name":"migrate","image":"busybox:1.36"}],
                  "containers":[{"name":"ui","image":"%s"}]},
                 "status":{"phase":"Pending",
                  "initContainerStatuses":[{"name":"migrate","ready":true,"restartCount":0,"image":"busybox:1.36",
                   "imageID":"","state":{"terminated":{"exitCode":0,"reason":"Completed"}}}],
                  "containerStatuses":[{"name":"ui","ready":false,"restartCount":2,"image":"%s","imageID":"",
                   "state":{"waiting":{"reason":"ImagePullBackOff","message":"Back-off pulling image \\"%s\\""}}}]}}
                """.formatted(name, hash, extraMeta, rs, IMAGE, IMAGE, IMAGE);
    }

    @BeforeAll
    static void start() throws Exception {
        server = LabApiServer.start(LabApiServerOptions.defaults());
        put("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"shop\"}}");
        put(pod("ui-7655bf59b9-jprrj", "ui-7655bf59b9", "7655bf59b9", ""));
        put(pod("ui-7655bf59b9-gone1", "ui-7655bf59b9", "7655bf59b9", ",\"deletionTimestamp\":\"2024-10-11T14:30:00Z\""));
        put(pod("other-5d4f-abcde", "other-5d4f", "5d4f", "").replace("\"app\":\"ui\"", "\"app\":\"other\""));
        put("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"ui","namespace":"shop"},
                 "spec":{"replicas":1,"selector":{"matchLabels":{"app":"ui"}},
                  "template":{"metadata":{"labels":{"app":"ui"}},"spec":{"containers":[{"name":"ui","image":"x"}]}}}}""");
        put("""
                {"apiVersion":"v1","kind":"Node","metadata":{"name":"ip-10-42-33-232.us-west-2.compute.internal",
                 "labels":{"eks.amazonaws.com/nodegroup":"default","topology.kubernetes.io/region":"us-west-2"}},
                 "spec":{"providerID":"aws:///us-west-2a/i-0a1b2c3d4e5f67890"}}""");
        put("""
                {"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"ui","namespace":"shop",
                 "annotations":{"eks.amazonaws.com/role-arn":"arn:aws:iam::682844965773:role/ui-irsa"}},
                 "imagePullSecrets":[{"name":"sa-regcred"}]}""");
        Config config = Config.fromKubeconfig(server.kubeconfig());
        config.setRequestRetryBackoffLimit(0);
        client = new KubernetesClientBuilder().withConfig(config).build();
        ContextInfo ctx = new ContextInfo("lab", true, "lab", "lab", "shop", config.getMasterUrl(),
                ContextInfo.AuthKind.TOKEN, null, null, null);
        port = new Fabric8ClusterPort(ClusterConnection.of(ctx, client), "lab");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void aPodsFactsComeFromItsJson() throws Exception {
        PodFacts p = port.pod("shop", "ui-7655bf59b9-jprrj");

        assertThat(p.namespace()).isEqualTo("shop");
        assertThat(p.phase()).isEqualTo("Pending");
        assertThat(p.nodeName()).isEqualTo("ip-10-42-33-232.us-west-2.compute.internal");
        assertThat(p.serviceAccount()).isEqualTo("ui");
        assertThat(p.imagePullSecrets()).containsExactly("regcred");
        // a ReplicaSet named after the pod-template-hash is a Deployment's
        assertThat(p.owner()).isEqualTo(new WorkloadRef("Deployment", "ui"));
        assertThat(p.created()).hasToString("2024-10-11T14:00:00Z");
        assertThat(p.containers()).containsExactly(
                new ContainerFacts("migrate", "busybox:1.36", true, true, null, null, 0),
                new ContainerFacts("ui", IMAGE, false, false, "ImagePullBackOff",
                        "Back-off pulling image \"" + IMAGE + "\"", 2));
    }

    @Test
    void aPodThatIsNotThereIsNotFound() {
        assertThatThrownBy(() -> port.pod("shop", "nope")).isInstanceOfSatisfying(CouldNotCheckException.class,
                e -> assertThat(e.reason()).isEqualTo(CouldNotCheckException.Reason.NOT_FOUND));
    }

    @Test
    void aNodeGivesItsLabelsAndProviderId() throws Exception {
        NodeFacts n = port.node("ip-10-42-33-232.us-west-2.compute.internal").orElseThrow();

        assertThat(n.labels()).containsEntry("eks.amazonaws.com/nodegroup", "default");
        assertThat(n.providerId()).isEqualTo("aws:///us-west-2a/i-0a1b2c3d4e5f67890");
        assertThat(port.node("ip-gone")).isEmpty();
    }

    @Test
    void aServiceAccountGivesItsPullSecretsAndIrsaRole() throws Exception {
        assertThat(port.serviceAccount("shop", "ui")).contains(new ServiceAccountFacts("shop", "ui",
                List.of("sa-regcred"), "arn:aws:iam::682844965773:role/ui-irsa"));
        assertThat(port.serviceAccount("shop", "nobody")).isEmpty();
    }

    @Test
    void aDeploymentsPodsAreThoseItsSelectorMatchesLeavingOutPodsBeingDeleted() throws Exception {
        assertThat(port.workloadPods("shop", new WorkloadRef("Deployment", "ui")))
                .extracting(PodFacts::name).containsExactly("ui-7655bf59b9-jprrj");
        assertThat(port.workloadPods("shop", new WorkloadRef("Deployment", "missing"))).isEmpty();
        assertThat(port.pods("shop")).extracting(PodFacts::name).containsExactlyInAnyOrder(
                "ui-7655bf59b9-jprrj", "ui-7655bf59b9-gone1", "other-5d4f-abcde");
        assertThat(port.pods(null)).hasSize(3);
    }
}
