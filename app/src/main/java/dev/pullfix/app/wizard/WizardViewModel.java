package dev.pullfix.app.wizard;

import dev.pullfix.app.common.DialogService;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.app.common.UiBridge;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.cluster.PodInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The guided diagnosis of one pod: numbered steps, the current one, Back / Next / Run all, each step's check run
 * in a task with its verdict and evidence. Picking another pod drops the running check (its late answer is
 * ignored). No {@code javafx.scene}.
 */
public final class WizardViewModel {

    /** Where a step stands. */
    public enum Status { PENDING, RUNNING, DONE }

    /** One step with its live state. */
    public static final class StepState {
        private final DiagnosisStep step;
        private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.PENDING);
        private final ReadOnlyObjectWrapper<StepResult> result = new ReadOnlyObjectWrapper<>();

        StepState(DiagnosisStep step) {
            this.step = step;
        }

        /** A step the walk already settled. */
        static StepState settled(DiagnosisStep step) {
            StepState s = new StepState(step);
            try {
                s.result.set(step.check().call());
            } catch (Exception e) {
                s.result.set(StepResult.couldNotCheck(String.valueOf(e.getMessage()), null));
            }
            s.status.set(Status.DONE);
            return s;
        }

        public DiagnosisStep step() {
            return step;
        }

        public ReadOnlyObjectProperty<Status> statusProperty() {
            return status.getReadOnlyProperty();
        }

