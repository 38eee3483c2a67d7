package dev.pullfix.model.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SdkEksEc2GatewayTest extends AwsStubTest {

    static final String CLUSTER = """
            {"cluster":{"name":"eks-workshop","arn":"arn:aws:eks:us-west-2:682844965773:cluster/eks-workshop",
            "createdAt":1.7286E9,"version":"1.30","endpoint":"https://A1B2C3D4.gr7.us-west-2.eks.amazonaws.com",
            "roleArn":"arn:aws:iam::682844965773:role/eks-workshop-cluster-role",
            "resourcesVpcConfig":{"subnetIds":["subnet-0a1","subnet-0b2"],"securityGroupIds":["sg-0c3"],
            "clusterSecurityGroupId":"sg-0d4","vpcId":"vpc-0e5f6a7b8c9d0e1f2","endpointPublicAccess":true,
            "endpointPrivateAccess":true,"publicAccessCidrs":["0.0.0.0/0"]},
            "status":"ACTIVE","certificateAuthority":{"data":"LS0tLS1CRUdJTi..."},"platformVersion":"eks.8"}}""";

    static final String NODEGROUP = """
            {"nodegroup":{"nodegroupName":"default","nodegroupArn":"arn:aws:eks:us-west-2:682844965773:nodegroup/eks-workshop/default/1ec9",
            "clusterName":"eks-workshop","version":"1.30","status":"ACTIVE","capacityType":"ON_DEMAND",
            "instanceTypes":["m5.large"],"subnets":["subnet-0a1"],"amiType":"AL2023_x86_64_STANDARD",
            "nodeRole":"arn:aws:iam::682844965773:role/eksctl-eks-workshop-nodegroup-defa-NodeInstanceRole-Fa4f8r6uT7UD",
            "scalingConfig":{"minSize":3,"maxSize":6,"desiredSize":3}}}""";

    static final String FARGATE = """
            {"fargateProfile":{"fargateProfileName":"fp-default","fargateProfileArn":"arn:aws:eks:us-west-2:682844965773:fargateprofile/eks-workshop/fp-default/aa",
            "clusterName":"eks-workshop","podExecutionRoleArn":"arn:aws:iam::682844965773:role/eks-fargate-pods",
            "subnets":["subnet-0a1"],"selectors":[{"namespace":"checkout","labels":{"fargate":"yes"}}],"status":"ACTIVE"}}""";

    static final String INSTANCES = "<reservationSet><item><reservationId>r-0123456789abcdef0</reservationId>"
            + "<ownerId>682844965773</ownerId><groupSet/><instancesSet><item><instanceId>i-0abc123def4567890</instanceId>"
            + "<imageId>ami-0123456789abcdef0</imageId><instanceState><code>16</code><name>running</name></instanceState>"
            + "<privateDnsName>ip-10-42-33-232.us-west-2.compute.internal</privateDnsName>"
            + "<instanceType>m5.large</instanceType><subnetId>subnet-0a1</subnetId><vpcId>vpc-0e5f6a7b8c9d0e1f2</vpcId>"
            + "<privateIpAddress>10.42.33.232</privateIpAddress>"
            + "<iamInstanceProfile><arn>arn:aws:iam::682844965773:instance-profile/eks-a2c9-nodes</arn>"
            + "<id>AIPAZ6EXAMPLE00001</id></iamInstanceProfile></item></instancesSet></item></reservationSet>";

    static final String ENDPOINTS = "<vpcEndpointSet>"
            + endpoint("vpce-0api", "Interface", "com.amazonaws.us-west-2.ecr.api", true, "<subnetIdSet><item>subnet-0a1</item></subnetIdSet>")
            + endpoint("vpce-0dkr", "Interface", "com.amazonaws.us-west-2.ecr.dkr", false, "<subnetIdSet><item>subnet-0a1</item></subnetIdSet>")
            + endpoint("vpce-0s3", "Gateway", "com.amazonaws.us-west-2.s3", false, "<routeTableIdSet><item>rtb-0aa</item></routeTableIdSet>")
            + "</vpcEndpointSet>";

    static String endpoint(String id, String type, String service, boolean dns, String sets) {
        String policy = "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"*\",\"Resource\":\"*\"}]}";
        return "<item><vpcEndpointId>" + id + "</vpcEndpointId><vpcEndpointType>" + type + "</vpcEndpointType>"
                + "<vpcId>vpc-0e5f6a7b8c9d0e1f2</vpcId><serviceName>" + service + "</serviceName><state>available</state>"
                + "<policyDocument>" + AwsStub.escape(policy) + "</policyDocument>" + sets
                + "<groupSet><item><groupId>sg-0ep</groupId><groupName>endpoints</groupName></item></groupSet>"
                + "<privateDnsEnabled>" + dns + "</privateDnsEnabled><requesterManaged>false</requesterManaged>"
                + "<creationTimestamp>2024-10-11T13:00:00.000Z</creationTimestamp></item>";
    }



    @Test
    void describesTheClusterWithItsVpc() {
        stub.eksGet("/clusters/eks-workshop", CLUSTER);
        ClusterInfo c = session.eks().describeCluster("eks-workshop").value();
        assertThat(c.vpcId()).isEqualTo("vpc-0e5f6a7b8c9d0e1f2");
        assertThat(c.endpoint()).startsWith("https://");
        assertThat(c.endpointPrivateAccess()).isTrue();
        assertThat(c.subnetIds()).containsExactly("subnet-0a1", "subnet-0b2");
    }

    @Test
    void describesTheNodegroupWithItsNodeRole() {
        stub.eksGet("/clusters/eks-workshop/node-groups/default", NODEGROUP);
        NodegroupInfo n = session.eks().describeNodegroup("eks-workshop", "default").value();
        assertThat(n.nodeRole()).isEqualTo(Seed000.NODE_ROLE);
        assertThat(n.amiType()).isEqualTo("AL2023_x86_64_STANDARD");
    }

    @Test
    void describesTheFargateProfileWithItsPodExecutionRole() {
        stub.eksGet("/clusters/eks-workshop/fargate-profiles/fp-default", FARGATE);
        FargateProfileInfo f = session.eks().describeFargateProfile("eks-workshop", "fp-default").value();
        assertThat(f.podExecutionRoleArn()).endsWith("role/eks-fargate-pods");
        assertThat(f.selectors()).singleElement().satisfies(s -> assertThat(s.labels()).containsEntry("fargate", "yes"));
    }

    @Test
    void missingNodegroupIsNotFound() {
        stub.eksError("/clusters/eks-workshop/node-groups/nope", 404, "ResourceNotFoundException",
                "No node group found for name: nope.");
        AwsProblem p = session.eks().describeNodegroup("eks-workshop", "nope").problem().orElseThrow();
        assertThat(p.kind()).isEqualTo(AwsProblem.Kind.NOT_FOUND);
    }

    @Test
    void eksAccessDeniedNamesTheAction() {
        stub.eksError("/clusters/eks-workshop/node-groups/default", 403, "AccessDeniedException",
                "User: arn:aws:sts::682844965773:assumed-role/Dev/bob is not authorized to perform: eks:DescribeNodegroup "
                        + "on resource: arn:aws:eks:us-west-2:682844965773:nodegroup/eks-workshop/default/*");
        AwsProblem p = session.eks().describeNodegroup("eks-workshop", "default").problem().orElseThrow();
        assertThat(p.kind()).isEqualTo(AwsProblem.Kind.ACCESS_DENIED);
        assertThat(p.missingAction()).isEqualTo("eks:DescribeNodegroup");
    }

    @Test
    void describesTheInstanceWithItsInstanceProfile() {
        stub.ec2("DescribeInstances", INSTANCES);
        InstanceInfo i = session.ec2().describeInstance("i-0abc123def4567890").value();
        assertThat(i.instanceProfileArn()).endsWith("instance-profile/eks-a2c9-nodes");
        assertThat(i.instanceProfileName()).isEqualTo("eks-a2c9-nodes");
        assertThat(i.vpcId()).isEqualTo("vpc-0e5f6a7b8c9d0e1f2");
        stub.server.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("InstanceId.1=i-0abc123def4567890")));
    }

    @Test
    void missingInstanceIsNotFound() {
        stub.ec2Error("DescribeInstances", 400, "InvalidInstanceID.NotFound", "The instance ID 'i-0nope' does not exist");
        assertThat(session.ec2().describeInstance("i-0nope").problem().orElseThrow().kind())
                .isEqualTo(AwsProblem.Kind.NOT_FOUND);
    }

    @Test
    void ec2UnauthorizedOperationIsAccessDenied() {
        stub.ec2Error("DescribeInstances", 403, "UnauthorizedOperation", "You are not authorized to perform this operation. "
                + "User: arn:aws:sts::682844965773:assumed-role/Dev/bob is not authorized to perform: ec2:DescribeInstances "
                + "because no identity-based policy allows the ec2:DescribeInstances action");
        AwsProblem p = session.ec2().describeInstance("i-0abc").problem().orElseThrow();
        assertThat(p.kind()).isEqualTo(AwsProblem.Kind.ACCESS_DENIED);
        assertThat(p.missingAction()).isEqualTo("ec2:DescribeInstances");
    }

    @Test
    void ec2RequestLimitIsThrottled() {
        stub.ec2Error("DescribeVpcEndpoints", 503, "RequestLimitExceeded", "Request limit exceeded.");
        assertThat(session.ec2().ecrPullEndpoints("vpc-0e5f6a7b8c9d0e1f2").problem().orElseThrow().kind())
                .isEqualTo(AwsProblem.Kind.THROTTLED);
    }

    @Test
    void listsTheEcrAndS3EndpointsOfTheVpcWithPoliciesAndPrivateDns() {
        stub.ec2("DescribeVpcEndpoints", ENDPOINTS);
        List<VpcEndpointInfo> eps = session.ec2().ecrPullEndpoints("vpc-0e5f6a7b8c9d0e1f2").value();
        assertThat(eps).extracting(VpcEndpointInfo::role).containsExactly(VpcEndpointInfo.Role.ECR_API,
                VpcEndpointInfo.Role.ECR_DKR, VpcEndpointInfo.Role.S3_GATEWAY);
        assertThat(eps.get(1).privateDnsEnabled()).isFalse();
        assertThat(eps.get(0).policyDocument()).contains("\"Principal\":\"*\"");
        assertThat(eps.get(2).routeTableIds()).containsExactly("rtb-0aa");
        stub.server.verify(postRequestedFor(urlPathEqualTo("/"))
                .withRequestBody(containing("Filter.1.Name=vpc-id"))
                .withRequestBody(containing("com.amazonaws.us-west-2.ecr.dkr")));
    }

    @Test
    void resolvesTheManagedNodegroupRoleThroughTheSdk() {
        stub.eksGet("/clusters/eks-workshop/node-groups/default", NODEGROUP);
        NodeRole r = session.nodeRoleResolver().resolve("eks-workshop", new NodeFacts(
                "ip-10-42-33-232.us-west-2.compute.internal", Map.of("eks.amazonaws.com/nodegroup", "default"),
                "aws:///us-west-2a/i-0abc123def4567890")).value();
        assertThat(r.path()).isEqualTo(NodeRole.Path.MANAGED_NODEGROUP);
        assertThat(r.roleArn()).isEqualTo(Seed000.NODE_ROLE);
    }
}
