package dev.pullfix.model.aws;

import java.util.List;

/** An EKS managed node group from {@code DescribeNodegroup}; {@code nodeRole} is the role the kubelet pulls as. */
public record NodegroupInfo(String clusterName, String name, String nodeRole, String status, String amiType,
                            String capacityType, List<String> subnets) {
    public NodegroupInfo {
        subnets = List.copyOf(subnets);
    }
}