        public ReadOnlyObjectProperty<StepResult> resultProperty() {
            return result.getReadOnlyProperty();
        }
    }

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final DiagnosisPlanner planner;
    private final Consumer<String> log;
    private final ObservableList<StepState> steps = FXCollections.observableArrayList();
    private final ObservableList<StepState> readOnlySteps = FXCollections.unmodifiableObservableList(steps);
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<PodInfo> pod = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<StepResult> conclusion = new ReadOnlyObjectWrapper<>();
    private final ObservableList<DiagnosisPlanner.FixOffer> fixes = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper walking = new ReadOnlyBooleanWrapper(false);
    private final UiBridge bridge;
    private CancelToken token;
    private final javafx.beans.property.BooleanProperty writesAllowed = new javafx.beans.property.SimpleBooleanProperty(false);
    private Consumer<DiagnosisPlanner.FixOffer> fixHandler;
    private final ReadOnlyObjectWrapper<String> afterFix = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canBack;
    private final BooleanBinding canNext;
    private TaskRunner.Handle handle;
    private long generation;
    private boolean runAll;

    public WizardViewModel(TaskRunner tasks, DialogService dialogs, DiagnosisPlanner planner, Consumer<String> log) {
        this(tasks, UiBridge.immediate(), dialogs, planner, log);
    }

    /** @param bridge hands the steps a walking planner settles to the UI thread as they come */
    public WizardViewModel(TaskRunner tasks, UiBridge bridge, DialogService dialogs, DiagnosisPlanner planner,
                           Consumer<String> log) {
        this.bridge = bridge;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.planner = planner;
        this.log = log;
        canBack = Bindings.createBooleanBinding(() -> current.get() > 0, current);
        canNext = Bindings.createBooleanBinding(() -> current.get() >= 0 && current.get() < steps.size() - 1
                && (!running.get() || walking.get()), current, running, walking, steps);
    }

    // ------------------------------------------------------------------ state

    public ObservableList<StepState> steps() {
        return readOnlySteps;
    }

    /** Index of the step in focus; -1 when no pod is chosen. */
    public ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PodInfo> podProperty() {
        return pod.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The verdict of the last step once it has run: the cause the walk ends on. */
    public ReadOnlyObjectProperty<StepResult> conclusionProperty() {
        return conclusion.getReadOnlyProperty();
    }

    /** The fixes the finished diagnosis proposes (walking planners only). */
    public ObservableList<DiagnosisPlanner.FixOffer> fixes() {
        return fixes;
    }

    /** Whether fix buttons are offered (false in read-only mode or when nothing can write). */
    public javafx.beans.property.BooleanProperty writesAllowedProperty() {
        return writesAllowed;
    }

    /** What a fix button does (opens the fix's dialog or window); set by the shell. */
    public void setFixHandler(Consumer<DiagnosisPlanner.FixOffer> handler) {
        this.fixHandler = handler;
    }

    /** Starts a proposed fix (the handler opens its dialog; nothing is written without a confirmation there). */
    public void startFix(DiagnosisPlanner.FixOffer offer) {
        if (fixHandler != null && writesAllowed.get()) {
            log.accept("fix: " + offer.label());
            fixHandler.accept(offer);
        }
    }

    /** After a fix was written: the offer to watch the pod recover and diagnose again (empty otherwise). */
    public ReadOnlyObjectProperty<String> afterFixProperty() {
        return afterFix.getReadOnlyProperty();
    }

    /** Tells the wizard a fix was written (the live tree shows the pod recovering); offers a new diagnosis. */
    public void fixWritten(String message) {
        afterFix.set(message);
    }

    /** Diagnoses the pod again (after a fix). */
    public void diagnoseAgain() {
        PodInfo p = pod.get();
        if (p != null) {
            show(p);
        }
    }

    /** True while the steps come from a walk (settled as they arrive) rather than from checks run one by one. */
    public ReadOnlyBooleanProperty walkingProperty() {
        return walking.getReadOnlyProperty();
    }

    public BooleanBinding canBackProperty() {
        return canBack;
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    // ------------------------------------------------------------------ commands

    /** Starts the diagnosis of a pod (or clears the wizard for null); runs the first step. */
    public void show(PodInfo p) {
        cancel();
        generation++;
        pod.set(p);
        conclusion.set(null);
        afterFix.set(null);
        fixes.clear();
        runAll = false;
        walking.set(false);
        if (p != null && planner instanceof DiagnosisPlanner.Walking w) {
            Object prepared = w.prepare(p);
            if (prepared != null) {
                walk(w, p, prepared);
                return;
            }
        }
        List<StepState> fresh = new ArrayList<>();
        if (p != null) {
            for (DiagnosisStep s : planner.plan(p)) {
                fresh.add(new StepState(s));
            }
        }
        steps.setAll(fresh);
        current.set(fresh.isEmpty() ? -1 : 0);
        if (!fresh.isEmpty()) {
            runStep(fresh.get(0));
        }
    }

    private void walk(DiagnosisPlanner.Walking w, PodInfo p, Object prepared) {
        long gen = generation;
        steps.clear();
        current.set(-1);
        walking.set(true);
        running.set(true);
        CancelToken t = new CancelToken();
        token = t;
        log.accept("diagnose " + p.namespace() + "/" + p.name());
        Consumer<DiagnosisStep> sink = bridge.batching(list -> {
            if (gen != generation) {
                return;
            }
            for (DiagnosisStep s : list) {
                if (steps.stream().noneMatch(x -> x.step().number() == s.number())) {
                    steps.add(StepState.settled(s));
                }
            }
            if (current.get() < 0 && !steps.isEmpty()) {
                current.set(0);
            }
        });
        handle = tasks.submit("diagnose " + p.name(), () -> w.walk(p, prepared, t, sink), walk -> {
            if (gen != generation) {
                return;
            }
            List<StepState> all = new ArrayList<>();
            for (DiagnosisStep s : walk.steps()) {
                StepState known = steps.stream().filter(x -> x.step().number() == s.number()).findFirst().orElse(null);
                all.add(known != null ? known : StepState.settled(s));
            }
            int cur = current.get();
            steps.setAll(all);
            current.set(all.isEmpty() ? -1 : runAll ? all.size() - 1 : Math.max(0, Math.min(cur, all.size() - 1)));
            fixes.setAll(walk.fixes());
            conclusion.set(walk.conclusion());
            running.set(false);
            runAll = false;
            log.accept(walk.cancelled() ? "diagnosis cancelled" : "diagnosis done: " + all.size() + " steps");
        }, e -> {
            if (gen != generation) {
                return;
            }
            // the engine could not start: fall back to the planner's own steps
            log.accept("runbook engine unavailable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            walking.set(false);
            running.set(false);
            List<StepState> fresh = new ArrayList<>();
            for (DiagnosisStep s : planner.plan(p)) {
                fresh.add(new StepState(s));
            }
            steps.setAll(fresh);
            current.set(fresh.isEmpty() ? -1 : 0);
            if (!fresh.isEmpty()) {
                runStep(fresh.get(0));
            }
        });
    }

    /** Moves to the next step and runs it if it has not run. */
    public void next() {
        if (!canNext.get()) {
            return;
        }
        current.set(current.get() + 1);
        StepState s = steps.get(current.get());
        if (s.status.get() == Status.PENDING) {
            runStep(s);
        }
    }

    public void back() {
        if (canBack.get()) {
            current.set(current.get() - 1);
        }
    }

    /** Focuses a step by index (clicking its header) and runs it if pending. */
    public void goTo(int index) {
        if (index < 0 || index >= steps.size() || running.get() && !walking.get()) {
            return;
        }
        current.set(index);
        StepState s = steps.get(index);
        if (s.status.get() == Status.PENDING) {
            runStep(s);
        }
    }

    /** Runs every step that has not run, in order, ending on the last one. */
    public void runAll() {
        if (walking.get()) {
            if (running.get()) {
                runAll = true;
            } else if (!steps.isEmpty()) {
                current.set(steps.size() - 1);
            }
            return;
        }
        if (steps.isEmpty()) {
            return;
        }
        runAll = true;
        if (!running.get()) {
            continueRunAll();
        }
    }

    private void continueRunAll() {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).status.get() == Status.PENDING) {
                current.set(i);
                runStep(steps.get(i));
                return;
            }
        }
        runAll = false;
        current.set(steps.size() - 1);
    }

    /** Runs the current step again (after the user fixed something). */
    public void rerun() {
        if (walking.get()) {
            if (!running.get()) {
                show(pod.get());
            }
            return;
        }
        int i = current.get();
        if (i >= 0 && !running.get()) {
            runStep(steps.get(i));
        }
    }

    /** Copies the step's equivalent command. */
    public void copyCommand(StepState s) {
        dialogs.copyToClipboard(s.step().command());
        log.accept("copied: " + s.step().command());
    }

    /** Cancels the running check, if any. */
    public void cancel() {
        if (token != null) {
            token.cancel();
            token = null;
        }
        if (handle != null && !handle.isDone()) {
            handle.cancel();
            for (StepState s : steps) {
                if (s.status.get() == Status.RUNNING) {
                    s.status.set(Status.PENDING);
                }
            }
        }
        handle = null;
        running.set(false);
        runAll = false;
    }

    private void runStep(StepState s) {
        long gen = generation;
        s.status.set(Status.RUNNING);
        running.set(true);
        log.accept("step " + s.step().number() + ": " + s.step().title());
        handle = tasks.submit(s.step().title(), s.step().check(), r -> finish(gen, s, r),
                e -> finish(gen, s, StepResult.of(StepResult.Verdict.COULD_NOT_CHECK, String.valueOf(
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), new StepResult.None())));
    }

    private void finish(long gen, StepState s, StepResult r) {
        if (gen != generation) {
            return;
        }
        s.result.set(r);
        s.status.set(Status.DONE);
        running.set(false);
        if (!steps.isEmpty() && s == steps.get(steps.size() - 1)) {
            conclusion.set(r);
        }
        if (runAll) {
            continueRunAll();
        }
    }
}
