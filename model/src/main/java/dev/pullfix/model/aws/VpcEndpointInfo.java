package dev.pullfix.model.aws;

import java.util.List;

/**
 * A VPC endpoint from {@code DescribeVpcEndpoints}.
 *
 * @param type           {@code Interface} or {@code Gateway}
 * @param policyDocument the endpoint policy JSON (AWS returns the full-access default when none was set), or null
 */
public record VpcEndpointInfo(String id, String serviceName, String type, String state, String vpcId,
                             String policyDocument, boolean privateDnsEnabled, List<String> subnetIds,
                             List<String> routeTableIds, List<String> securityGroupIds) {
    public VpcEndpointInfo {
        subnetIds = List.copyOf(subnetIds);
        routeTableIds = List.copyOf(routeTableIds);
        securityGroupIds = List.copyOf(securityGroupIds);
    }

    /** Which of the image-pull endpoints this is, by service name suffix. */
    public Role role() {
        if (serviceName == null) {
            return Role.OTHER;
        }
        if (serviceName.endsWith(".ecr.api")) {
            return Role.ECR_API;
        }
        if (serviceName.endsWith(".ecr.dkr")) {
            return Role.ECR_DKR;
        }
        if (serviceName.endsWith(".s3")) {
            return "Gateway".equalsIgnoreCase(type) ? Role.S3_GATEWAY : Role.S3_INTERFACE;
        }
        return Role.OTHER;
    }

    public enum Role { ECR_API, ECR_DKR, S3_GATEWAY, S3_INTERFACE, OTHER }
}
