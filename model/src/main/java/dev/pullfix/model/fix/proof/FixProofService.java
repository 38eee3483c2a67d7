package dev.pullfix.model.fix.proof;

import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.cluster.WorkloadRef;
import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.registry.ClientRegistryPort;
import dev.pullfix.model.registry.ImageCheckResult;
import dev.pullfix.model.registry.Platform;
import dev.pullfix.model.registry.RegistryResult;
import dev.pullfix.model.registry.TagList;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The proof-of-fix front door for the GUI and the CLI.
 *
 * <pre>{@code
 * FixProofService proof = new FixProofService(verifier, registryPort, watcher);
 * // picking a tag: the registry's own tags, and a typed tag checked before anything is shown
 * proof.tags(image, ns, pullSecrets);                        // newest first
 * ImageCheckResult r = proof.checkImage(newImage, ns, pullSecrets, nodePlatform);
 * if (RegistryDryRunPlan.refuses(r)) { offer r.nearestTags(); }
 * // the write: an image change's dry-run asks the registry, so the write path refuses a missing tag
 * FixPlan plan = proof.guardImageChange(PodTemplatePlan.setImage(...), newImage, ns, pullSecrets, nodePlatform);
 * Baseline before = proof.before(ns, workload, pod);           // just before apply
 * Outcome o = writePath.apply(writePath.preview(plan), confirmer);
 * FixProof p = proof.after(before, Duration.ofMinutes(5), cancel, FixProofService::noProgress);   // FIXED / STILL_FAILING / NOT_YET
 * }</pre>
 */
public final class FixProofService implements AutoCloseable {
    private final ImageVerifier verifier;
    private final ClientRegistryPort registry;
    private final PodRecoveryWatcher watcher;
    private AutoCloseable owned;

    /**
     * The service over a workspace: its registry port (when it is the registry client's), ECR through its AWS
     * account, its cluster for the watch; close it to close the AWS sessions it opened.
     *
     * @param rediagnosis runs the diagnosis of a pod that fails again (the diagnosis service), or null
     */
    public static FixProofService of(dev.pullfix.model.connect.Workspace w, PodRecoveryWatcher.Rediagnosis rediagnosis) {
        ClientRegistryPort reg = w.registry() instanceof ClientRegistryPort c ? c : null;
        dev.pullfix.model.connect.GatewayAwsPort aws = w.aws() == null ? null
                : new dev.pullfix.model.connect.GatewayAwsPort(w.aws()::open, w.aws().region());
        FixProofService s = new FixProofService(new RoutingImageVerifier(reg, aws), reg, new PodRecoveryWatcher(
                new dev.pullfix.model.connect.Fabric8ClusterPort(w.cluster(), w.clusterName()), rediagnosis,
                Duration.ofMillis(500)));
        s.owned = aws;
        return s;
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                // closing AWS clients: nothing left to do
            }
        }
    }

    /**
     * @param verifier asks the registry (or ECR) about an image; null: image changes are not checked
     * @param registry lists tags of non-ECR repositories; null: no tags
     * @param watcher  watches the pod after a write
     */
    public FixProofService(ImageVerifier verifier, ClientRegistryPort registry, PodRecoveryWatcher watcher) {
        this.verifier = verifier;
        this.registry = registry;
        this.watcher = watcher;
    }

    /** The registry's answer about an image the pod would pull with these secrets on a node of this platform. */
    public ImageCheckResult checkImage(String image, String namespace, List<String> pullSecrets, Platform node)
            throws CouldNotCheckException {
        if (verifier == null) {
            throw CouldNotCheckException.of(CouldNotCheckException.Reason.NOT_SUPPORTED, "no registry access");
        }
        return verifier.verify(image, namespace, pullSecrets, node);
    }

    /** The repository's tags, newest first, for a tag picker (registries other than private ECR). */
    public List<String> tags(String image, String namespace, List<String> pullSecrets) throws CouldNotCheckException {
        if (registry == null || ImageReference.tryParse(image).map(r -> r.registry().isEcrPrivate()).orElse(true)) {
            return List.of();
        }
        RegistryResult<TagList> r = registry.tags(image, namespace, pullSecrets);
        return r != null && r.isOk() ? r.value().tags() : List.of();
    }

    /** An image change whose dry-run is the registry check of {@code newImage}. */
    public FixPlan guardImageChange(FixPlan imageChange, String newImage, String namespace, List<String> pullSecrets,
                                    Platform node) {
        return guardImageChange(imageChange, newImage, namespace, () -> pullSecrets, node);
    }

    /** As above, the pull secrets read when the dry-run runs (e.g. from the workload's pod template). */
    public FixPlan guardImageChange(FixPlan imageChange, String newImage, String namespace,
                                    java.util.concurrent.Callable<List<String>> pullSecrets, Platform node) {
        if (verifier == null) {
            return imageChange;
        }
        return new RegistryDryRunPlan(imageChange, newImage, () -> {
            List<String> secrets;
            try {
                secrets = pullSecrets.call();
            } catch (Exception e) {
                secrets = List.of();
            }
            return verifier.verify(newImage, namespace, secrets, node);
        });
    }

    /** The workload's pods and pull-failure counts just before the write. */
    public Baseline before(String namespace, WorkloadRef workload, String pod) throws CouldNotCheckException {
        return watcher.baseline(namespace, workload, pod);
    }

    /** As above for a write of {@code kind}: a fix that changes the pod template is proven by the new pods only. */
    public Baseline before(String namespace, WorkloadRef workload, String pod, FixKind kind)
            throws CouldNotCheckException {
        return watcher.baseline(namespace, workload, pod, kind != null && kind.replacesPods());
    }

    /** For a caller that shows the verdict only, not the pods on every poll. */
    public static void noProgress(List<FixProof.PodState> pods) {
        // nobody shows the pods while they change
    }

    /** Watches after the write; only {@link FixProof.Verdict#FIXED} may be called "fixed". */
    public FixProof after(Baseline before, Duration within, CancelToken cancel, Consumer<List<FixProof.PodState>> progress) {
        return watcher.watch(before, within, cancel, progress);
    }
}
