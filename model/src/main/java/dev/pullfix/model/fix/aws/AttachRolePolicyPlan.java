package dev.pullfix.model.fix.aws;

import dev.pullfix.model.text.Message;
import dev.pullfix.model.text.Texts;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.aws.AwsProblem;
import dev.pullfix.model.aws.AwsResult;
import dev.pullfix.model.aws.IamGateway;
import dev.pullfix.model.aws.IamWriter;
import dev.pullfix.model.aws.PolicyDocumentRef;
import dev.pullfix.model.aws.RolePolicies;
import dev.pullfix.model.fix.DryRun;
import dev.pullfix.model.fix.FixException;
import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.fix.StateText;
import dev.pullfix.model.fix.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gives a node role the managed policy it lacks (e.g. {@code AmazonEC2ContainerRegistryPullOnly}): the state
 * compared, backed up and diffed is the role's set of attached managed policy ARNs; apply attaches what the
 * proposal adds and detaches what it removes, so undo is the same plan towards the earlier set.
 */
public final class AttachRolePolicyPlan implements FixPlan {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final IamGateway iam;
    private final IamWriter writer;
    private final String account;
    private final String role;
    private final Set<String> add;
    private final Set<String> exact;

    /** Attaches {@code policyArn} to {@code role} (a role name). */
    public AttachRolePolicyPlan(IamGateway iam, IamWriter writer, String account, String role, String policyArn) {
        this(iam, writer, account, role, Set.of(policyArn), null);
    }

    private AttachRolePolicyPlan(IamGateway iam, IamWriter writer, String account, String role, Set<String> add,
                                 Set<String> exact) {
        this.iam = iam;
        this.writer = writer;
        this.account = account;
        this.role = role;
        this.add = add;
        this.exact = exact;
    }

    @Override
    public String kind() {
        return "NODE_ROLE_ATTACH_POLICY";
    }

    @Override
    public Target target() {
        return new Target("aws", account + "/iam/role/" + role + "/attached-policies");
    }

    @Override
    public String summary() {
        return Texts.english().render(summaryText());
    }

    @Override
    public Message summaryText() {
        return exact != null ? Message.of("fix", "plan.undoRolePolicies", role)
                : Message.of("fix", "plan.attachRolePolicy", String.join(", ", add), role);
    }

    @Override
    public List<String> apiCalls() {
        return List.of("iam:AttachRolePolicy", "iam:DetachRolePolicy (undo only)");
    }

    @Override
    public List<String> equivalentCommands() {
        List<String> out = new ArrayList<>();
        for (String a : exact != null ? exact : add) {
            out.add("aws iam attach-role-policy --role-name " + role + " --policy-arn " + a);
        }
        return out;
    }

    @Override
    public StateText readCurrent() throws FixException {
        AwsResult<RolePolicies> r = iam.rolePolicies(role);
        if (!r.isOk()) {
            AwsProblem p = r.problem().orElseThrow();
            throw new FixException(p.isAccessDenied() ? "Access denied: your identity lacks "
                    + (p.missingAction() != null ? p.missingAction() : "iam:ListAttachedRolePolicies") : p.kind() + ": " + p.detail());
        }
        Set<String> arns = new TreeSet<>();
        for (PolicyDocumentRef ref : r.value().attached()) {
            arns.add(ref.arn());
        }
        return write(arns);
    }

    @Override
    public StateText proposed(StateText current) throws FixException {
        if (exact != null) {
            return write(new TreeSet<>(exact));
        }
        Set<String> next = read(current);
        next.addAll(add);
        return write(next);
    }

    @Override
    public DryRun dryRun(StateText current, StateText proposed) {
        return DryRun.notOffered("IAM has no dry-run for AttachRolePolicy; the pull verdict with the policy was checked locally");
    }

    @Override
    public void apply(StateText current, StateText proposed) throws FixException {
        Set<String> now = read(current);
        Set<String> want = read(proposed);
        for (String a : want) {
            if (!now.contains(a)) {
                check(writer.attachRolePolicy(role, a), "iam:AttachRolePolicy");
            }
        }
        for (String a : now) {
            if (!want.contains(a)) {
                check(writer.detachRolePolicy(role, a), "iam:DetachRolePolicy");
            }
        }
    }

    @Override
    public FixPlan restore(StateText before) {
        try {
            return new AttachRolePolicyPlan(iam, writer, account, role, Set.of(), read(before));
        } catch (FixException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void check(AwsResult<Boolean> r, String action) throws FixException {
        if (!r.isOk()) {
            AwsProblem p = r.problem().orElseThrow();
            throw new FixException(p.isAccessDenied() ? "Access denied: your identity lacks " + action : p.kind() + ": " + p.detail());
        }
    }

    private static StateText write(Set<String> arns) {
        return StateText.of(JSON.valueToTree(new ArrayList<>(arns)).toString());
    }

    private static Set<String> read(StateText s) throws FixException {
        try {
            Set<String> out = new TreeSet<>();
            JSON.readTree(s.text().orElse("[]")).forEach(n -> out.add(n.asText()));
            return out;
        } catch (java.io.IOException e) {
            throw new FixException("The stored state is not a JSON list: " + e.getMessage());
        }
    }
}
