package dev.pullfix.app.fix;

import dev.pullfix.app.common.DialogService;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.model.fix.aws.AttachRolePolicyPlan;
import dev.pullfix.model.fix.aws.VpcEndpointPolicyPlan;
import dev.pullfix.app.wizard.DiagnosisPlanner.FixOffer;
import dev.pullfix.model.aws.AwsResult;
import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.aws.ImageDetail;
import dev.pullfix.model.aws.PolicyDocumentRef;
import dev.pullfix.model.aws.RolePolicies;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.ContainerInfo;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.connect.Fabric8KubeObjects;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.fix.Outcome;
import dev.pullfix.model.fix.WritePath;
import dev.pullfix.model.fix.kube.CreatePullSecretPlan;
import dev.pullfix.model.fix.kube.KubeObjects;
import dev.pullfix.model.fix.kube.ObjectRef;
import dev.pullfix.model.fix.kube.PodTemplatePlan;
import dev.pullfix.model.policy.NamedPolicy;
import dev.pullfix.model.policy.PolicyDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * What the wizard's fix buttons do: turns a proposed {@link dev.pullfix.model.diagnosis.runbook.FixPlan} into a write
 * plan (asking for a tag or a pull secret's fields first when needed, or opening the policy editor) and drives it
 * through the one {@link WritePath} with {@link FixViewModel}: preview off the FX thread, explicit confirmation, write,
 * then an offer (in the wizard, not a modal) to diagnose again while the live tree shows the pod recovering. Reads (tags, the current policy, the
 * node role's policies) run in tasks.
 */
public final class WizardFixes implements Consumer<FixOffer> {

    /** Where fixes write, captured on the UI thread when a button is pressed. */
    public record Target(ClusterConnection connection, String context, Function<String, AwsSession> aws, PodInfo pod,
                         List<FixOffer> offers) {
    }

    private static final Pattern ECR = Pattern.compile(
            "^(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([^:@]+)(?::([^@]+))?(?:@.*)?$");

    private final I18n i18n;
    private final TaskRunner tasks;
    private final Function<String, WritePath> writePaths;
    private final boolean readOnly;
    private WritePath writePath;
    private final FixDialogs dialogs;
    private final FixPrompts prompts;
    private final DialogService notices;
    private final Supplier<Target> target;
    private final Consumer<String> log;
    private final Consumer<String> written;

    /**
     * @param writePaths the write path for a kubeconfig context (its actor names the OS user and the context)
     * @param readOnly   read-only mode: no fix does anything (the wizard hides the buttons too)
     */
    public WizardFixes(I18n i18n, TaskRunner tasks, Function<String, WritePath> writePaths, boolean readOnly,
                       FixDialogs dialogs, FixPrompts prompts, DialogService notices, Supplier<Target> target,
                       Consumer<String> log, Consumer<String> written) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.writePaths = writePaths;
        this.readOnly = readOnly;
        this.dialogs = dialogs;
        this.prompts = prompts;
        this.notices = notices;
        this.target = target;
        this.log = log;
        this.written = written;
    }

    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public void accept(FixOffer offer) {
        if (readOnly) {
            return;
        }
        Target t = target.get();
        if (t == null || t.connection() == null || t.pod() == null) {
            notices.notifyInfo(i18n.t("fix.title"), i18n.t("fix.noConnection"));
            return;
        }
        writePath = writePaths.apply(t.context());
        var plan = offer.plan();
        switch (plan.kind()) {
            case IMAGE_TAG_CHANGE, IMAGE_REFERENCE_CHANGE -> tagChange(t, plan);
            case ROLLOUT_RESTART -> write(PodTemplatePlan.restart(kube(t), workload(t, plan), Instant.now()));
            case CREATE_PULL_SECRET -> createSecret(t, plan);
            case ADD_IMAGE_PULL_SECRET -> write(PodTemplatePlan.addImagePullSecret(kube(t), workload(t, plan),
                    plan.details().getOrDefault("secret", plan.target().name())));
            case ECR_POLICY_EDIT -> policyEdit(t, plan);
            case NODE_ROLE_ATTACH_POLICY -> awsWrite(t, null, s -> new AttachRolePolicyPlan(s.iam(), s.iamWriter(),
                    plan.target().scope(), plan.target().name(), plan.details().get("policyArn")));
            case VPC_ENDPOINT_POLICY_EDIT -> awsWrite(t, plan.target().scope(), s -> new VpcEndpointPolicyPlan(s.ec2(),
                    s.ec2Writer(), "-", plan.target().scope(), plan.details().get("vpc"), plan.target().name(), null, null));
            default -> notices.notifyInfo(i18n.t("fix.title"), offer.label());
        }
    }

    // ------------------------------------------------------------------ kinds

    private void tagChange(Target t, dev.pullfix.model.diagnosis.runbook.FixPlan plan) {
        String container = plan.details().get("container");
        String image = imageOf(t.pod(), container);
        List<String> candidates = new ArrayList<>();
        String c = plan.details().get("candidates");
        if (c != null && !c.isBlank()) {
            candidates.addAll(Arrays.asList(c.split(",")));
        }
        Matcher m = image == null ? null : ECR.matcher(image);
        Function<String, AwsSession> aws = t.aws();
        tasks.submit("ecr list-images", () -> {
            LinkedHashSet<String> tags = new LinkedHashSet<>();
            if (m != null && m.matches() && aws != null) {
                try {
                    AwsResult<List<ImageDetail>> r = aws.apply(m.group(2)).ecr().listImages(m.group(1), m.group(3));
                    if (r.isOk()) {
                        r.value().stream()
                                .sorted(Comparator.comparing(ImageDetail::pushedAt,
                                        Comparator.nullsLast(Comparator.reverseOrder())))
                                .forEach(d -> tags.addAll(d.tags()));
                    }
                } catch (RuntimeException e) {
                    // no credentials or no answer: the picker still takes a typed tag
                }
            }
            tags.addAll(candidates);
            return List.copyOf(tags);
        }, tags -> {
            Optional<String> tag = prompts.pickTag(container, image, tags);
            if (tag.isEmpty() || image == null) {
                log.accept("tag change: cancelled");
                return;
            }
            write(PodTemplatePlan.setImage(kube(t), workload(t, plan), container, withTag(image, tag.get())));
        }, e -> notices.notifyError(i18n.t("fix.title"), String.valueOf(e.getMessage()), null));
    }

    private void createSecret(Target t, dev.pullfix.model.diagnosis.runbook.FixPlan plan) {
        Optional<FixPrompts.PullSecret> form = prompts.pullSecret(plan.target().name(),
                plan.details().getOrDefault("server", ""));
        if (form.isEmpty()) {
            log.accept("pull secret: cancelled");
            return;
        }
        FixPrompts.PullSecret s = form.get();
        CreatePullSecretPlan secret = new CreatePullSecretPlan(kube(t), new ObjectRef(t.context(), "v1", "Secret",
                plan.target().scope(), s.name()), s.server(), s.username(), s.password());
        Arrays.fill(s.password(), '\0');
        // then reference it from the workload the diagnosis named (its own "add imagePullSecrets" offer)
        Optional<dev.pullfix.model.diagnosis.runbook.FixPlan> add = t.offers().stream().map(FixOffer::plan)
                .filter(p -> p.kind() == FixKind.ADD_IMAGE_PULL_SECRET || p.kind() == FixKind.ROLLOUT_RESTART)
                .findFirst();
        write(secret, () -> add.ifPresent(p -> write(PodTemplatePlan.addImagePullSecret(kube(t), workload(t, p),
                s.name()))));
    }

    private void policyEdit(Target t, dev.pullfix.model.diagnosis.runbook.FixPlan plan) {
        String[] scope = plan.target().scope().split("/");
        if (scope.length != 2 || t.aws() == null) {
            notices.notifyInfo(i18n.t("fix.title"), i18n.t("fix.noAws"));
            return;
        }
        String account = scope[0];
        String region = scope[1];
        String repo = plan.target().name();
        String role = plan.details().get("principal");
        String image = imageOf(t.pod(), null);
        Function<String, AwsSession> aws = t.aws();
        record Loaded(AwsSession session, String policy, List<NamedPolicy> rolePolicies) {
        }
        tasks.submit("ecr get-repository-policy", () -> {
            AwsSession s = aws.apply(region);
            AwsResult<Optional<String>> pol = s.ecr().getRepositoryPolicy(account, repo);
            String current = pol.isOk() ? pol.value().orElse(null) : null;
            List<NamedPolicy> identity = new ArrayList<>();
            if (role != null && role.contains(":role/")) {
                AwsResult<RolePolicies> rp = s.iam().rolePolicies(role.substring(role.lastIndexOf('/') + 1));
                if (rp.isOk()) {
                    List<PolicyDocumentRef> refs = new ArrayList<>(rp.value().attached());
                    refs.addAll(rp.value().inline());
                    for (PolicyDocumentRef r : refs) {
                        if (r.document() != null) {
                            identity.add(NamedPolicy.identity(r.name(), PolicyDocument.parse(r.document())));
                        }
                    }
                }
            }
            return new Loaded(s, current, identity);
        }, l -> {
            PolicyFixWindow w = new PolicyFixWindow(i18n, tasks, writePath, dialogs, l.session().ecr(),
                    l.session().ecrWriter(), new PolicyFixWindow.Repository(account, region, repo,
                    image == null ? repo : image.substring(image.indexOf('/') + 1)), l.policy(), role,
                    l.rolePolicies(), log);
            Stage stage = new Stage();
            stage.setTitle(i18n.t("fix.policy.windowTitle", repo));
            Scene scene = new Scene(w.root(), 1200, 760);
            scene.getStylesheets().add(WizardFixes.class.getResource("/dev/pullfix/app/app.css").toExternalForm());
            stage.setScene(scene);
            stage.setOnHidden(e -> tasks.submit("close AWS session", () -> {
                l.session().close();
                return null;
            }, x -> { }, x -> { }));
            stage.show();
            w.fix().outcomeProperty().addListener((o, a, b) -> afterWrite(b, null));
        }, e -> notices.notifyError(i18n.t("fix.title"), i18n.t("fix.policy.readFailed", repo),
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

    /** An AWS-side fix (IAM, EC2) through the write path, on a session for the region, closed afterwards. */
    private void awsWrite(Target t, String region, Function<AwsSession, FixPlan> planFor) {
        if (t.aws() == null) {
            notices.notifyInfo(i18n.t("fix.title"), i18n.t("fix.noAws"));
            return;
        }
        tasks.submit("aws session", () -> t.aws().apply(region), session -> write(planFor.apply(session), session::close),
                e -> notices.notifyError(i18n.t("fix.title"), i18n.t("fix.noAws"),
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

    // ------------------------------------------------------------------ the write path

    private void write(FixPlan plan) {
        write(plan, null);
    }

    /** Preview (off the FX thread), then the confirmation dialog, then the write; {@code then} after a write. */
    private void write(FixPlan plan, Runnable then) {
        FixViewModel vm = new FixViewModel(writePath, tasks, dialogs, log);
        vm.previewProperty().addListener((o, a, p) -> {
            if (p != null && a == null) {
                vm.apply();
            }
        });
        vm.outcomeProperty().addListener((o, a, b) -> afterWrite(b, then));
        vm.messageProperty().addListener((o, a, b) -> {
            if (vm.previewProperty().get() == null && b != null && !b.isBlank()) {
                notices.notifyError(i18n.t("fix.title"), b, null); // the preview itself failed
            }
        });
        vm.load(plan);
    }

    private void afterWrite(Outcome o, Runnable then) {
        if (o == null) {
            return;
        }
        log.accept("fix: " + o.status() + " — " + o.message());
        if (o.status() == Outcome.Status.APPLIED || o.status() == Outcome.Status.APPLIED_UNVERIFIED) {
            if (then != null) {
                then.run();
                return;
            }
            written.accept(i18n.t("fix.written.watch"));
        } else if (o.status() != Outcome.Status.CANCELLED) {
            notices.notifyInfo(i18n.t("fix.title"), o.message());
        }
    }

    // ------------------------------------------------------------------ helpers

    private KubeObjects kube(Target t) {
        return new Fabric8KubeObjects(t.connection().kubernetesClient());
    }

    private static ObjectRef workload(Target t, dev.pullfix.model.diagnosis.runbook.FixPlan plan) {
        String kind = plan.target().kind();
        String apiVersion = switch (kind) {
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet" -> "apps/v1";
            case "Job", "CronJob" -> "batch/v1";
            default -> "v1";
        };
        return new ObjectRef(t.context(), apiVersion, kind, plan.target().scope(), plan.target().name());
    }

    static String imageOf(PodInfo pod, String container) {
        for (ContainerInfo c : pod.containers()) {
            if (container == null ? c.failure().isPresent() : container.equals(c.name())) {
                return c.image();
            }
        }
        return pod.containers().isEmpty() ? null : pod.containers().get(0).image();
    }

    /** The image with its tag (and any digest) replaced. */
    static String withTag(String image, String tag) {
        String base = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = base.lastIndexOf('/');
        int colon = base.lastIndexOf(':');
        if (colon > slash) {
            base = base.substring(0, colon);
        }
        return base + ":" + tag;
    }

}
