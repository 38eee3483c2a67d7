package dev.pullfix.model.preflight;

import java.util.List;
import java.util.Map;

/**
 * One container image of a pod template in a manifest.
 *
 * @param kind           Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob or Pod
 * @param namespace      the manifest's namespace, or null (the default namespace then)
 * @param container      the container's name (init containers included)
 * @param pullSecrets    the template's {@code imagePullSecrets}
 * @param serviceAccount the template's service account ({@code default} when unset)
 * @param nodeSelector   the template's node selector (e.g. {@code kubernetes.io/arch: arm64})
 * @param document       the document's position in the input, from 1
 */
public record PodTemplateImage(String kind, String name, String namespace, String container, String image,
                               List<String> pullSecrets, String serviceAccount, Map<String, String> nodeSelector,
                               int document) {
    public PodTemplateImage {
        pullSecrets = pullSecrets == null ? List.of() : List.copyOf(pullSecrets);
        nodeSelector = nodeSelector == null ? Map.of() : Map.copyOf(nodeSelector);
        serviceAccount = serviceAccount == null || serviceAccount.isBlank() ? "default" : serviceAccount;
    }

    /** {@code Deployment/web}. */
    public String workload() {
        return kind + "/" + name;
    }
}
