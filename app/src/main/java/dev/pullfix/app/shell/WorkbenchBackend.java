package dev.pullfix.app.shell;

import dev.pullfix.model.aws.AwsResult;
import dev.pullfix.model.aws.CallerIdentity;
import dev.pullfix.model.cluster.ContextInfo;
import dev.pullfix.model.cluster.LivePodTree;
import dev.pullfix.model.cluster.PodEvent;
import java.util.List;

/**
 * What the main window needs from the engine, as one port: the view-models call it inside tasks (never on the
 * FX thread); tests pass a fake, the app passes {@link ModelBackend}. All methods may block.
 */
public interface WorkbenchBackend {

    /** The kubeconfig's contexts; throws {@code ClusterError} (e.g. NO_KUBECONFIG). */
    List<ContextInfo> contexts();

    /** Opens a connection to a context (runs its credential plugin once); does not list anything yet. */
    ClusterSession open(String context);

    /** AWS profile names from the shared config and credentials files. */
    List<String> awsProfiles();

    /** Who the profile's credentials are ({@code sts:GetCallerIdentity}). */
    AwsResult<CallerIdentity> whoAmI(String profile, String region);

    /**
     * Opens AWS sessions for the runbook engine with this profile and region: the function takes a resource region
     * ("" = the profile's own). Null when this backend has no AWS (test fakes).
     */
    default java.util.function.Function<String, dev.pullfix.model.aws.AwsSession> awsSessions(String profile,
                                                                                             String region) {
        return null;
    }

    /**
     * The environment the registry client reads (proxies, and the practice lab's registry endpoints): the process's,
     * or the one this backend was opened with.
     */
    default java.util.Map<String, String> environment() {
        return System.getenv();
    }

    /** One open context. */
    interface ClusterSession extends AutoCloseable {
        ContextInfo context();

        /** Lists and watches the pods of all namespaces; the listener is called on a background thread. */
        void watch(LivePodTree.Listener listener);

        /** The pod's events, oldest first, as {@code kubectl describe} lists them. */
        List<PodEvent> events(String namespace, String pod);

        /** The pod as YAML ({@code kubectl get pod -o yaml}). */
        String podYaml(String namespace, String pod);

        /** The live connection (for the runbook engine and the write path), or null for fakes. */
        default dev.pullfix.model.cluster.ClusterConnection connection() {
            return null;
        }

        @Override
        void close();
    }
}
