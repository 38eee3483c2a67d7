package dev.pullfix.model.diagnosis.runbook;

import dev.pullfix.model.cluster.WorkloadRef;
import dev.pullfix.model.diagnosis.runbook.port.EcrRepositoryRef;
import dev.pullfix.model.diagnosis.runbook.port.RoleRef;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.RegistryKind;
import dev.pullfix.model.policy.InvalidPolicyException;
import dev.pullfix.model.policy.ManagedPolicies;
import dev.pullfix.model.policy.PullFixProposal;
import dev.pullfix.model.text.Message;
import java.util.List;
import java.util.Optional;

/**
 * A fix the diagnosis proposes, typed by kind with what a write needs; the engine never writes. The fix planner
 * ({@code dev.pullfix.model.fix.planner.FixPlanner}) turns a proposal plus the user's inputs into write-path plans.
 * Every proposal says what it is ({@link #kind()}), what it changes ({@link #target()}) and, as an i18n code with
 * arguments in bundle {@code diagnosis}, what it does ({@link #summary()}).
 */
public sealed interface FixProposal {

    FixKind kind();

    Message summary();

    Target target();

    /** True when Pullfix can write it through the write path; false for steps a person takes by hand. */
    default boolean writable() {
        return true;
    }

    /**
     * What a fix changes.
     *
     * @param kind  Deployment, Pod, Secret, EcrRepository, IamRole, VpcEndpoint, Subnet, Image, ...
     * @param scope namespace for Kubernetes objects, {@code account/region} (or the account) for AWS ones
     */
    record Target(String kind, String name, String scope) {
        static Target of(WorkloadRef w, String namespace) {
            return new Target(w.kind(), w.name(), namespace);
        }
    }

    private static Message text(String key, Object... args) {
        return Message.of("diagnosis", key, args);
    }

    /**
     * The repository policy edit: {@link PullFixProposal}'s minimal change (the pull actions leave the Deny statements
     * that hit the node role; for a role of another account an Allow of the pull actions only is added).
     *
     * @param principal      the node role ARN the policy is judged for
     * @param sid            the deciding Deny statement, or null when there is none
     * @param currentPolicy  the policy as read during the diagnosis, or null when the repository had none
     * @param proposedPolicy the edited policy, or null when the current one could not be parsed
     * @param resolves       the evaluator confirmed the edit lets the role pull and keeps every write denied
     */
    record EcrPolicyEdit(Target target, Message summary, EcrRepositoryRef repository, String principal, String sid,
                         String currentPolicy, String proposedPolicy, boolean resolves, boolean crossAccount)
            implements FixProposal {
        /** A repository without a policy is edited from this empty one. */
        public static final String EMPTY_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";

        public static EcrPolicyEdit of(EcrRepositoryRef repo, String currentPolicy, String sid, RoleRef role,
                                       boolean crossAccount) {
            Optional<PullFixProposal.Proposal> p = draft(currentPolicy, role.arn(), repo.arn(), crossAccount);
            return new EcrPolicyEdit(new Target("EcrRepository", repo.name(), repo.account() + "/" + repo.region()),
                    sid != null ? text("fix.ecrPolicyLiftDeny", repo.name(), sid, role.name())
                            : text("fix.ecrPolicyAddAllow", repo.name(), role.name()),
                    repo, role.arn(), sid, currentPolicy, p.map(PullFixProposal.Proposal::after).orElse(null),
                    p.map(PullFixProposal.Proposal::resolves).orElse(false), crossAccount);
        }

        /** The same edit for the policy as it is now (the write path re-reads it); empty when it cannot be parsed. */
        public Optional<String> draftFor(String policyNow) {
            return draft(policyNow, principal, repository.arn(), crossAccount).map(PullFixProposal.Proposal::after);
        }

        private static Optional<PullFixProposal.Proposal> draft(String policy, String principal, String repositoryArn,
                                                                boolean crossAccount) {
            try {
                return Optional.of(new PullFixProposal().propose(policy != null ? policy : EMPTY_POLICY, principal,
                        repositoryArn, true, crossAccount));
            } catch (InvalidPolicyException e) {
                return Optional.empty(); // the user edits an unparsable policy by hand
            }
        }

        @Override
        public FixKind kind() {
            return FixKind.ECR_POLICY_EDIT;
        }
    }

    /**
     * Another tag for one container of the workload.
     *
     * @param candidates tags that exist, newest first (may be empty: the user types one)
     */
    record ImageTagChange(Target target, Message summary, WorkloadRef workload, String namespace, String container,
                          String currentImage, List<String> candidates) implements FixProposal {
        public ImageTagChange {
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
        }

        public static ImageTagChange of(WorkloadRef workload, String namespace, String container, String currentImage,
                                        List<String> candidates) {
            String tag = currentTag(currentImage);
            return new ImageTagChange(Target.of(workload, namespace), candidates.isEmpty()
                    ? text("fix.imageTagChange", container, tag) : text("fix.imageTagChangeTo", container, tag, candidates.get(0)),
                    workload, namespace, container, currentImage, candidates);
        }

        /** The newest existing tag, if one is known. */
        public Optional<String> suggestedTag() {
            return candidates.stream().findFirst();
        }

        static String currentTag(String image) {
            return ImageReference.tryParse(image).map(r -> r.tag() == null ? "" : r.tag()).orElse("");
        }

        @Override
        public FixKind kind() {
            return FixKind.IMAGE_TAG_CHANGE;
        }
    }

