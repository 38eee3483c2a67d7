package dev.pullfix.model.aws;

import java.util.List;

/** An EKS cluster from {@code DescribeCluster}. {@code certificateAuthority} is base64 PEM as EKS returns it. */
public record ClusterInfo(String name, String arn, String status, String version, String endpoint,
                          String certificateAuthority, String vpcId, List<String> subnetIds,
                          List<String> securityGroupIds, String clusterSecurityGroupId,
                          boolean endpointPublicAccess, boolean endpointPrivateAccess) {
    public ClusterInfo {
        subnetIds = List.copyOf(subnetIds);
        securityGroupIds = List.copyOf(securityGroupIds);
    }
}
