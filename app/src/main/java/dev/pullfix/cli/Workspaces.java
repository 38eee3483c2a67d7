package dev.pullfix.cli;

import dev.pullfix.model.aws.AwsEnvironment;
import dev.pullfix.model.aws.AwsProfiles;
import dev.pullfix.model.aws.AwsSessionOptions;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.EksContextMapping;
import dev.pullfix.model.connect.AwsAccess;
import dev.pullfix.model.connect.Workspace;
import java.time.Duration;
import java.util.Optional;

/** The front door's workspace for a command: the cluster connection and the AWS account the context maps to. */
final class Workspaces {
    private Workspaces() {
    }

    /** The options win over the context's EKS mapping; each AWS call within {@code perCall}. */
    static Workspace of(ClusterConnection conn, AwsOptions aws, Duration perCall) {
        Optional<EksContextMapping> eks = conn.context().eksMapping();
        String awsProfile = aws.profile() != null ? aws.profile() : eks.map(EksContextMapping::profile).orElse(null);
        String awsRegion = aws.region() != null ? aws.region() : eks.map(EksContextMapping::region).orElse(null);
        AwsAccess account = AwsAccess.of(AwsProfiles.load(AwsEnvironment.system()), AwsSessionOptions.defaults()
                .withProfile(awsProfile).withRegion(awsRegion).withEndpoint(aws.endpoint()).withApiCallTimeout(perCall));
        return new Workspace(conn, eks.map(EksContextMapping::clusterName).orElse(null), account, null);
    }
}
