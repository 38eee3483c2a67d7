package dev.pullfix.model.aws;

/** An EC2 instance from {@code DescribeInstances}; {@code instanceProfileArn} null when it has none. */
public record InstanceInfo(String instanceId, String state, String instanceProfileArn, String vpcId,
                           String subnetId, String privateDnsName, String privateIpAddress) {

    /** The instance profile name: the last path segment of its ARN, or null. */
    public String instanceProfileName() {
        if (instanceProfileArn == null) {
            return null;
        }
        return instanceProfileArn.substring(instanceProfileArn.lastIndexOf('/') + 1);
    }
}
