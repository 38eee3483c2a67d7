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
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Test stand-in for the write path's missing "attach a managed policy to the node role" plan: iam:AttachRolePolicy
 * over the SDK at the lab's endpoint (so the wire format is real), state = the attached ARNs.
 */
final class AttachPolicyPlan implements FixPlan {
    private final LabSession lab;
    private final String role;
    private final String policyArn;

    AttachPolicyPlan(LabSession lab, String role, String policyArn) {
        this.lab = lab;
        this.role = role;
        this.policyArn = policyArn;
    }

    private IamClient iam() {
        return IamClient.builder().endpointOverride(lab.awsEndpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LabSession.ACCESS_KEY, LabSession.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Override public String kind() { return "NODE_ROLE_ATTACH_POLICY"; }
    @Override public Target target() { return new Target("iam", "role/" + role); }
    @Override public String summary() { return "attach " + policyArn + " to " + role; }
    @Override public List<String> apiCalls() { return List.of("iam:AttachRolePolicy"); }
    @Override public List<String> equivalentCommands() {
        return List.of("aws iam attach-role-policy --role-name " + role + " --policy-arn " + policyArn);
    }

    @Override
    public StateText readCurrent() {
        try (IamClient c = iam()) {
            return StateText.of(String.join("\n", c.listAttachedRolePolicies(r -> r.roleName(role)).attachedPolicies()
                    .stream().map(p -> p.policyArn()).sorted().toList()));
        }
    }

    @Override
    public StateText proposed(StateText current) {
        return StateText.of(current.text().orElse("") + "\n" + policyArn);
    }

    @Override public DryRun dryRun(StateText current, StateText proposed) { return DryRun.notOffered("IAM has no dry-run"); }

    @Override
    public void apply(StateText current, StateText proposed) throws FixException {
        try (IamClient c = iam()) {
            c.attachRolePolicy(r -> r.roleName(role).policyArn(policyArn));
        } catch (RuntimeException e) {
            throw new FixException("attach-role-policy: " + e.getMessage(), e);
        }
    }

    @Override public FixPlan restore(StateText before) { return this; }
}