    /** A corrected image reference (registry, repository and tag) for one container. */
    record ImageReferenceChange(Target target, Message summary, WorkloadRef workload, String namespace, String container,
                                String currentImage) implements FixProposal {
        public static ImageReferenceChange of(WorkloadRef workload, String namespace, String container, String image) {
            return new ImageReferenceChange(Target.of(workload, namespace), text("fix.imageReferenceChange", container,
                    image == null ? "" : image), workload, namespace, container, image == null ? "" : image);
        }

        @Override
        public FixKind kind() {
            return FixKind.IMAGE_REFERENCE_CHANGE;
        }
    }

    /**
     * A new {@code kubernetes.io/dockerconfigjson} Secret for the image's registry.
     *
     * @param referenceFrom the workload whose pod template gets {@code imagePullSecrets} for it afterwards, or null
     *                      when the pod already names it
     */
    record CreatePullSecret(Target target, Message summary, String namespace, String name, String server,
                            WorkloadRef referenceFrom) implements FixProposal {
        public static CreatePullSecret of(String namespace, String name, ImageReference image, WorkloadRef referenceFrom) {
            String server = image.registry().kind() == RegistryKind.DOCKER_HUB ? "https://index.docker.io/v1/" : image.domain();
            return new CreatePullSecret(new Target("Secret", name, namespace), text("fix.createPullSecret", name, server),
                    namespace, name, server, referenceFrom);
        }

        @Override
        public FixKind kind() {
            return FixKind.CREATE_PULL_SECRET;
        }
    }

    /** {@code imagePullSecrets} naming {@code secret} in the workload's pod template. */
    record AddImagePullSecret(Target target, Message summary, WorkloadRef workload, String namespace, String secret)
            implements FixProposal {
        public static AddImagePullSecret of(WorkloadRef workload, String namespace, String secret) {
            return new AddImagePullSecret(Target.of(workload, namespace), text("fix.addImagePullSecret", secret,
                    workload.kind(), workload.name()), workload, namespace, secret);
        }

        @Override
        public FixKind kind() {
            return FixKind.ADD_IMAGE_PULL_SECRET;
        }
    }

    /** AWS's ReadOnly ECR managed policy for the node role (PullOnly as the narrower alternative). */
    record NodeRoleAttachPolicy(Target target, Message summary, String account, String role, String policyArn,
                                String alternativeArn) implements FixProposal {
        public static NodeRoleAttachPolicy readOnly(RoleRef role) {
            return new NodeRoleAttachPolicy(new Target("IamRole", role.name(), role.account()),
                    text("fix.nodeRoleAttachPolicy", ManagedPolicies.READ_ONLY, role.name()), role.account(), role.name(),
                    ManagedPolicies.READ_ONLY_ARN, ManagedPolicies.PULL_ONLY_ARN);
        }

        @Override
        public FixKind kind() {
            return FixKind.NODE_ROLE_ATTACH_POLICY;
        }
    }

    /**
     * A VPC endpoint policy that lets the node role's call through (by default AWS's full-access policy).
     *
     * @param action   the call the policy refused, e.g. {@code ecr:BatchGetImage}
     * @param resource what it was asked on
     */
    record VpcEndpointPolicyEdit(Target target, Message summary, String account, String region, String vpcId,
                                 String endpointId, String action, String resource, String principal, String sid)
            implements FixProposal {
        @Override
        public FixKind kind() {
            return FixKind.VPC_ENDPOINT_POLICY_EDIT;
        }
    }

    /** {@code kubectl rollout restart}: new pods pull at once. */
    record RolloutRestart(Target target, Message summary, WorkloadRef workload, String namespace) implements FixProposal {
        public static RolloutRestart of(WorkloadRef workload, String namespace) {
            return new RolloutRestart(Target.of(workload, namespace), text("fix.rolloutRestart", workload.kind(),
                    workload.name()), workload, namespace);
        }

        @Override
        public FixKind kind() {
            return FixKind.ROLLOUT_RESTART;
        }
    }

    /** A step a person takes by hand (a push, a NAT route, an endpoint to create): shown, never written. */
    record Manual(FixKind kind, Target target, Message summary) implements FixProposal {
        public static Manual of(FixKind kind, Target target, String key, Object... args) {
            return new Manual(kind, target, text(key, args));
        }

        @Override
        public boolean writable() {
            return false;
        }
    }
}
