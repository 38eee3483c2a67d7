package dev.pullfix.cli;

import dev.pullfix.model.aws.AwsEnvironment;
import dev.pullfix.model.aws.AwsProfiles;
import dev.pullfix.model.aws.AwsSessionOptions;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.EksContextMapping;
import dev.pullfix.model.connect.AwsAccess;
import dev.pullfix.model.connect.Fabric8PullSecretReader;
import dev.pullfix.model.connect.Workspace;
import dev.pullfix.model.registry.ClientRegistryPort;
import dev.pullfix.model.registry.HttpRegistryClient;
import java.time.Duration;
import java.util.Optional;

/**
 * The front door's workspace for a command: the cluster connection, the AWS account the context maps to, and the
 * registries as the kubelet meets them (the pod's pull secrets read from the cluster, the registry options' mirrors).
 */
final class Workspaces {
    private Workspaces() {
    }

    /** Without registries (undo writes only to the cluster and AWS). */
    static Workspace of(ClusterConnection conn, AwsOptions aws, Duration perCall) {
        return account(conn, aws, perCall);
    }

    /**
     * The options win over the context's EKS mapping; each AWS call within {@code perCall}, each registry request
     * within half of it and the registry's whole answer within 90 % of it (and within {@code total}).
     */
    static Workspace of(ClusterConnection conn, AwsOptions aws, RegistryOptions registries, Duration perCall,
                        Duration total) {
        // the registry's whole answer (ping, token, manifest) ends before the diagnosis' own limit on one call, so a
        // registry that does not answer is a finding ("does not answer from here") rather than a step out of time
        Duration answer = perCall.multipliedBy(9).dividedBy(10);
        ClientRegistryPort registry = new ClientRegistryPort(new HttpRegistryClient(
                registries.clientOptions(perCall.dividedBy(2), answer.compareTo(total) < 0 ? answer : total)),
                new Fabric8PullSecretReader(conn));
        return account(conn, aws, perCall).withRegistry(registry);
    }

    private static Workspace account(ClusterConnection conn, AwsOptions aws, Duration perCall) {
        Optional<EksContextMapping> eks = conn.context().eksMapping();
        String awsProfile = aws.profile() != null ? aws.profile() : eks.map(EksContextMapping::profile).orElse(null);
        String awsRegion = aws.region() != null ? aws.region() : eks.map(EksContextMapping::region).orElse(null);
        AwsAccess account = AwsAccess.of(AwsProfiles.load(AwsEnvironment.system()), AwsSessionOptions.defaults()
                .withProfile(awsProfile).withRegion(awsRegion).withEndpoint(aws.endpoint()).withApiCallTimeout(perCall));
        return new Workspace(conn, eks.map(EksContextMapping::clusterName).orElse(null), account, null);
    }
}
