package dev.pullfix.app.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.app.shell.ModelBackend;
import dev.pullfix.model.aws.AwsEnvironment;
import dev.pullfix.model.cluster.ClusterConnector;
import dev.pullfix.model.cluster.ClusterEnvironment;
import dev.pullfix.model.lab.server.LabApiServer;
import dev.pullfix.model.lab.server.LabApiServerOptions;
import dev.pullfix.model.lab.server.LabPopulation;
import dev.pullfix.model.lab.server.ResourceTypes;
import dev.pullfix.model.lab.server.StoredObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Lab API servers with generated populations and a kubeconfig naming them as contexts {@code lab-a}, {@code lab-b}
 * ... (each with its server's HTTPS URL, CA and token); the window's backend reads only that kubeconfig and an empty
 * AWS config.
 */
public final class LabFixture implements AutoCloseable {
    public final LabApiServer[] servers;
    public final Path dir;
    public final Path kubeconfig;

    public LabFixture(Path dir, int... podsPerServer) throws IOException {
        this.dir = dir;
        this.servers = new LabApiServer[podsPerServer.length];
        StringBuilder clusters = new StringBuilder();
        StringBuilder contexts = new StringBuilder();
        StringBuilder users = new StringBuilder();
        for (int i = 0; i < podsPerServer.length; i++) {
            servers[i] = LabApiServer.start(LabApiServerOptions.defaults());
            LabPopulation.generate(servers[i].store(), new LabPopulation.Spec(podsPerServer[i],
                    Math.min(50, Math.max(3, podsPerServer[i] / 40)), 0.1, 42 + i, Instant.now()));
            String name = "lab-" + (char) ('a' + i);
            clusters.append("- name: ").append(name).append("\n  cluster:\n    server: ").append(servers[i].url())
                    .append("\n    certificate-authority-data: ").append(servers[i].certificateAuthorityData()).append('\n');
            contexts.append("- name: ").append(name).append("\n  context:\n    cluster: ").append(name)
                    .append("\n    user: ").append(name).append('\n');
            users.append("- name: ").append(name).append("\n  user:\n    token: ").append(servers[i].token()).append('\n');
        }
        kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\nclusters:\n" + clusters + "contexts:\n" + contexts
                + "current-context: lab-a\nusers:\n" + users);
    }

    /** Adds a context {@code lab-broken} whose server refuses connections (port 9 on loopback). */
    public void addBrokenContext() throws IOException {
        String text = Files.readString(kubeconfig);
        text = text.replace("contexts:\n", "contexts:\n- name: lab-broken\n  context:\n    cluster: lab-broken\n    user: lab-broken\n")
                .replace("clusters:\n", "clusters:\n- name: lab-broken\n  cluster:\n    server: http://127.0.0.1:9\n")
                .replace("users:\n", "users:\n- name: lab-broken\n  user: {}\n");
        Files.writeString(kubeconfig, text);
    }

    public ModelBackend backend() {
        return new ModelBackend(ClusterEnvironment.of(Map.of("KUBECONFIG", kubeconfig.toString()), dir),
                AwsEnvironment.of(Map.of("AWS_CONFIG_FILE", dir.resolve("aws-config").toString(),
                        "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("aws-credentials").toString()), dir),
                ClusterConnector.Options.defaults().withRetryBackoffLimit(0));
    }

    /** {@code namespace/name} of a pod whose kubelet event says 403 Forbidden from ECR. */
    public Optional<String> ecr403Pod(int server) {
        for (StoredObject e : servers[server].store().list(ResourceTypes.EVENTS, null, null)) {
            var json = e.toJson();
            String msg = json.path("message").asText();
            if (msg.contains(".dkr.ecr.") && msg.contains("403 Forbidden")) {
                var io = json.path("involvedObject");
                return Optional.of(io.path("namespace").asText() + "/" + io.path("name").asText());
            }
        }
        return Optional.empty();
    }

    /**
     * Adds namespace {@code shop} with a bare Deployment {@code web} whose one pod cannot pull {@code nginx:foo} (a tag
     * that does not exist): Deployment, ReplicaSet, Pod in ImagePullBackOff and the kubelet's events, as a real cluster
     * shows them.
     */
    public void addBareFailingDeployment(int server) throws java.io.IOException {
        var store = servers[server].store();
        var m = new com.fasterxml.jackson.databind.ObjectMapper();
        Instant now = Instant.now();
        store.put((ObjectNode) m.readTree("""
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"}}"""));
        var d = store.put((ObjectNode) m.readTree("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop","generation":1,
                 "labels":{"app":"web"}},
                 "spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},
                  "template":{"metadata":{"labels":{"app":"web"}},
                   "spec":{"containers":[{"name":"web","image":"nginx:foo"}]}}}}"""));
        String dUid = d.toJson().path("metadata").path("uid").asText();
        var rs = store.put((ObjectNode) m.readTree("""
                {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"web-7c9d8f6b5","namespace":"shop",
                 "labels":{"app":"web","pod-template-hash":"7c9d8f6b5"},
                 "ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"web","uid":"%s","controller":true}]},
                 "spec":{"replicas":1,"selector":{"matchLabels":{"app":"web","pod-template-hash":"7c9d8f6b5"}},
                  "template":{"metadata":{"labels":{"app":"web","pod-template-hash":"7c9d8f6b5"}},
                   "spec":{"containers":[{"name":"web","image":"nginx:foo"}]}}}}""".formatted(dUid)));
        String rsUid = rs.toJson().path("metadata").path("uid").asText();
        var pod = store.put((ObjectNode) m.readTree("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-7c9d8f6b5-x2vqk","namespace":"shop",
                 "creationTimestamp":"%s","labels":{"app":"web","pod-template-hash":"7c9d8f6b5"},
                 "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-7c9d8f6b5","uid":"%s","controller":true}]},
                 "spec":{"nodeName":"ip-10-0-1-23.us-west-2.compute.internal","containers":[{"name":"web","image":"nginx:foo"}]},
                 "status":{"phase":"Pending","containerStatuses":[{"name":"web","image":"nginx:foo","imageID":"",
                  "ready":false,"restartCount":0,"started":false,
                  "state":{"waiting":{"reason":"ImagePullBackOff","message":"Back-off pulling image \\"nginx:foo\\""}}}]}}"""
                .formatted(now.minusSeconds(300), rsUid)));
        String podUid = pod.toJson().path("metadata").path("uid").asText();
        String[][] events = {
                {"Scheduled", "Normal", "Successfully assigned shop/web-7c9d8f6b5-x2vqk to ip-10-0-1-23.us-west-2.compute.internal", "default-scheduler"},
                {"Pulling", "Normal", "Pulling image \\\"nginx:foo\\\"", "kubelet"},
                {"Failed", "Warning", "Failed to pull image \\\"nginx:foo\\\": rpc error: code = NotFound desc = failed to pull and unpack image \\\"docker.io/library/nginx:foo\\\": failed to resolve reference \\\"docker.io/library/nginx:foo\\\": docker.io/library/nginx:foo: not found", "kubelet"},
                {"Failed", "Warning", "Error: ErrImagePull", "kubelet"},
                {"BackOff", "Normal", "Back-off pulling image \\\"nginx:foo\\\"", "kubelet"},
                {"Failed", "Warning", "Error: ImagePullBackOff", "kubelet"}};
        for (int i = 0; i < events.length; i++) {
            String t = now.minusSeconds(290 - i * 10L).toString();
            store.put((ObjectNode) m.readTree("""
                    {"apiVersion":"v1","kind":"Event","metadata":{"name":"web-7c9d8f6b5-x2vqk.%d","namespace":"shop"},
                     "involvedObject":{"kind":"Pod","namespace":"shop","name":"web-7c9d8f6b5-x2vqk","uid":"%s","apiVersion":"v1"},
                     "reason":"%s","type":"%s","message":"%s","source":{"component":"%s"},"count":1,
                     "firstTimestamp":"%s","lastTimestamp":"%s"}""".formatted(i, podUid, events[i][0], events[i][1],
                    events[i][2], events[i][3], t, t)));
        }
    }

    @Override
    public void close() {
        for (LabApiServer s : servers) {
            if (s != null) {
                s.close();
            }
        }
    }
}
