package dev.pullfix.model.aws;

/** Port: the only EC2 write (a VPC endpoint's policy). Called by the fix write path alone. */
public interface Ec2Writer {

    /** Sets the endpoint policy, or resets it to the full-access default when {@code policyDocument} is null. */
    AwsResult<Boolean> setVpcEndpointPolicy(String endpointId, String policyDocument);
}
