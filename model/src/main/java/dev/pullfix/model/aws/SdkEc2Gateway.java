package dev.pullfix.model.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.SecurityGroupIdentifier;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/** {@link Ec2Gateway} over the SDK's EC2 client (EC2 query protocol, XML answers). */
final class SdkEc2Gateway implements Ec2Gateway {
    private final AwsSession session;
    private final java.util.function.Supplier<Ec2Client> ec2Client;
    private final String region;

    SdkEc2Gateway(AwsSession session, java.util.function.Supplier<Ec2Client> ec2Client, String region) {
        this.session = session;
        this.ec2Client = ec2Client;
        this.region = region;
    }

    @Override
    public AwsResult<InstanceInfo> describeInstance(String instanceId) {
        return session.call("ec2", "DescribeInstances", () -> {
            for (var res : ec2Client.get().describeInstances(r -> r.instanceIds(instanceId)).reservations()) {
                for (Instance i : res.instances()) {
                    return new InstanceInfo(i.instanceId(), i.state() == null ? null : i.state().nameAsString(),
                            i.iamInstanceProfile() == null ? null : i.iamInstanceProfile().arn(), i.vpcId(),
                            i.subnetId(), i.privateDnsName(), i.privateIpAddress());
                }
            }
            throw new AwsProblemException(AwsProblem.of(AwsProblem.Kind.NOT_FOUND, "ec2", "DescribeInstances",
                    instanceId));
        });
    }

    @Override
    public AwsResult<List<VpcEndpointInfo>> ecrPullEndpoints(String vpcId) {
        String prefix = "com.amazonaws." + region;
        return session.call("ec2", "DescribeVpcEndpoints", () -> {
            List<VpcEndpointInfo> out = new ArrayList<>();
            int pages = 0;
            for (var page : ec2Client.get().describeVpcEndpointsPaginator(r -> r.filters(
                    Filter.builder().name("vpc-id").values(vpcId).build(),
                    Filter.builder().name("service-name").values(prefix + ".ecr.api", prefix + ".ecr.dkr",
                            prefix + ".s3").build()))) {
                for (VpcEndpoint e : page.vpcEndpoints()) {
                    out.add(new VpcEndpointInfo(e.vpcEndpointId(), e.serviceName(), e.vpcEndpointTypeAsString(),
                            e.stateAsString(), e.vpcId(), e.policyDocument(), Boolean.TRUE.equals(e.privateDnsEnabled()),
                            e.subnetIds(), e.routeTableIds(),
                            e.groups().stream().map(SecurityGroupIdentifier::groupId).toList()));
                }
                if (++pages >= 20) {
                    break;
                }
            }
            return out;
        });
    }
}
