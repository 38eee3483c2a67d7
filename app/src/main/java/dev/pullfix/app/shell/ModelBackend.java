package dev.pullfix.app.shell;

import dev.pullfix.model.aws.AwsEnvironment;
import dev.pullfix.model.aws.AwsProblemException;
import dev.pullfix.model.aws.AwsProfile;
import dev.pullfix.model.aws.AwsProfiles;
import dev.pullfix.model.aws.AwsResult;
import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.aws.AwsSessionOptions;
import dev.pullfix.model.aws.CallerIdentity;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.ClusterConnector;
import dev.pullfix.model.cluster.ClusterEnvironment;
import dev.pullfix.model.cluster.ContextInfo;
import dev.pullfix.model.cluster.Kubeconfig;
import dev.pullfix.model.cluster.LivePodTree;
import dev.pullfix.model.cluster.PodEvent;
import dev.pullfix.model.cluster.PodEvents;
import dev.pullfix.model.cluster.PodTreeLoader;
import java.util.List;

/** The real engine behind the window: kubeconfig, fabric8 connections and live trees, AWS profiles and STS. */
public final class ModelBackend implements WorkbenchBackend {
    private final ClusterEnvironment clusterEnv;
    private final AwsEnvironment awsEnv;
    private final ClusterConnector.Options options;

    @Override
    public java.util.Map<String, String> environment() {
        return clusterEnv.env();
    }

    public ModelBackend(ClusterEnvironment clusterEnv, AwsEnvironment awsEnv, ClusterConnector.Options options) {
        this.clusterEnv = clusterEnv;
        this.awsEnv = awsEnv;
        this.options = options;
    }

    public static ModelBackend system() {
        return new ModelBackend(ClusterEnvironment.system(), AwsEnvironment.system(), ClusterConnector.Options.defaults());
    }

    @Override
    public List<ContextInfo> contexts() {
        return Kubeconfig.load(clusterEnv, null).contexts();
    }

    @Override
    public ClusterSession open(String context) {
        Kubeconfig kc = Kubeconfig.load(clusterEnv, null);
        ClusterConnection conn = new ClusterConnector(clusterEnv, options).connect(kc, context);
        return new Session(conn);
    }

    @Override
    public List<String> awsProfiles() {
        try {
            return AwsProfiles.load(awsEnv).list().stream().map(AwsProfile::name).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    @Override
    public String awsProfileInUse() {
        String chosen = awsEnv.profile();
        return chosen != null ? chosen : awsProfiles().contains("default") ? "default" : null;
    }

    @Override
    public AwsResult<CallerIdentity> whoAmI(String profile, String region) {
        AwsSessionOptions o = AwsSessionOptions.defaults().withProfile(blankToNull(profile)).withRegion(blankToNull(region))
                .withRetries(2, false);
        try (AwsSession s = AwsSession.open(AwsProfiles.load(awsEnv), o)) {
            return s.sts().callerIdentity();
        } catch (AwsProblemException e) {
            return AwsResult.failed(e.problem());
        }
    }

    @Override
    public java.util.function.Function<String, AwsSession> awsSessions(String profile, String region) {
        return resourceRegion -> AwsSession.open(AwsProfiles.load(awsEnv), AwsSessionOptions.defaults()
                .withProfile(blankToNull(profile)).withRegion(blankToNull(region))
                .withResourceRegion(blankToNull(resourceRegion)).withRetries(2, false));
    }

    /** The mappers of {@link #toYaml}, made on first use: a window that never shows YAML loads no Jackson for it. */
    private static final class Mappers {
        static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
        static final com.fasterxml.jackson.databind.ObjectMapper YAML = new com.fasterxml.jackson.databind.ObjectMapper(
                com.fasterxml.jackson.dataformat.yaml.YAMLFactory.builder()
                        .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                        .build());
    }

    /** YAML as kubectl prints it (no document marker, quotes only where needed). */
    static String toYaml(String json) {
        try {
            return Mappers.YAML.writeValueAsString(Mappers.JSON.readTree(json));
        } catch (java.io.IOException e) {
            return json;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static final class Session implements ClusterSession {
        private final ClusterConnection conn;
        private volatile LivePodTree live;

        Session(ClusterConnection conn) {
            this.conn = conn;
        }

        @Override
        public ContextInfo context() {
            return conn.context();
        }

        @Override
        public ClusterConnection connection() {
            return conn;
        }

        @Override
        public void watch(LivePodTree.Listener listener) {
            LivePodTree t = new LivePodTree(conn, PodTreeLoader.Scope.allNamespaces());
            t.addListener(listener);
            live = t;
            t.start();
        }

        @Override
        public List<PodEvent> events(String namespace, String pod) {
            return new PodEvents().load(conn, namespace, pod);
        }

        @Override
        public String podYaml(String namespace, String pod) {
            // the cluster package has no YAML read yet; this is the one fabric8 call in the app (see report)
            var client = conn.kubernetesClient();
            try {
                var p = client.pods().inNamespace(namespace).withName(pod).get();
                if (p == null) {
                    throw dev.pullfix.model.cluster.ClusterError.of(
                            dev.pullfix.model.cluster.ClusterError.Code.POD_NOT_FOUND, namespace, pod);
                }
                if (p.getMetadata() != null) {
                    p.getMetadata().setManagedFields(null);
                }
                return toYaml(client.getKubernetesSerialization().asJson(p));
            } catch (dev.pullfix.model.cluster.ClusterError e) {
                throw e;
            } catch (RuntimeException e) {
                throw conn.error(e, "get", "pods", namespace);
            }
        }

        @Override
        public void close() {
            LivePodTree t = live;
            if (t != null) {
                t.close();
            }
            conn.close();
        }
    }
}
