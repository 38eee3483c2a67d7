package dev.pullfix.model.diagnosis.runbook.port;

import dev.pullfix.model.cluster.WorkloadRef;
import java.time.Instant;
import java.util.List;

/**
 * A pod as the runbooks need it.
 *
 * @param phase            Pending, Running, ...
 * @param nodeName         node the pod is scheduled on, or null
 * @param serviceAccount   service account name ({@code default} when unset)
 * @param imagePullSecrets names listed in the pod spec (not those inherited from the service account)
 * @param owner            the top workload (a Deployment rather than its ReplicaSet), or kind {@code Pod} when bare
 * @param containers       init containers first, then containers, in spec order
 */
public record PodFacts(String namespace, String name, String phase, String nodeName, String serviceAccount,
                       List<String> imagePullSecrets, WorkloadRef owner, List<ContainerFacts> containers,
                       Instant created) {
    public PodFacts {
        imagePullSecrets = imagePullSecrets == null ? List.of() : List.copyOf(imagePullSecrets);
        containers = containers == null ? List.of() : List.copyOf(containers);
        serviceAccount = serviceAccount == null || serviceAccount.isBlank() ? "default" : serviceAccount;
        owner = owner == null ? new WorkloadRef("Pod", name) : owner;
    }

    /** READY column as kubectl prints it, e.g. {@code 0/1} (containers only). */
    public String readyColumn() {
        long all = containers.stream().filter(c -> !c.init()).count();
        long ready = containers.stream().filter(c -> !c.init() && c.ready()).count();
        return ready + "/" + all;
    }

    /** STATUS column as kubectl prints it: the first waiting reason, else the phase. */
    public String statusColumn() {
        return containers.stream().filter(c -> c.waitingReason() != null).map(ContainerFacts::waitingReason)
                .findFirst().orElse(phase);
    }
}
