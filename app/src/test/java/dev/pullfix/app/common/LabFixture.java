package dev.pullfix.app.common;

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
 * ...; the window's backend reads only that kubeconfig and an empty AWS config.
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
            clusters.append("- name: ").append(name).append("\n  cluster:\n    server: ").append(servers[i].url()).append('\n');
            contexts.append("- name: ").append(name).append("\n  context:\n    cluster: ").append(name)
                    .append("\n    user: ").append(name).append('\n');
            users.append("- name: ").append(name).append("\n  user: {}\n");
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

    @Override
    public void close() {
        for (LabApiServer s : servers) {
            if (s != null) {
                s.close();
            }
        }
    }
}
