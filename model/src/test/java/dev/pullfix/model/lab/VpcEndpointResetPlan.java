package dev.pullfix.model.lab;

import dev.pullfix.model.fix.DryRun;
import dev.pullfix.model.fix.FixException;
import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.fix.StateText;
import dev.pullfix.model.fix.Target;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Test stand-in for the missing VPC endpoint policy plan: ec2:ModifyVpcEndpoint --reset-policy over the SDK at the lab. */
final class VpcEndpointResetPlan implements FixPlan {
    private final LabSession lab;
    private final String id;

    VpcEndpointResetPlan(LabSession lab, String id) {
        this.lab = lab;
        this.id = id;
    }

    private Ec2Client ec2() {
        return Ec2Client.builder().endpointOverride(lab.awsEndpoint()).region(Region.of(lab.world().region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LabSession.ACCESS_KEY, LabSession.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Override public String kind() { return "VPC_ENDPOINT_POLICY_EDIT"; }
    @Override public Target target() { return new Target("ec2", "vpc-endpoint/" + id); }
    @Override public String summary() { return "reset the policy of " + id + " to full access"; }
    @Override public List<String> apiCalls() { return List.of("ec2:ModifyVpcEndpoint"); }
    @Override public List<String> equivalentCommands() { return List.of("aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + id + " --reset-policy"); }

    @Override
    public StateText readCurrent() {
        try (Ec2Client c = ec2()) {
            return StateText.of(c.describeVpcEndpoints(r -> r.vpcEndpointIds(id)).vpcEndpoints().get(0).policyDocument());
        }
    }

    @Override
    public StateText proposed(StateText current) {
        return StateText.of("{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Resource\":\"*\"}]}");
    }

    @Override public DryRun dryRun(StateText current, StateText proposed) { return DryRun.notOffered("not offered in the test"); }

    @Override
    public void apply(StateText current, StateText proposed) throws FixException {
        try (Ec2Client c = ec2()) {
            c.modifyVpcEndpoint(r -> r.vpcEndpointId(id).resetPolicy(true));
        } catch (RuntimeException e) {
            throw new FixException("modify-vpc-endpoint: " + e.getMessage(), e);
        }
    }

    @Override public FixPlan restore(StateText before) { return this; }
}
