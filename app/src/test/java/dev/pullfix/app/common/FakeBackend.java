package dev.pullfix.app.common;

import dev.pullfix.app.shell.WorkbenchBackend;
import dev.pullfix.model.aws.AwsProblem;
import dev.pullfix.model.aws.AwsResult;
import dev.pullfix.model.aws.CallerIdentity;
import dev.pullfix.model.cluster.ClusterError;
import dev.pullfix.model.cluster.ClusterSnapshot;
import dev.pullfix.model.cluster.ConnectionState;
import dev.pullfix.model.cluster.ContextInfo;
import dev.pullfix.model.cluster.EksContextMapping;
import dev.pullfix.model.cluster.LivePodTree;
import dev.pullfix.model.cluster.PodEvent;
import dev.pullfix.model.lab.server.LabPopulation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A backend over fixed contexts, snapshots and events; records what was asked. */
public class FakeBackend implements WorkbenchBackend {
    public final List<ContextInfo> contexts = new ArrayList<>();
    public final Map<String, ClusterSnapshot> snapshots = new HashMap<>();
    public final Map<String, RuntimeException> openFailures = new HashMap<>();
    public final List<String> opened = new ArrayList<>();
    public final List<String> closed = new ArrayList<>();
    public final List<String> whoAsked = new ArrayList<>();
    public RuntimeException contextsFailure;
    public final Map<String, ClusterError> listFailures = new HashMap<>();
    public LivePodTree.Listener lastListener;
    public List<PodEvent> events = List.of();

    public static ContextInfo context(String name, boolean current, EksContextMapping eks) {
        return new ContextInfo(name, current, name, name, null, "https://" + name + ".example:6443",
                ContextInfo.AuthKind.EXEC, "aws", eks, Path.of("kubeconfig"));
    }

    /** The kubelet's events for an ECR 403 pull failure (containerd wording, as the lab writes them). */
    public static List<PodEvent> ecr403Events(String image) {
        Instant t = Instant.now().minusSeconds(300);
        return List.of(
                new PodEvent("Normal", "Scheduled", "default-scheduler", "Successfully assigned payments/api to node-1", 1,
                        t, t, false, "e1"),
                new PodEvent("Normal", "Pulling", "kubelet", "Pulling image \"" + image + "\"", 4, t, t.plusSeconds(200),
                        false, "e2"),
                new PodEvent("Warning", "Failed", "kubelet", "Failed to pull image \"" + image + "\": "
                        + LabPopulation.pullFailure(image, LabPopulation.Cause.ECR_FORBIDDEN_403), 4, t, t.plusSeconds(200),
                        false, "e3"),
                new PodEvent("Warning", "Failed", "kubelet", "Error: ErrImagePull", 4, t, t.plusSeconds(200), false, "e4"),
                new PodEvent("Normal", "BackOff", "kubelet", "Back-off pulling image \"" + image + "\"", 7, t,
                        t.plusSeconds(280), false, "e5"));
    }

    @Override
    public List<ContextInfo> contexts() {
        if (contextsFailure != null) {
            throw contextsFailure;
        }
        return List.copyOf(contexts);
    }

    @Override
    public ClusterSession open(String context) {
        opened.add(context);
        if (openFailures.containsKey(context)) {
            throw openFailures.get(context);
        }
        ContextInfo info = contexts.stream().filter(c -> c.name().equals(context)).findFirst().orElseThrow();
        return new ClusterSession() {
            @Override
            public ContextInfo context() {
                return info;
            }

            @Override
            public void watch(LivePodTree.Listener listener) {
                lastListener = listener;
                listener.onConnection(ConnectionState.CONNECTING, null);
                ClusterSnapshot s = snapshots.get(context);
                if (listFailures.containsKey(context)) {
                    listener.onConnection(ConnectionState.RECONNECTING, listFailures.get(context));
                    listener.onConnection(ConnectionState.RECONNECTING, listFailures.get(context));
                } else if (s != null) {
                    listener.onSnapshot(s);
                    listener.onConnection(ConnectionState.LIVE, null);
                }
            }

            @Override
            public List<PodEvent> events(String namespace, String pod) {
                return events;
            }

            @Override
            public String podYaml(String namespace, String pod) {
                return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + pod + "\n  namespace: " + namespace + "\n";
            }

            @Override
            public void close() {
                closed.add(context);
            }
        };
    }

    /** What {@link #awsProfileInUse} answers (AWS_PROFILE of a real environment). */
    public String profileInUse;

    @Override
    public List<String> awsProfiles() {
        return List.of("default", "prod-admin");
    }

    @Override
    public String awsProfileInUse() {
        return profileInUse;
    }

    @Override
    public AwsResult<CallerIdentity> whoAmI(String profile, String region) {
        whoAsked.add(profile + "@" + region);
        if ("expired".equals(profile)) {
            return AwsResult.failed(AwsProblem.of(AwsProblem.Kind.EXPIRED_TOKEN, "sts", "GetCallerIdentity", null)
                    .withProfile(profile));
        }
        return AwsResult.ok(new CallerIdentity("111122223333", "arn:aws:sts::111122223333:assumed-role/"
                + (profile == null ? "default" : profile) + "/dev", "AROAEXAMPLE:dev"));
    }

    public static ClusterError noKubeconfig() {
        return ClusterError.of(ClusterError.Code.NO_KUBECONFIG, "~/.kube/config");
    }
}
