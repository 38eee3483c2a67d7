package dev.pullfix.model.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eks.EksClient;

/** {@link EksGateway} over the SDK's EKS client (REST-JSON). */
final class SdkEksGateway implements EksGateway {
    private final AwsSession session;
    private final java.util.function.Supplier<EksClient> eksClient;

    SdkEksGateway(AwsSession session, java.util.function.Supplier<EksClient> eksClient) {
        this.session = session;
        this.eksClient = eksClient;
    }

    @Override
    public AwsResult<ClusterInfo> describeCluster(String clusterName) {
        return session.call("eks", "DescribeCluster", () -> {
            var c = eksClient.get().describeCluster(r -> r.name(clusterName)).cluster();
            var vpc = c.resourcesVpcConfig();
            return new ClusterInfo(c.name(), c.arn(), c.statusAsString(), c.version(), c.endpoint(),
                    c.certificateAuthority() == null ? null : c.certificateAuthority().data(),
                    vpc == null ? null : vpc.vpcId(), vpc == null ? List.of() : vpc.subnetIds(),
                    vpc == null ? List.of() : vpc.securityGroupIds(), vpc == null ? null : vpc.clusterSecurityGroupId(),
                    vpc != null && Boolean.TRUE.equals(vpc.endpointPublicAccess()),
                    vpc != null && Boolean.TRUE.equals(vpc.endpointPrivateAccess()));
        });
    }

    @Override
    public AwsResult<NodegroupInfo> describeNodegroup(String clusterName, String nodegroupName) {
        return session.call("eks", "DescribeNodegroup", () -> {
            var n = eksClient.get().describeNodegroup(r -> r.clusterName(clusterName).nodegroupName(nodegroupName)).nodegroup();
            return new NodegroupInfo(n.clusterName(), n.nodegroupName(), n.nodeRole(), n.statusAsString(),
                    n.amiTypeAsString(), n.capacityTypeAsString(), n.subnets());
        });
    }

    @Override
    public AwsResult<FargateProfileInfo> describeFargateProfile(String clusterName, String profileName) {
        return session.call("eks", "DescribeFargateProfile", () -> {
            var f = eksClient.get().describeFargateProfile(r -> r.clusterName(clusterName).fargateProfileName(profileName))
                    .fargateProfile();
            List<FargateProfileInfo.Selector> selectors = new ArrayList<>();
            f.selectors().forEach(s -> selectors.add(new FargateProfileInfo.Selector(s.namespace(),
                    s.labels() == null ? Map.of() : s.labels())));
            return new FargateProfileInfo(f.clusterName(), f.fargateProfileName(), f.podExecutionRoleArn(),
                    f.statusAsString(), selectors, f.subnets());
        });
    }

    @Override
    public AwsResult<List<String>> listFargateProfiles(String clusterName) {
        return session.call("eks", "ListFargateProfiles", () -> {
            List<String> names = new ArrayList<>();
            int pages = 0;
            for (var page : eksClient.get().listFargateProfilesPaginator(r -> r.clusterName(clusterName))) {
                names.addAll(page.fargateProfileNames());
                if (++pages >= 20) {
                    break;
                }
            }
            return names;
        });
    }
}
