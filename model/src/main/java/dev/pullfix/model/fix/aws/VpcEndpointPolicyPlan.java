package dev.pullfix.model.fix.aws;

import dev.pullfix.model.text.Message;
import dev.pullfix.model.text.Texts;
import dev.pullfix.model.aws.AwsProblem;
import dev.pullfix.model.aws.AwsResult;
import dev.pullfix.model.aws.Ec2Gateway;
import dev.pullfix.model.aws.Ec2Writer;
import dev.pullfix.model.aws.VpcEndpointInfo;
import dev.pullfix.model.fix.DryRun;
import dev.pullfix.model.fix.FixException;
import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.fix.StateText;
import dev.pullfix.model.fix.Target;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Sets a VPC endpoint's policy (seed 004: an ecr.dkr/ecr.api/S3 endpoint policy that denies the pull). The
 * default proposal is AWS's full-access default policy ({@code --reset-policy}); the caller may pass its own.
 */
public final class VpcEndpointPolicyPlan implements FixPlan {
    /** The policy AWS attaches when none is given (what {@code modify-vpc-endpoint --reset-policy} restores). */
    public static final String FULL_ACCESS = "{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Resource\":\"*\"}]}";
    private final Ec2Gateway ec2;
    private final Ec2Writer writer;
    private final String account;
    private final String region;
    private final String vpcId;
    private final String endpointId;
    private final String policy;
    private final BiFunction<StateText, StateText, DryRun> check;

    public VpcEndpointPolicyPlan(Ec2Gateway ec2, Ec2Writer writer, String account, String region, String vpcId,
                                 String endpointId, String policy, BiFunction<StateText, StateText, DryRun> check) {
        this.ec2 = ec2;
        this.writer = writer;
        this.account = account;
        this.region = region;
        this.vpcId = vpcId;
        this.endpointId = endpointId;
        this.policy = policy == null ? FULL_ACCESS : policy;
        this.check = check;
    }

    @Override
    public String kind() {
        return "VPC_ENDPOINT_POLICY_EDIT";
    }

    @Override
    public Target target() {
        return new Target("aws", account + "/" + region + "/vpc-endpoint/" + endpointId);
    }

    @Override
    public String summary() {
        return Texts.english().render(summaryText());
    }

    @Override
    public Message summaryText() {
        return Message.of("fix", FULL_ACCESS.equals(policy) ? "plan.resetEndpointPolicy" : "plan.setEndpointPolicy", endpointId);
    }

    @Override
    public List<String> apiCalls() {
        return List.of("ec2:ModifyVpcEndpoint");
    }

    @Override
    public List<String> equivalentCommands() {
        return List.of(FULL_ACCESS.equals(policy)
                ? "aws ec2 modify-vpc-endpoint --region " + region + " --vpc-endpoint-id " + endpointId + " --reset-policy"
                : "aws ec2 modify-vpc-endpoint --region " + region + " --vpc-endpoint-id " + endpointId
                + " --policy-document file://endpoint-policy.json");
    }

    @Override
    public StateText readCurrent() throws FixException {
        AwsResult<List<VpcEndpointInfo>> r = ec2.ecrPullEndpoints(vpcId);
        if (!r.isOk()) {
            AwsProblem p = r.problem().orElseThrow();
            throw new FixException(p.isAccessDenied() ? "Access denied: your identity lacks ec2:DescribeVpcEndpoints"
                    : p.kind() + ": " + p.detail());
        }
        return r.value().stream().filter(e -> endpointId.equals(e.id())).findFirst()
                .map(e -> StateText.of(e.policyDocument() == null ? FULL_ACCESS : e.policyDocument()))
                .orElseThrow(() -> new FixException("VPC endpoint " + endpointId + " was not found in " + vpcId + "."));
    }

    @Override
    public StateText proposed(StateText current) {
        return StateText.of(policy);
    }

    @Override
    public DryRun dryRun(StateText current, StateText proposed) {
        return check == null ? DryRun.notOffered("EC2 ModifyVpcEndpoint has no dry-run for policies") : check.apply(current, proposed);
    }

    @Override
    public void apply(StateText current, StateText proposed) throws FixException {
        String text = proposed.text().orElse(FULL_ACCESS);
        AwsResult<Boolean> r = writer.setVpcEndpointPolicy(endpointId, FULL_ACCESS.equals(text) ? null : text);
        if (!r.isOk()) {
            AwsProblem p = r.problem().orElseThrow();
            throw new FixException(p.isAccessDenied() ? "Access denied: your identity lacks ec2:ModifyVpcEndpoint"
                    : p.kind() + ": " + p.detail());
        }
    }

    @Override
    public FixPlan restore(StateText before) {
        return new VpcEndpointPolicyPlan(ec2, writer, account, region, vpcId, endpointId, before.text().orElse(FULL_ACCESS), check);
    }
}
