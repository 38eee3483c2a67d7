package dev.pullfix.model.aws;

import java.util.List;

/** Port: EC2 reads for node roles and the network path to ECR. */
public interface Ec2Gateway {

    AwsResult<InstanceInfo> describeInstance(String instanceId);

    /**
     * The endpoints in the VPC for {@code com.amazonaws.<region>.ecr.api}, {@code .ecr.dkr} and {@code .s3}
     * (gateway or interface), with their policies and private DNS setting.
     */
    AwsResult<List<VpcEndpointInfo>> ecrPullEndpoints(String vpcId);
}
