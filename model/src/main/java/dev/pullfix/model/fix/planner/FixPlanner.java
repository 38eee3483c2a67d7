package dev.pullfix.model.fix.planner;

import dev.pullfix.model.aws.AwsResult;
import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.aws.ImageDetail;
import dev.pullfix.model.cluster.WorkloadRef;
import dev.pullfix.model.connect.AwsAccess;
import dev.pullfix.model.connect.Fabric8KubeObjects;
import dev.pullfix.model.connect.Workspace;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.fix.FixException;
import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.fix.StateText;
import dev.pullfix.model.fix.aws.AttachRolePolicyPlan;
import dev.pullfix.model.fix.aws.EcrPolicyPlan;
import dev.pullfix.model.fix.aws.VpcEndpointPolicyPlan;
import dev.pullfix.model.fix.kube.CreatePullSecretPlan;
import dev.pullfix.model.fix.kube.KubeObjects;
import dev.pullfix.model.fix.kube.ObjectRef;
import dev.pullfix.model.fix.kube.PodTemplatePlan;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.InvalidImageReferenceException;
import dev.pullfix.model.image.Registry;
import dev.pullfix.model.text.Message;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a diagnosis' {@link FixProposal}s plus the user's inputs into write-path plans ({@link FixPlan}), the one way
 * for every front end: list the offers of a diagnosis ({@link #offers}), ask for each offer's {@link FixInput}s (with
 * {@link #choices} for the values Pullfix can look up, such as the repository's tags), then {@link #plan} and hand the
 * plans, in order, to the {@link dev.pullfix.model.fix.WritePath}. Builds plans only; never writes. AWS sessions it
 * opens (per region) live until {@link #close()}, as the plans use them.
 */
public final class FixPlanner implements AutoCloseable {
    private final String context;
    private final KubeObjects kube;
    private final AwsAccess aws;
    private final Clock clock;
    private final Map<String, AwsSession> sessions = new ConcurrentHashMap<>();
    /** Registry tags for the tag input, and the registry check as the dry-run of image changes; null: none. */
    private final dev.pullfix.model.fix.proof.FixProofService proof;

    /**
     * @param context the kubeconfig context (named in equivalent commands, backups and the audit log)
     * @param aws     the AWS account, or null when none is configured (AWS fixes then fail to plan)
     */
    public FixPlanner(String context, KubeObjects kube, AwsAccess aws, Clock clock) {
        this(context, kube, aws, clock, null);
    }

    /** @param proof asks registries for tags and checks image changes before they are confirmed; null: it does not */
    public FixPlanner(String context, KubeObjects kube, AwsAccess aws, Clock clock,
                      dev.pullfix.model.fix.proof.FixProofService proof) {
        this.context = context;
        this.kube = kube;
        this.aws = aws;
        this.clock = clock;
        this.proof = proof;
    }

    /**
     * A planner writing to the workspace's cluster (through its connection) and AWS account; an image change's
     * dry-run asks the image's registry (the workspace's registry port, ECR through its AWS account).
     */
    public static FixPlanner of(Workspace w, Clock clock) {
        return new FixPlanner(w.context(), Fabric8KubeObjects.of(w.cluster()), w.aws(), clock,
                dev.pullfix.model.fix.proof.FixProofService.of(w, null));
    }

    // ------------------------------------------------------------------ what can be done

    /** The diagnosis' proposals in its order, each with the inputs it needs. */
    public List<FixOffer> offers(Diagnosis d) {
        return d.fixes().stream().map(p -> new FixOffer(p, inputs(p))).toList();
    }

    /** The inputs a proposal needs before it can be planned (empty when it needs none). */
    public static List<FixInput> inputs(FixProposal p) {
        if (p instanceof FixProposal.EcrPolicyEdit e) {
            return List.of(input(FixInputs.POLICY, FixInput.Kind.POLICY_JSON, e.proposedPolicy(), List.of(), false));
        }
        if (p instanceof FixProposal.ImageTagChange t) {
            return List.of(input(FixInputs.TAG, FixInput.Kind.TEXT, t.suggestedTag().orElse(null), t.candidates(), true));
        }
        if (p instanceof FixProposal.ImageReferenceChange r) {
            return List.of(input(FixInputs.IMAGE, FixInput.Kind.TEXT, r.currentImage(), List.of(), true));
        }
        if (p instanceof FixProposal.CreatePullSecret c) {
            return List.of(input(FixInputs.SECRET_NAME, FixInput.Kind.TEXT, c.name(), List.of(), true),
                    input(FixInputs.SERVER, FixInput.Kind.TEXT, c.server(), List.of(), true),
                    input(FixInputs.USERNAME, FixInput.Kind.TEXT, null, List.of(), true),
                    input(FixInputs.PASSWORD, FixInput.Kind.SECRET, null, List.of(), true));
        }
        if (p instanceof FixProposal.NodeRoleAttachPolicy n) {
            return List.of(input(FixInputs.POLICY_ARN, FixInput.Kind.CHOICE, n.policyArn(),
                    List.of(n.policyArn(), n.alternativeArn()), false));
        }
        if (p instanceof FixProposal.VpcEndpointPolicyEdit) {
            return List.of(input(FixInputs.POLICY, FixInput.Kind.POLICY_JSON, VpcEndpointPolicyPlan.FULL_ACCESS, List.of(),
                    false));
        }
        return List.of();
    }

    private static FixInput input(String key, FixInput.Kind kind, String suggested, List<String> choices, boolean required) {
        return new FixInput(key, kind, Message.of("fix", "input." + key), suggested, choices, required);
    }

    /**
     * The values to offer for one input, newest first: for a tag change the repository's tags (ECR's own list when
     * the image is in private ECR and an AWS account is set up) and the tags the diagnosis found. Blocking: call it
     * off the UI thread. Never fails: what cannot be listed is left out.
     */
    public List<String> choices(FixProposal p, String key) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (p instanceof FixProposal.ImageTagChange t && FixInputs.TAG.equals(key)) {
            out.addAll(ecrTags(t.currentImage()));
            out.addAll(registryTags(t));
        }
        inputs(p).stream().filter(i -> i.key().equals(key)).forEach(i -> out.addAll(i.choices()));
        return List.copyOf(out);
    }

    /** The tags of a registry other than private ECR, newest first, with the workload's pull secrets. */
    private List<String> registryTags(FixProposal.ImageTagChange t) {
        if (proof == null) {
            return List.of();
        }
        try {
            return proof.tags(t.currentImage(), t.namespace(), pullSecrets(t.workload(), t.namespace()));
        } catch (RuntimeException | dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException e) {
            return List.of(); // the user types a tag; the registry check still runs as the dry-run
        }
    }

    /** The {@code imagePullSecrets} of the workload's pod template (a bare pod's own). */
    private List<String> pullSecrets(WorkloadRef w, String namespace) {
        try {
            Optional<com.fasterxml.jackson.databind.JsonNode> o = kube.get(workload(w, namespace));
            if (o.isEmpty()) {
                return List.of();
            }
            com.fasterxml.jackson.databind.JsonNode spec = o.get().path("spec");
            com.fasterxml.jackson.databind.JsonNode podSpec = w.isBarePod() ? spec
                    : WorkloadRef.CRON_JOB.equals(w.kind()) ? spec.path("jobTemplate").path("spec").path("template").path("spec")
                    : spec.path("template").path("spec");
            List<String> names = new ArrayList<>();
            podSpec.path("imagePullSecrets").forEach(s -> names.add(s.path("name").asText()));
            return names;
        } catch (FixException | RuntimeException e) {
            return List.of();
        }
    }

    /** The image change's plan, its dry-run asking the registry about the new image first. */
    private FixPlan imageChange(WorkloadRef w, String namespace, String container, String image) {
        FixPlan plan = PodTemplatePlan.setImage(kube, workload(w, namespace), container, image);
        return proof == null ? plan : proof.guardImageChange(plan, image, namespace, () -> pullSecrets(w, namespace), null);
    }

    private List<String> ecrTags(String image) {
        Optional<ImageReference> ref = ImageReference.tryParse(image);
        if (ref.isEmpty() || !ref.get().registry().isEcrPrivate() || aws == null) {
            return List.of();
        }
        Registry r = ref.get().registry();
        try {
            AwsResult<List<ImageDetail>> listed = session(r.region()).ecr().listImages(r.account(), ref.get().repository());
            if (!listed.isOk()) {
                return List.of();
            }
            List<String> tags = new ArrayList<>();
            listed.value().stream().sorted(Comparator.comparing(ImageDetail::pushedAt,
                    Comparator.nullsLast(Comparator.reverseOrder()))).forEach(d -> tags.addAll(d.tags()));
            return tags;
        } catch (RuntimeException | FixException e) {
            return List.of(); // no credentials or no answer: the user types a tag
        }
    }

    // ------------------------------------------------------------------ plans

    /**
     * The write-path plans for a proposal and the user's inputs, in the order to apply them (a new pull secret, then
     * the workload that references it).
     *
     * @throws FixException when an input is missing or invalid, the proposal is a manual step, or AWS is not set up
     */
    public List<FixPlan> plan(FixProposal p, FixInputs in) throws FixException {
        if (!p.writable()) {
            throw new FixException(Message.of("fix", "plan.manual", p.kind().name()));
        }
        if (p instanceof FixProposal.EcrPolicyEdit e) {
            return List.of(ecrPolicy(e, in));
        }
        if (p instanceof FixProposal.ImageTagChange t) {
            String tag = in.get(FixInputs.TAG).or(t::suggestedTag).orElseThrow(() -> missing(FixInputs.TAG));
            String image;
            try {
                image = ImageReference.parse(t.currentImage()).withTag(tag);
            } catch (InvalidImageReferenceException ex) {
                throw new FixException(Message.of("fix", "input.invalidTag", tag));
            }
            return List.of(imageChange(t.workload(), t.namespace(), t.container(), image));
        }
        if (p instanceof FixProposal.ImageReferenceChange r) {
            String image = in.get(FixInputs.IMAGE).orElseThrow(() -> missing(FixInputs.IMAGE));
            if (ImageReference.problem(image).isPresent()) {
                throw new FixException(Message.of("fix", "input.invalidImage", image));
            }
            return List.of(imageChange(r.workload(), r.namespace(), r.container(), image));
        }
        if (p instanceof FixProposal.CreatePullSecret c) {
            return pullSecret(c, in);
        }
        if (p instanceof FixProposal.AddImagePullSecret a) {
            return List.of(PodTemplatePlan.addImagePullSecret(kube, workload(a.workload(), a.namespace()), a.secret()));
        }
        if (p instanceof FixProposal.NodeRoleAttachPolicy n) {
            String arn = in.get(FixInputs.POLICY_ARN).orElse(n.policyArn());
            if (!arn.equals(n.policyArn()) && !arn.equals(n.alternativeArn())) {
                throw new FixException(Message.of("fix", "input.notAChoice", FixInputs.POLICY_ARN, arn));
            }
            AwsSession s = session(null);
            return List.of(new AttachRolePolicyPlan(s.iam(), s.iamWriter(), n.account(), n.role(), arn));
        }
        if (p instanceof FixProposal.VpcEndpointPolicyEdit v) {
            AwsSession s = session(v.region());
            return List.of(new VpcEndpointPolicyPlan(s.ec2(), s.ec2Writer(), v.account(), v.region(), v.vpcId(),
                    v.endpointId(), in.get(FixInputs.POLICY).orElse(null), null));
        }
        if (p instanceof FixProposal.RolloutRestart r) {
            return List.of(PodTemplatePlan.restart(kube, workload(r.workload(), r.namespace()), clock.instant()));
        }
        throw new FixException(Message.of("fix", "plan.manual", p.kind().name()));
    }

    /** The repository policy: the user's edited text, else the proposal's edit of the policy read at preview time. */
    private FixPlan ecrPolicy(FixProposal.EcrPolicyEdit e, FixInputs in) throws FixException {
        var repo = e.repository();
        AwsSession s = session(repo.region());
        Optional<String> edited = in.get(FixInputs.POLICY);
        EcrPolicyPlan.Proposer proposer = edited.isPresent() ? current -> StateText.of(edited.get())
                : current -> StateText.of(e.draftFor(current.text().orElse(null)).orElseThrow(() ->
                new FixException(Message.of("fix", "plan.policyUnparsable", repo.name()))));
        return EcrPolicyPlan.editing(s.ecr(), s.ecrWriter(), repo.account(), repo.region(), repo.name(), proposer,
                e.summary(), (current, next) -> EcrPolicyDryRun.check(next, e));
    }

    private List<FixPlan> pullSecret(FixProposal.CreatePullSecret c, FixInputs in) throws FixException {
        String name = in.get(FixInputs.SECRET_NAME).orElse(c.name());
        String server = in.get(FixInputs.SERVER).orElse(c.server());
        String user = in.get(FixInputs.USERNAME).orElseThrow(() -> missing(FixInputs.USERNAME));
        char[] password = in.secret(FixInputs.PASSWORD).orElseThrow(() -> missing(FixInputs.PASSWORD));
        List<FixPlan> plans = new ArrayList<>();
        try {
            plans.add(new CreatePullSecretPlan(kube, new ObjectRef(context, "v1", "Secret", c.namespace(), name), server,
                    user, password));
        } finally {
            Arrays.fill(password, '\0');
        }
        if (c.referenceFrom() != null) {
            plans.add(PodTemplatePlan.addImagePullSecret(kube, workload(c.referenceFrom(), c.namespace()), name));
        }
        return plans;
    }

    private ObjectRef workload(WorkloadRef w, String namespace) {
        return new ObjectRef(context, w.apiVersion(), w.kind(), namespace, w.name());
    }

    private static FixException missing(String key) {
        return new FixException(Message.of("fix", "input.missing", Message.of("fix", "input." + key)));
    }

    /** One session per region, opened on first use and closed with the planner. */
    private AwsSession session(String region) throws FixException {
        if (aws == null) {
            throw new FixException(Message.of("fix", "plan.noAws"));
        }
        return sessions.computeIfAbsent(region == null ? "" : region, aws::open);
    }

    /** Closes the AWS sessions the plans used (after they are written, or abandoned). */
    @Override
    public void close() {
        sessions.values().forEach(AwsSession::close);
        sessions.clear();
        if (proof != null) {
            proof.close();
        }
    }
}
