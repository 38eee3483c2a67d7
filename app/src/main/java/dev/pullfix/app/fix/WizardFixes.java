package dev.pullfix.app.fix;

import dev.pullfix.app.activity.ActivityViewModel;
import dev.pullfix.app.common.DialogService;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.app.wizard.FixOffer;
import dev.pullfix.model.aws.AwsResult;
import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.aws.PolicyDocumentRef;
import dev.pullfix.model.aws.RolePolicies;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.connect.AwsAccess;
import dev.pullfix.model.connect.Workspace;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.port.RegistryPort;
import dev.pullfix.model.diagnosis.runbook.port.RoleRef;
import dev.pullfix.model.fix.FixException;
import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.fix.Outcome;
import dev.pullfix.model.fix.WritePath;
import dev.pullfix.model.fix.planner.FixInputs;
import dev.pullfix.model.fix.planner.FixPlanner;
import dev.pullfix.model.fix.planner.UndoPlanner;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.policy.NamedPolicy;
import dev.pullfix.model.policy.PolicyDocument;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.fix.proof.Baseline;
import dev.pullfix.model.fix.proof.FixProof;
import dev.pullfix.model.fix.proof.FixProofService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import dev.pullfix.model.fix.Backup;
import java.util.HashMap;
import java.util.Map;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * What the wizard's fix buttons do: asks the user what the model's {@link FixPlanner} says a proposal needs (a tag
 * from the repository's tags, a pull secret's fields; the policy editor for a repository policy), has the planner
 * build the write plans, and drives each through the one {@link WritePath} with {@link FixViewModel}: preview off the
 * FX thread, explicit confirmation, write, then an offer (in the wizard, not a modal) to diagnose again while the
 * live tree shows the pod recovering. Each successful write is offered for undo in the main window's activity
 * ({@link ActivityViewModel#offerUndo}), undone as a policy window opened after the write undoes it: {@link
 * FixViewModel#resume} with the model's {@link UndoPlanner} over fresh sessions (the write's own plan may hold closed
 * ones), then {@link FixViewModel#undo}. Planning and reads run in tasks.
 */
public final class WizardFixes implements Consumer<FixOffer> {

    /** Where fixes write, captured on the UI thread when a button is pressed. */
    /** @param registry asks registries for tags and checks image changes (the dry-run), or null: it does not */
    public record Target(ClusterConnection connection, String context, Function<String, AwsSession> aws, PodInfo pod,
                         List<FixOffer> offers, RegistryPort registry) {
        public Target(ClusterConnection connection, String context, Function<String, AwsSession> aws, PodInfo pod,
                      List<FixOffer> offers) {
            this(connection, context, aws, pod, offers, null);
        }
    }

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
    private final ActivityViewModel activity;
    private final Consumer<String> written;
    private final Consumer<FixProof> proven;
    private final Duration watchFor;
    private Target current;
    /** The kind of the fix being written: one that changes the pod template is proven by the new pods. */
    private FixKind currentKind;
    private CancelToken watching;
    /** The open policy window of each repository (by ARN): one per repository, brought to front when asked again. */
    private final Map<String, Stage> policyWindows = new HashMap<>();
    /** The last policy written to each repository, so a window opened after the write can undo it. */
    private final Map<String, Written> policyWrites = new HashMap<>();

    /** A successful write: its plan, the backup of the state before it, and the write path it went through. */
    private record Written(FixPlan plan, Backup backup, WritePath path, Target target) {
    }

    /**
     * @param writePaths the write path for a kubeconfig context (its actor names the OS user and the context)
     * @param readOnly   read-only mode: no fix does anything (the wizard hides the buttons too)
     * @param activity   where a successful write is offered for undo
     * @param written    told when the last write of a fix succeeded (the verify phase starts)
     * @param proven     told what watching the pod after that write found (null when the watch could not run)
     * @param watchFor   how long the pod is watched after a write
     */
    public WizardFixes(I18n i18n, TaskRunner tasks, Function<String, WritePath> writePaths, boolean readOnly,
                       FixDialogs dialogs, FixPrompts prompts, DialogService notices, Supplier<Target> target,
                       Consumer<String> log, ActivityViewModel activity, Consumer<String> written,
                       Consumer<FixProof> proven, Duration watchFor) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.writePaths = writePaths;
        this.readOnly = readOnly;
        this.dialogs = dialogs;
        this.prompts = prompts;
        this.notices = notices;
        this.target = target;
        this.log = log;
        this.activity = activity;
        this.written = written;
        this.proven = proven;
        this.watchFor = watchFor;
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
        current = t;
        FixProposal p = offer.proposal();
        currentKind = p.kind();
        if (!p.writable()) {
            notices.notifyInfo(i18n.t("fix.title"), offer.label());
            return;
        }
        FixPlanner planner = FixPlanner.of(new Workspace(t.connection(), null,
                t.aws() == null ? null : new AwsAccess(null, null, null, t.aws()), t.registry()), Clock.systemUTC())
                .inLanguage(i18n.locale()); // dry-run details in the window's language
        if (p instanceof FixProposal.ImageTagChange tag) {
            tasks.submit("list tags", () -> planner.choices(tag, FixInputs.TAG), tags -> prompts
                    .pickTag(tag.container(), tag.currentImage(), tags)
                    .ifPresentOrElse(v -> plan(planner, p, FixInputs.none().with(FixInputs.TAG, v)),
                            () -> cancelled(planner)), e -> failed(planner, e));
        } else if (p instanceof FixProposal.ImageReferenceChange ref) {
            prompts.pickTag(ref.container(), ref.currentImage(), List.of())
                    .ifPresentOrElse(v -> plan(planner, p, FixInputs.none().with(FixInputs.IMAGE, v)),
                            () -> cancelled(planner));
        } else if (p instanceof FixProposal.CreatePullSecret secret) {
            Optional<FixPrompts.PullSecret> form = prompts.pullSecret(secret.name(), secret.server());
            if (form.isEmpty()) {
                cancelled(planner);
                return;
            }
            FixPrompts.PullSecret s = form.get();
            FixInputs in = FixInputs.none().with(FixInputs.SECRET_NAME, s.name()).with(FixInputs.SERVER, s.server())
                    .with(FixInputs.USERNAME, s.username()).withSecret(FixInputs.PASSWORD, s.password());
            Arrays.fill(s.password(), '\0');
            plan(planner, p, in);
        } else if (p instanceof FixProposal.EcrPolicyEdit edit) {
            policyEdit(t, edit, planner);
        } else {
            plan(planner, p, FixInputs.none());
        }
    }

    /** Builds the plans off the FX thread (AWS fixes open a session), then writes them one after the other. */
    private void plan(FixPlanner planner, FixProposal p, FixInputs in) {
        tasks.submit("plan " + p.kind(), () -> {
            try {
                return planner.plan(p, in);
            } finally {
                in.wipe();
            }
        }, plans -> writeAll(plans, planner), e -> failed(planner, e));
    }

    private void cancelled(FixPlanner planner) {
        log.accept(i18n.t("log.fixCancelled"));
        planner.close();
    }

    private void failed(FixPlanner planner, Throwable e) {
        planner.close();
        String text = e instanceof FixException f ? i18n.text(f.message())
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        notices.notifyError(i18n.t("fix.title"), text, null);
    }

    /**
     * The ECR repository policy: the policy window, opened on the model's proposal for the policy read now; the
     * planner turns the edited text into the plan and is closed with the window.
     */
    private void policyEdit(Target t, FixProposal.EcrPolicyEdit edit, FixPlanner planner) {
        if (t.aws() == null) {
            planner.close();
            notices.notifyInfo(i18n.t("fix.title"), i18n.t("fix.noAws"));
            return;
        }
        var repo = edit.repository();
        Stage open = policyWindows.get(repo.arn());
        if (open != null) {
            planner.close();
            open.toFront();
            open.requestFocus();
            return;
        }
        String role = edit.principal();
        String image = ImageReference.tryParse(imageOf(t.pod())).map(r -> r.repository()
                + (r.tag() == null ? "" : ":" + r.tag())).orElse(repo.name());
        Function<String, AwsSession> aws = t.aws();
        record Loaded(AwsSession session, String policy, String proposed, List<NamedPolicy> rolePolicies) {
        }
        tasks.submit("ecr get-repository-policy", () -> {
            AwsSession s = aws.apply(repo.region());
            AwsResult<Optional<String>> pol = s.ecr().getRepositoryPolicy(repo.account(), repo.name());
            String current = pol.isOk() ? pol.value().orElse(null) : null;
            List<NamedPolicy> identity = new ArrayList<>();
            if (role != null && role.contains(":role/")) {
                AwsResult<RolePolicies> rp = s.iam().rolePolicies(RoleRef.ofArn(role, "").name());
                if (rp.isOk()) {
                    for (PolicyDocumentRef r : rp.value().identityPolicies()) {
                        if (r.document() != null) {
                            identity.add(NamedPolicy.identity(r.name(), PolicyDocument.parse(r.document())));
                        }
                    }
                }
            }
            String proposed = edit.draftFor(current).orElse(current);
            return new Loaded(s, current, proposed, identity);
        }, l -> {
            WritePath path = writePath;
            PolicyFixWindow w = new PolicyFixWindow(i18n, tasks, path, dialogs,
                    text -> planner.plan(edit, FixInputs.none().with(FixInputs.POLICY, text)).get(0),
                    new PolicyFixWindow.Repository(repo.account(), repo.region(), repo.name(),
                    image), l.policy(), l.proposed(), role, l.rolePolicies(), log);
            Stage stage = w.window(i18n.t("fix.policy.windowTitle", repo.name()), mainWindow());
            Written last = policyWrites.get(repo.arn());
            Restoring undoLast = last == null ? null : new Restoring(t, last.backup());
            if (last != null) {
                w.fix().resume(last.backup(), undoLast);
            }
            policyWindows.put(repo.arn(), stage);
            stage.setOnHidden(e -> {
                policyWindows.remove(repo.arn(), stage);
                if (undoLast != null) {
                    undoLast.close();
                }
                tasks.run("close AWS session", () -> {
                    l.session().close();
                    planner.close();
                });
            });
            stage.show();
            w.fix().outcomeProperty().addListener((o, a, b) -> {
                afterWrite(b, null, () -> { });
                Written done = written(w.fix().plan(), b, path, t);
                if (done != null) {
                    // written: the window closes (its "current" side is stale now); Undo waits in the next one and in
                    // the main window's activity
                    policyWrites.put(repo.arn(), done);
                    offerUndo(done, () -> policyWrites.remove(repo.arn(), done));
                    stage.close();
                }
            });
        }, e -> {
            planner.close();
            notices.notifyError(i18n.t("fix.title"), i18n.t("fix.policy.readFailed", repo.name()),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        });
    }

    // ------------------------------------------------------------------ the write path

    /** Each plan in turn (a new secret, then the workload that names it); the planner closes when the chain stops. */
    private void writeAll(List<FixPlan> plans, FixPlanner planner) {
        if (plans.isEmpty()) {
            planner.close();
            return;
        }
        List<FixPlan> rest = plans.subList(1, plans.size());
        write(plans.get(0), rest.isEmpty() ? null : () -> writeAll(rest, planner), planner::close);
    }

    /**
     * Preview (off the FX thread), then the confirmation dialog, then the write; {@code then} after a write,
     * {@code stopped} when the chain ends (written last, cancelled, refused or failed).
     */
    private void write(FixPlan plan, Runnable then, Runnable stopped) {
        WritePath path = writePath;
        Target target = current;
        FixViewModel vm = new FixViewModel(path, tasks, dialogs, log, i18n);
        vm.previewProperty().addListener((o, a, p) -> {
            if (p != null && a == null) {
                vm.apply();
            }
        });
        vm.outcomeProperty().addListener((o, a, b) -> {
            Written done = written(vm.plan(), b, path, target);
            if (done != null) {
                offerUndo(done, () -> { });
            }
            afterWrite(b, then, stopped);
        });
        vm.messageProperty().addListener((o, a, b) -> {
            if (vm.previewProperty().get() == null && b != null && !b.isBlank()) {
                stopped.run();
                notices.notifyError(i18n.t("fix.title"), b, null); // the preview itself failed
            }
        });
        vm.load(plan);
    }

    /** The write {@code o} made, or null when it wrote nothing (cancelled, refused, failed) or kept no backup. */
    private static Written written(FixPlan plan, Outcome o, WritePath path, Target target) {
        boolean applied = o != null && (o.status() == Outcome.Status.APPLIED
                || o.status() == Outcome.Status.APPLIED_UNVERIFIED);
        return applied && plan != null && o.backup().isPresent()
                ? new Written(plan, o.backup().get(), path, target) : null;
    }

    /** Offers the undo of {@code w} in the main window's activity; {@code forget} runs once it is undone. */
    private void offerUndo(Written w, Runnable forget) {
        ActivityViewModel.UndoOffer[] offer = new ActivityViewModel.UndoOffer[1];
        offer[0] = activity.offerUndo(i18n.text(w.plan().summaryText()), () -> undo(w, () -> {
            activity.withdrawUndo(offer[0]);
            forget.run();
        }));
    }

    /**
     * Undoes a write from the activity as a policy window opened after it does ({@link FixViewModel#resume}, then
     * {@link FixViewModel#undo}: the restore plan's preview, the undo's confirmation, the write path), without a window.
     */
    private void undo(Written w, Runnable undone) {
        FixViewModel vm = new FixViewModel(w.path(), tasks, dialogs, log, i18n);
        Restoring restoring = new Restoring(w.target(), w.backup());
        vm.resume(w.backup(), restoring);
        vm.outcomeProperty().addListener((o, a, b) -> {
            if (b == null) {
                return;
            }
            restoring.close();
            if (b.status() == Outcome.Status.APPLIED || b.status() == Outcome.Status.APPLIED_UNVERIFIED) {
                undone.run();
                notices.notifyInfo(i18n.t("fix.undo.title"), i18n.text(b.text()));
            } else if (b.status() != Outcome.Status.CANCELLED) {
                notices.notifyInfo(i18n.t("fix.undo.title"), i18n.text(b.text()));
            }
        });
        vm.messageProperty().addListener((o, a, b) -> {
            if (vm.previewProperty().get() == null && b != null && !b.isBlank()) {
                restoring.close();
                notices.notifyError(i18n.t("fix.undo.title"), b, null); // the backup could not be previewed
            }
        });
        vm.undo();
    }

    /**
     * The plan that restores a backup, built off the FX thread by the model's {@link UndoPlanner} (as {@code pullfix
     * undo} builds it) over fresh sessions of the target the write went to; {@link #close()} closes them.
     */
    private final class Restoring implements Callable<FixPlan> {
        private final Target target;
        private final Backup backup;
        private volatile UndoPlanner planner;

        Restoring(Target target, Backup backup) {
            this.target = target;
            this.backup = backup;
        }

        @Override
        public FixPlan call() throws FixException {
            UndoPlanner u = UndoPlanner.of(workspace(target));
            planner = u;
            return u.restore(backup);
        }

        void close() {
            UndoPlanner u = planner;
            planner = null;
            if (u != null) {
                tasks.run("close the undo's sessions", u::close);
            }
        }
    }

    /** The cluster and AWS account of a fix's target, as the model's planners take them. */
    private static Workspace workspace(Target t) {
        return new Workspace(t.connection(), null, t.aws() == null ? null : new AwsAccess(null, null, null, t.aws()),
                null);
    }

    private void afterWrite(Outcome o, Runnable then, Runnable stopped) {
        if (o == null) {
            return;
        }
        if (o.status() == Outcome.Status.APPLIED || o.status() == Outcome.Status.APPLIED_UNVERIFIED) {
            if (then != null) {
                then.run();
                return;
            }
            stopped.run();
            written.accept(i18n.t("fix.written.watch"));
            watch(current);
            return;
        }
        stopped.run();
        if (o.status() != Outcome.Status.CANCELLED) {
            notices.notifyInfo(i18n.t("fix.title"), i18n.text(o.text()));
        }
    }

    /**
     * The proof of the fix: the workload's pods watched (off the FX thread) until one is Running and ready or one
     * fails to pull again; only the first may be called fixed. A new write stops the watch of the one before.
     */
    private void watch(Target t) {
        if (watching != null) {
            watching.cancel();
        }
        PodInfo pod = t == null ? null : t.pod();
        if (pod == null || pod.workload() == null) {
            proven.accept(null);
            return;
        }
        CancelToken cancel = new CancelToken();
        watching = cancel;
        FixKind kind = currentKind;
        Workspace w = workspace(t);
        tasks.submit("watch " + pod.namespace() + "/" + pod.name() + " after the fix", () -> {
            try (FixProofService proof = FixProofService.of(w, null)) {
                Baseline before = proof.before(pod.namespace(), pod.workload(), pod.name(), kind);
                return proof.after(before, watchFor, cancel, FixProofService::noProgress);
            }
        }, p -> {
            proven.accept(p);
        }, e -> proven.accept(null));
    }

    /** The main window (the first one shown that is no policy window), whose theme the policy windows take. */
    private Window mainWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getOwner() == null
                && !policyWindows.containsValue(s)).findFirst().orElse(null);
    }

    /** The image of the pod's first failing container (else its first container). */
    static String imageOf(PodInfo pod) {
        return pod.containers().stream().filter(c -> c.failure().isPresent()).findFirst()
                .or(() -> pod.containers().stream().findFirst()).map(c -> c.image()).orElse(null);
    }
}
