package dev.pullfix.model.connect;

import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.EksContextMapping;
import dev.pullfix.model.diagnosis.runbook.port.RegistryPort;
import java.util.Objects;

/**
 * What the diagnosis reads and the fixes write: one cluster connection (its kubeconfig context), the EKS cluster name
 * when known, the AWS account when one is set up, and a registry port when one is available. The front ends build
 * it from the user's choices; the diagnosis service and the fix planner build their adapters from it.
 *
 * @param clusterName the EKS cluster name (fills {@code {cluster}} in commands, finds node groups), or null
 * @param aws         the AWS account, or null when none is configured (AWS steps then say "could not check")
 * @param registry    asks registries about manifests (the lab's; a real one later), or null
 */
public record Workspace(ClusterConnection cluster, String clusterName, AwsAccess aws, RegistryPort registry) {
    public Workspace {
        Objects.requireNonNull(cluster, "cluster");
    }

    /** The cluster's EKS name from the context's mapping, no registry port. */
    public static Workspace of(ClusterConnection cluster, AwsAccess aws) {
        return new Workspace(cluster, cluster.context().eksMapping().map(EksContextMapping::clusterName).orElse(null),
                aws, null);
    }

    public Workspace withRegistry(RegistryPort r) {
        return new Workspace(cluster, clusterName, aws, r);
    }

    /**
     * With the registries as the kubelet meets them, asked from this machine: the pod's pull secrets read through
     * this workspace's cluster, the registry client's options from {@code env} (proxies, and registry endpoints such as
     * the practice lab's, {@link dev.pullfix.model.registry.RegistryClientOptions#ENDPOINTS_ENV}). The client is built
     * on first use, so this is cheap on a UI thread.
     */
    public Workspace withRegistriesFrom(java.util.Map<String, String> env) {
        return withRegistry(registries(cluster, env));
    }

    /** The registry port {@link #withRegistriesFrom} uses, for front ends that hold it apart from a workspace. */
    public static dev.pullfix.model.registry.ClientRegistryPort registries(ClusterConnection cluster,
                                                                           java.util.Map<String, String> env) {
        java.util.Map<String, String> copy = java.util.Map.copyOf(env);
        return dev.pullfix.model.registry.ClientRegistryPort.lazy(() -> new dev.pullfix.model.registry.HttpRegistryClient(
                dev.pullfix.model.registry.RegistryClientOptions.defaults().withEnvironment(copy)),
                new Fabric8PullSecretReader(cluster));
    }

    public Workspace withClusterName(String name) {
        return new Workspace(cluster, name, aws, registry);
    }

    /** The kubeconfig context name (audit entries and equivalent commands name it). */
    public String context() {
        return cluster.context() == null ? null : cluster.context().name();
    }
}
