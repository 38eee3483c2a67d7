package dev.pullfix.model.diagnosis.checks;

import static dev.pullfix.model.diagnosis.checks.CheckSupport.nz;

import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.CheckRegistry;
import dev.pullfix.model.diagnosis.runbook.Evidence;
import dev.pullfix.model.diagnosis.runbook.Facts;
import dev.pullfix.model.diagnosis.runbook.Finding;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.Show;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException.Reason;
import dev.pullfix.model.diagnosis.runbook.port.EcrRepositoryRef;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge.AccessQuestion;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge.Decision;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge.PolicyDecision;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge.PolicySource;
import dev.pullfix.model.aws.RolePolicies;
import dev.pullfix.model.diagnosis.runbook.port.RoleRef;
import dev.pullfix.model.diagnosis.runbook.port.ServiceAccountFacts;
import dev.pullfix.model.aws.PolicyDocumentRef;
import dev.pullfix.model.policy.KubeletPull;
import dev.pullfix.model.policy.ManagedPolicies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IAM family: the node role's identity policies judged for what the kubelet needs
 * ({@link KubeletPull#blockers()}), managed policies it cannot read taken from {@link ManagedPolicies}, and IRSA (which
 * never applies to pulls).
 */
public final class IamChecks {
    private IamChecks() {
    }

    public static void register(CheckRegistry r) {
        r.register("iam.node-role-policies", IamChecks::nodeRolePolicies);
        r.register("k8s.irsa", IamChecks::irsa);
    }

    /** The kubelet's identity: the node role's session, as it appears to ECR. */
    static String sessionArn(RoleRef role, Facts f) throws CouldNotCheckException {
        String account = role.account();
        String session = f.node().flatMap(n -> n.instanceId()).orElse("kubelet");
        String partition = role.arn().split(":").length > 1 ? role.arn().split(":")[1] : "aws";
        return "arn:" + partition + ":sts::" + account + ":assumed-role/" + role.name() + "/" + session;
    }

    /** @param unreadable attached policies whose document could not be read (and that Pullfix does not ship) */
    record IdentityPull(RoleRef role, RolePolicies policies, Map<String, PolicyDecision> decisions, List<String> unreadable) {
        boolean allows() {
            return decisions.values().stream().allMatch(d -> d.decision() == Decision.ALLOW);
        }

        boolean undecided() {
            return decisions.values().stream().anyMatch(d -> d.decision() == Decision.UNKNOWN);
        }

        /** GetAuthorizationToken (the one requirement on {@code *}) is not allowed. */
        boolean tokenDenied() {
            return KubeletPull.blockers().stream().filter(r -> r.scope() == KubeletPull.Scope.ANY)
                    .anyMatch(r -> decisions.get(r.action()).decision() != Decision.ALLOW);
        }
    }

    /** Evaluates what the kubelet needs from IAM against one role's identity policies. */
    static IdentityPull identityPull(Facts f, RoleRef role, EcrRepositoryRef repo) throws CouldNotCheckException {
        RolePolicies rp = f.rolePolicies(role.name());
        List<PolicySource> sources = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (PolicyDocumentRef a : rp.attached()) {
            String doc = a.document() != null ? a.document() : ManagedPolicies.documentText(a.arn()).orElse(null);
            if (doc != null) {
                sources.add(new PolicySource(a.arn(), PolicySource.Kind.IDENTITY, doc));
            } else {
                unreadable.add(a.arn());
            }
        }
        rp.inline().stream().filter(i -> i.document() != null)
                .forEach(i -> sources.add(new PolicySource(i.name(), PolicySource.Kind.IDENTITY, i.document())));
        String principal = sessionArn(role, f);
        Map<String, PolicyDecision> decisions = new LinkedHashMap<>();
        PolicyJudge judge = f.judge();
        for (KubeletPull.Requirement r : KubeletPull.blockers()) {
            decisions.put(r.action(), judge.judge(new AccessQuestion(principal, r.action(),
                    KubeletPull.resource(r, repo.arn(), repo.region())), sources));
        }
        return new IdentityPull(role, rp, decisions, unreadable);
    }

    static List<Evidence> identityEvidence(IdentityPull pull) {
        List<List<String>> attached = pull.policies().attached().stream()
                .map(a -> List.of(a.name(), a.arn())).toList();
        List<List<String>> inline = pull.policies().inline().stream().map(i -> List.of(i.name(), "(inline)")).toList();
        List<List<String>> all = new ArrayList<>(attached);
        all.addAll(inline);
        List<List<String>> decisions = pull.decisions().entrySet().stream().map(e -> List.of(e.getKey(),
                e.getValue().decision().name(), e.getValue().deciding().isEmpty() ? ""
                        : e.getValue().deciding().get(0).policyName() + (e.getValue().deciding().get(0).sid() == null ? ""
                        : " / " + e.getValue().deciding().get(0).sid()))).toList();
        return List.of(
                Evidence.table(Show.TABLE, "evidence.attachedPolicies", List.of("PolicyName", "PolicyArn"), all),
                Evidence.table(Show.POLICY_STATEMENTS, "evidence.policyDecisions", List.of("ACTION", "DECISION", "STATEMENT"),
                        decisions));
    }

    static CheckOutcome nodeRolePolicies(Facts f) throws CouldNotCheckException {
        Optional<EcrRepositoryRef> repo = f.ecrRepository();
        if (repo.isEmpty()) {
            return CheckOutcome.skipped(Finding.of("notEcr", f.image().domain())).build();
        }
        RoleRef role = f.nodeRole().orElseThrow(() ->
                CouldNotCheckException.of(Reason.NOT_FOUND, "node role not resolved"));
        IdentityPull pull = identityPull(f, role, repo.get());
        List<Evidence> ev = identityEvidence(pull);
        if (pull.undecided()) {
            return CheckOutcome.couldNotCheck(CouldNotCheckException.of(Reason.ERROR, "policy evaluation undecided"))
                    .withEvidence(ev);
        }
        if (pull.allows()) {
            return CheckOutcome.ok(Finding.of("nodeRoleAllowsPull", role.name())).build().withEvidence(ev);
        }
        if (!pull.unreadable().isEmpty()) {
            // a policy we could not read may grant what the readable ones do not: do not guess
            return CheckOutcome.couldNotCheck(CouldNotCheckException.accessDenied("iam:GetPolicyVersion",
                    "policy documents not readable: " + String.join(", ", pull.unreadable()))).withEvidence(ev);
        }
        List<String> denied = pull.decisions().entrySet().stream().filter(e -> e.getValue().decision() != Decision.ALLOW)
                .map(Map.Entry::getKey).toList();
        String cause = pull.tokenDenied() ? "ECR_TOKEN_OR_AUTH" : "FORBIDDEN_POLICY";
        Optional<PolicyJudge.DecidingStatement> explicit = pull.decisions().values().stream()
                .filter(d -> d.decision() == Decision.EXPLICIT_DENY).flatMap(d -> d.deciding().stream()).findFirst();
        if (explicit.isPresent()) {
            return CheckOutcome.problem(Finding.cause(cause, "nodeRoleDeniesEcr", role.name(), explicit.get().policyName(),
                            nz(explicit.get().sid())))
                    .fix(FixProposal.Manual.of(FixKind.MANUAL, new FixProposal.Target("IamRole", role.name(), role.account()),
                            "fix.editIdentityPolicy", explicit.get().policyName(), nz(explicit.get().sid()), role.name()))
                    .build().withEvidence(ev);
        }
        return CheckOutcome.problem(Finding.cause(cause, "nodeRoleLacksEcrPull", role.name(), String.join(", ", denied)))
                .fix(FixProposal.NodeRoleAttachPolicy.readOnly(role))
                .build().withEvidence(ev);
    }

    static CheckOutcome irsa(Facts f) throws CouldNotCheckException {
        Optional<EcrRepositoryRef> repo = f.ecrRepository();
        if (repo.isEmpty()) {
            return CheckOutcome.skipped(Finding.of("notEcr", f.image().domain())).build();
        }
        Optional<ServiceAccountFacts> sa = f.serviceAccount();
        String saName = f.pod().serviceAccount();
        if (sa.isEmpty() || sa.get().roleArn() == null || sa.get().roleArn().isBlank()) {
            return CheckOutcome.ok(Finding.of("irsaNotUsed", saName)).build();
        }
        RoleRef irsaRole = RoleRef.ofArn(sa.get().roleArn(), "eks.amazonaws.com/role-arn");
        Evidence ann = Evidence.table(Show.TABLE, "evidence.serviceAccount", List.of("SERVICE ACCOUNT", "eks.amazonaws.com/role-arn"),
                List.of(List.of(saName, sa.get().roleArn())));
        IdentityPull irsaPull = identityPull(f, irsaRole, repo.get());
        Optional<IdentityPull> nodePull = Optional.empty();
        try {
            RoleRef nodeRole = f.nodeRole().orElse(null);
            if (nodeRole != null) {
                nodePull = Optional.of(identityPull(f, nodeRole, repo.get()));
            }
        } catch (CouldNotCheckException e) {
            // the node role side is reported by its own step
        }
        List<Evidence> ev = new ArrayList<>();
        ev.add(ann);
        ev.addAll(identityEvidence(irsaPull));
        if (nodePull.isPresent() && !nodePull.get().allows() && !nodePull.get().undecided() && irsaPull.allows()) {
            RoleRef nodeRole = nodePull.get().role();
            return CheckOutcome.problem(Finding.cause(nodePull.get().tokenDenied() ? "ECR_TOKEN_OR_AUTH" : "FORBIDDEN_POLICY",
                            "irsaNotUsedForPulls", saName, irsaRole.name(), nodeRole.name()))
                    .fix(FixProposal.NodeRoleAttachPolicy.readOnly(nodeRole))
                    .build().withEvidence(ev);
        }
        return CheckOutcome.ok(Finding.of("irsaIrrelevantForPulls", saName, irsaRole.name())).build().withEvidence(ev);
    }
}
