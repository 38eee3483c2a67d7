package dev.pullfix.app.wizard;

import dev.pullfix.app.common.DialogService;
import dev.pullfix.app.common.ErrorText;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.app.common.UiBridge;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.StepResult;
import dev.pullfix.model.diagnosis.runbook.Verdict;
import dev.pullfix.model.fix.proof.FixProof;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The guided diagnosis of one pod: the model's step results as the walk settles them, numbered in walk order, the
 * step in focus, Back / Next / Run all, the finished {@link Diagnosis} with its cause and fix proposals. Picking
 * another pod cancels the running walk (its late answer is ignored). No {@code javafx.scene}.
 */
public final class WizardViewModel {

    /** One settled step of the walk: its place in the walk and the model's result. */
    public record Step(int number, StepResult result) {
    }

    private final TaskRunner tasks;
    private final UiBridge bridge;
    private final DialogService dialogs;
    private final Diagnoser diagnoser;
    private final I18n i18n;
    private final DiagnosisText text;
    private final Consumer<String> log;
    private final ObservableList<Step> steps = FXCollections.observableArrayList();
    private final ObservableList<Step> readOnlySteps = FXCollections.unmodifiableObservableList(steps);
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<PodInfo> pod = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Diagnosis> diagnosis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper conclusion = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper();
    private final ObservableList<FixOffer> fixes = FXCollections.observableArrayList();
    private final BooleanProperty writesAllowed = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<String> afterFix = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper verifying = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<FixProof> proof = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canBack;
    private final BooleanBinding canNext;
    private Consumer<FixOffer> fixHandler;
    private TaskRunner.Handle handle;
    private CancelToken token;
    private long generation;
    private boolean runAll;

    /** @param bridge hands the steps the walk settles to the UI thread as they come */
    public WizardViewModel(TaskRunner tasks, UiBridge bridge, DialogService dialogs, Diagnoser diagnoser, I18n i18n,
                           Consumer<String> log) {
        this.tasks = tasks;
        this.bridge = bridge;
        this.dialogs = dialogs;
        this.diagnoser = diagnoser;
        this.i18n = i18n;
        this.text = new DiagnosisText(i18n);
        this.log = log;
        canBack = Bindings.createBooleanBinding(() -> current.get() > 0, current);
        canNext = Bindings.createBooleanBinding(() -> current.get() >= 0 && current.get() < steps.size() - 1,
                current, steps);
    }

    // ------------------------------------------------------------------ state

    public ObservableList<Step> steps() {
        return readOnlySteps;
    }

