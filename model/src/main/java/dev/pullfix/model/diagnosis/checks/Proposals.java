package dev.pullfix.model.diagnosis.checks;

import dev.pullfix.model.diagnosis.runbook.Facts;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.FixPlan;
import dev.pullfix.model.diagnosis.runbook.port.ContainerFacts;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.EcrRepositoryRef;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import dev.pullfix.model.diagnosis.runbook.port.RoleRef;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.RegistryKind;
import dev.pullfix.model.policy.InvalidPolicyException;
import dev.pullfix.model.policy.ManagedPolicies;
import dev.pullfix.model.policy.PullFixProposal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fixes the check families propose, built one way each (the engine never writes; the fix planner does). */
final class Proposals {
    /** A repository without a policy is edited from this empty one. */
    static final String EMPTY_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";

    private Proposals() {
    }

    static FixPlan.Target workloadTarget(PodFacts p) {
        return new FixPlan.Target(p.owner().kind(), p.owner().name(), p.namespace());
    }

    static FixPlan restart(PodFacts p) {
        return new FixPlan(FixKind.ROLLOUT_RESTART, "fix.rolloutRestart", List.of(p.owner().kind(), p.owner().name()),
                workloadTarget(p), Map.of());
    }

    static FixPlan createSecret(String namespace, String name, ImageReference ref) {
        String server = ref.registry().kind() == RegistryKind.DOCKER_HUB ? "https://index.docker.io/v1/" : ref.domain();
        return new FixPlan(FixKind.CREATE_PULL_SECRET, "fix.createPullSecret", List.of(name, server),
                new FixPlan.Target("Secret", name, namespace), Map.of("type", "kubernetes.io/dockerconfigjson",
                "server", server));
    }

    static FixPlan addPullSecret(PodFacts p, String secret) {
        return new FixPlan(FixKind.ADD_IMAGE_PULL_SECRET, "fix.addImagePullSecret",
                List.of(secret, p.owner().kind(), p.owner().name()), workloadTarget(p), Map.of("secret", secret));
    }

    static FixPlan mirror(ImageReference ref) {
        return new FixPlan(FixKind.MANUAL, "fix.mirrorToEcr", List.of(ref.familiar()),
                new FixPlan.Target("Image", ref.familiar(), ref.domain()), Map.of());
    }

    static FixPlan imageReferenceChange(ContainerFacts c, PodFacts p) {
        return new FixPlan(FixKind.IMAGE_REFERENCE_CHANGE, "fix.imageReferenceChange", List.of(c.name(), nz(c.image())),
                workloadTarget(p), Map.of("container", c.name(), "currentImage", nz(c.image())));
    }

    /** The node role gets AWS's read-only ECR policy (PullOnly as the narrower alternative). */
    static FixPlan attachReadOnly(RoleRef role) {
        return new FixPlan(FixKind.NODE_ROLE_ATTACH_POLICY, "fix.nodeRoleAttachPolicy",
                List.of(ManagedPolicies.READ_ONLY, role.name()),
                new FixPlan.Target("IamRole", role.name(), role.account()),
                Map.of("policyArn", ManagedPolicies.READ_ONLY_ARN, "alternative", ManagedPolicies.PULL_ONLY_ARN));
    }

    static FixPlan tagChange(Facts f, ImageReference ref, List<String> candidates) throws CouldNotCheckException {
        ContainerFacts c = f.container();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("container", c.name());
        details.put("currentTag", nz(ref.tag()));
        if (!candidates.isEmpty()) {
            details.put("suggestedTag", candidates.get(0));
            details.put("candidates", String.join(",", candidates));
        }
        return new FixPlan(FixKind.IMAGE_TAG_CHANGE, candidates.isEmpty() ? "fix.imageTagChange" : "fix.imageTagChangeTo",
                candidates.isEmpty() ? List.of(c.name(), nz(ref.tag())) : List.of(c.name(), nz(ref.tag()), candidates.get(0)),
                workloadTarget(f.pod()), details);
    }

    /**
     * The repository policy change, always {@link PullFixProposal}'s minimal edit (the same one the policy window and
     * the command line propose): the pull actions leave the Deny statements that hit the node role, nothing else is
     * granted; for a role of another account (whose pulls the repository policy must allow too) an Allow of the pull
     * actions only is added. The identity side is judged by its own step (and fixed by its own proposal). {@code sid} names the deciding Deny, or is null when there is none.
     */
    static FixPlan repositoryPolicy(EcrRepositoryRef repo, String policyText, String sid, RoleRef role,
                                    boolean crossAccount) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("repository", repo.name());
        details.put("principal", role.arn());
        if (sid != null) {
            details.put("sid", sid);
        }
        try {
            PullFixProposal.Proposal p = new PullFixProposal().propose(policyText != null ? policyText : EMPTY_POLICY,
                    role.arn(), repo.arn(), true, crossAccount);
            if (p.changed()) {
                details.put("proposedPolicy", p.after());
            }
            details.put("resolves", Boolean.toString(p.resolves()));
        } catch (InvalidPolicyException e) {
            // an unparsable policy gets no proposal: the user edits it by hand in the policy window
        }
        return new FixPlan(FixKind.ECR_POLICY_EDIT, sid != null ? "fix.ecrPolicyLiftDeny" : "fix.ecrPolicyAddAllow",
                sid != null ? List.of(repo.name(), sid, role.name()) : List.of(repo.name(), role.name()),
                new FixPlan.Target("EcrRepository", repo.name(), repo.account() + "/" + repo.region()), details);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
