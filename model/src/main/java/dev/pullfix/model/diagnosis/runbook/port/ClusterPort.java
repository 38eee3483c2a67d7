package dev.pullfix.model.diagnosis.runbook.port;

import dev.pullfix.model.aws.NodeFacts;
import dev.pullfix.model.cluster.WorkloadRef;
import java.util.List;
import java.util.Optional;

/**
 * What the runbook engine reads from the cluster (read-only). Implemented over the fabric8 cluster model and by the
 * lab. Each call either answers or throws {@link CouldNotCheckException} naming what was missing
 * (e.g. {@code ACCESS_DENIED} with permission {@code list events}).
 */
public interface ClusterPort {

    /** The pod's facts; {@code NOT_FOUND} when it does not exist. */
    PodFacts pod(String namespace, String name) throws CouldNotCheckException;

    /** The events whose involved object is this pod, any order; empty when they have expired. */
    List<EventFacts> podEvents(String namespace, String podName) throws CouldNotCheckException;

    /** The node, or empty when it is gone (or the pod was never scheduled). */
    Optional<NodeFacts> node(String name) throws CouldNotCheckException;

    /** Existence, type and registry hosts of a secret; never its credentials. */
    Optional<SecretFacts> secret(String namespace, String name) throws CouldNotCheckException;

    /**
     * Every docker-registry secret ({@code kubernetes.io/dockerconfigjson} or {@code dockercfg}) of a namespace, by
     * name: type and registry hosts, never credentials. The kubelet uses only the secrets a pod names, so these say
     * which existing secret a pod could reference. {@code NOT_SUPPORTED} where the port cannot list them.
     */
    default List<SecretFacts> dockerConfigSecrets(String namespace) throws CouldNotCheckException {
        throw CouldNotCheckException.of(CouldNotCheckException.Reason.NOT_SUPPORTED, "list secrets");
    }

    Optional<ServiceAccountFacts> serviceAccount(String namespace, String name) throws CouldNotCheckException;

    /** The current pods of a workload (for "are the pods running now?"). */
    List<PodFacts> workloadPods(String namespace, WorkloadRef workload) throws CouldNotCheckException;

    /** The EKS cluster name if known (kubeconfig, node labels); fills {@code {cluster}} in commands. */
    default Optional<String> clusterName() {
        return Optional.empty();
    }

    /** Every pod of one namespace, or of all namespaces when {@code namespace} is null (for diagnose --all). */
    default List<PodFacts> pods(String namespace) throws CouldNotCheckException {
        throw CouldNotCheckException.of(CouldNotCheckException.Reason.NOT_SUPPORTED, "pods");
    }

    /** Every event of one namespace, or of all namespaces when null (one list, shared by diagnose --all). */
    default List<EventFacts> events(String namespace) throws CouldNotCheckException {
        throw CouldNotCheckException.of(CouldNotCheckException.Reason.NOT_SUPPORTED, "events");
    }
}