    /** Index of the step in focus; -1 when there is none. */
    public ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PodInfo> podProperty() {
        return pod.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The finished diagnosis (null while it runs or when none could run). */
    public ReadOnlyObjectProperty<Diagnosis> diagnosisProperty() {
        return diagnosis.getReadOnlyProperty();
    }

    /** The cause the diagnosis ends on, in words; null while it runs or when it found none. */
    public ReadOnlyStringProperty conclusionProperty() {
        return conclusion.getReadOnlyProperty();
    }

    /** Why no diagnosis could run (not connected, the engine failed); null otherwise. */
    public ReadOnlyStringProperty unavailableProperty() {
        return unavailable.getReadOnlyProperty();
    }

    /** The fixes the finished diagnosis proposes. */
    public ObservableList<FixOffer> fixes() {
        return fixes;
    }

    /** The texts of the model's results in the UI language. */
    public DiagnosisText text() {
        return text;
    }

    /** Whether fix buttons are offered (false in read-only mode). */
    public BooleanProperty writesAllowedProperty() {
        return writesAllowed;
    }

    /** After a fix was written: the offer to watch the pod recover and diagnose again; null otherwise. */
    public ReadOnlyObjectProperty<String> afterFixProperty() {
        return afterFix.getReadOnlyProperty();
    }

    /** True from a write until the watch of the pod has answered (the verify phase). */
    public ReadOnlyBooleanProperty verifyingProperty() {
        return verifying.getReadOnlyProperty();
    }

    /** What the watch after the last write found (null before one answered). */
    public ReadOnlyObjectProperty<FixProof> proofProperty() {
        return proof.getReadOnlyProperty();
    }

    public BooleanBinding canBackProperty() {
        return canBack;
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    // ------------------------------------------------------------------ commands

    /** What a fix button does (opens the fix's dialog or window); set by the shell. */
    public void setFixHandler(Consumer<FixOffer> handler) {
        this.fixHandler = handler;
    }

    /** Starts a proposed fix (its dialog confirms before anything is written). */
    public void startFix(FixOffer offer) {
        if (fixHandler != null && writesAllowed.get()) {
            log.accept(i18n.t("log.fix", offer.label()));
            fixHandler.accept(offer);
        }
    }

    /**
     * Tells the wizard a fix was written: the verify phase starts (the cause found before is no longer shown as the
     * pod's cause; the watch of the pod reports through {@link #fixProven}); it offers a new diagnosis.
     */
    public void fixWritten(String message) {
        afterFix.set(message);
        conclusion.set(null);
        verifying.set(true);
    }

    /**
     * What watching the pod after the write found: "fixed" only when a pod of the workload is Running and ready; a
     * pod that fails again, or the same pod recovered, is diagnosed again with the "after the fix" steps (no step of
     * the failure stays on screen under "Fixed"); a pod replaced by a new one leaves no steps or fix offers behind.
     */
    public void fixProven(FixProof p) {
        if (!verifying.get()) {
            return; // another pod was chosen meanwhile
        }
        verifying.set(false);
        if (p == null || pod.get() == null || p.verdict() == FixProof.Verdict.CANCELLED) {
            return;
        }
        proof.set(p);
        switch (p.verdict()) {
            case FIXED -> {
                String running = runningPod(p);
                afterFix.set(i18n.t("wizard.proof.fixed", running));
                if (running.equals(pod.get().name())) {
                    walkAfterFix(); // the pod recovered: its steps as they are now, not the failure's (stale under "Fixed")
                } else { // a new pod replaced it: the old pod's steps and the fix already written are history
                    fixes.clear();
                    steps.clear();
                    current.set(-1);
                }
            }
            case STILL_FAILING -> {
                afterFix.set(i18n.t("wizard.proof.stillFailing", p.failingPod(), String.valueOf(p.reason())));
                walkAfterFix();
            }
            default -> afterFix.set(i18n.t("wizard.proof.notYet", p.waited().toSeconds()));
        }
    }

    private static String runningPod(FixProof p) {
        return p.pods().stream().filter(s -> "Running".equals(s.status())).map(FixProof.PodState::name).findFirst()
                .orElse(p.pods().isEmpty() ? "" : p.pods().get(0).name());
    }

    /** Diagnoses the pod again; after a write, with the "after the fix" steps (step 7 of the guide) run too. */
    public void diagnoseAgain() {
        if (pod.get() == null) {
            return;
        }
        if (afterFix.get() != null) {
            walkAfterFix();
        } else {
            show(pod.get());
        }
    }

    /** Runs one step that waits for the fix ("Run this step"): the walk again, its "after the fix" steps included. */
    public void runStep(Step s) {
        if (pod.get() != null && !running.get() && s.result().verdict() == Verdict.PENDING) {
            walkAfterFix();
        }
    }

    /** The walk again, "after the fix" steps included; what the write and the watch said stays (and is known to it). */
    private void walkAfterFix() {
        start(pod.get(), true, afterFix.get(), proof.get());
    }

    /** Starts the diagnosis of a pod (null clears the wizard). */
    public void show(PodInfo p) {
        start(p, false);
    }

    private void start(PodInfo p, boolean afterFixSteps) {
        start(p, afterFixSteps, null, null);
    }

    private void start(PodInfo p, boolean afterFixSteps, String afterFixMessage, FixProof proven) {
        cancel();
        generation++;
        pod.set(p);
        diagnosis.set(null);
        conclusion.set(null);
        unavailable.set(null);
        afterFix.set(afterFixMessage);
        verifying.set(false);
        proof.set(proven);
        fixes.clear();
        steps.clear();
        current.set(-1);
        runAll = false;
        if (p == null) {
            return;
        }
        Object prepared = diagnoser.prepare(p);
        if (prepared == null) {
            unavailable.set(i18n.t("wizard.notConnected"));
            return;
        }
        walk(p, prepared, afterFixSteps);
    }

    private void walk(PodInfo p, Object prepared, boolean afterFixSteps) {
        long gen = generation;
        running.set(true);
        CancelToken t = new CancelToken();
        token = t;
        log.accept(i18n.t("log.diagnose", p.namespace() + "/" + p.name()));
        Consumer<StepResult> sink = bridge.batching(list -> {
            if (gen == generation) {
                list.forEach(this::settled);
            }
        });
        handle = tasks.submit("diagnose " + p.namespace() + "/" + p.name(),
                () -> diagnoser.diagnose(p, prepared, afterFixSteps, t, sink), d -> {
                    if (gen == generation) {
                        finished(d);
                    }
                }, e -> {
                    if (gen == generation) {
                        running.set(false);
                        unavailable.set(i18n.t("wizard.failed", new ErrorText(i18n).describe(e)));
                    }
                });
    }

    private void settled(StepResult r) {
        if (steps.stream().noneMatch(s -> s.result() == r)) {
            steps.add(new Step(steps.size() + 1, r));
        }
        if (current.get() < 0) {
            current.set(0);
        }
    }

    private void finished(Diagnosis d) {
        List<Step> all = new ArrayList<>();
        for (StepResult r : d.steps()) {
            all.add(steps.stream().filter(s -> s.result() == r).findFirst().orElse(new Step(all.size() + 1, r)));
        }
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).number() != i + 1) {
                all.set(i, new Step(i + 1, all.get(i).result()));
            }
        }
        int cur = current.get();
        if (!all.equals(steps)) {
            steps.setAll(all);
        }
        current.set(all.isEmpty() ? -1 : runAll ? all.size() - 1 : Math.max(0, Math.min(cur, all.size() - 1)));
        // a pod proven fixed is walked again to show its steps as they are now; the cause its old events still name
        // and the fix already written are history, not offered again under "Fixed"
        boolean provenFixed = proof.get() != null && proof.get().verdict() == FixProof.Verdict.FIXED;
        List<FixOffer> offers = new ArrayList<>();
        for (FixProposal f : provenFixed ? List.<FixProposal>of() : d.fixes()) {
            offers.add(new FixOffer(f, text.fixLabel(f)));
        }
        fixes.setAll(offers);
        int[] unconfirmed = all.stream().filter(s -> s.result().verdict() == Verdict.COULD_NOT_CHECK)
                .mapToInt(Step::number).toArray();
        conclusion.set(provenFixed ? null : text.conclusion(d, unconfirmed));
        diagnosis.set(d);
        running.set(false);
        runAll = false;
        log.accept(d.cancelled() ? i18n.t("log.diagnosisCancelled") : i18n.t("log.diagnosisDone", all.size()));
    }

    public void next() {
        if (canNext.get()) {
            current.set(current.get() + 1);
        }
    }

    public void back() {
        if (canBack.get()) {
            current.set(current.get() - 1);
        }
    }

    /** Focuses a step by index (clicking its header). */
    public void goTo(int index) {
        if (index >= 0 && index < steps.size()) {
            current.set(index);
        }
    }

    /** Ends on the last step (at once, or as soon as the walk has settled it). */
    public void runAll() {
        if (running.get()) {
            runAll = true;
        } else if (!steps.isEmpty()) {
            current.set(steps.size() - 1);
        }
    }

    /** Copies the step's equivalent commands. */
    public void copyCommand(Step s) {
        String commands = text.commands(s.result());
        dialogs.copyToClipboard(commands);
        log.accept(i18n.t("log.copied", commands));
    }

    /** Cancels the running walk, if any. */
    public void cancel() {
        if (token != null) {
            token.cancel();
            token = null;
        }
        if (handle != null && !handle.isDone()) {
            handle.cancel();
        }
        handle = null;
        running.set(false);
        runAll = false;
    }
}
