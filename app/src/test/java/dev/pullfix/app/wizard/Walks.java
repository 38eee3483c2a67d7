package dev.pullfix.app.wizard;

import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.cluster.WorkloadRef;
import dev.pullfix.model.diagnosis.checks.Checks;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.Finding;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.RunbookCatalog;
import dev.pullfix.model.diagnosis.runbook.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Walks as the model's diagnosis service returns them, built from the bundled runbooks' real steps. */
public final class Walks {
    public static final RunbookCatalog CATALOG = RunbookCatalog.load(Checks.all());

    private Walks() {
    }

    /** A step of the ECR runbook (pod-status, pod-events, image-uri, ecr-image, node-role-policies, ...). */
    public static StepResult ecrStep(String stepId, CheckOutcome outcome) {
        var step = CATALOG.get("ecr-private-image").orElseThrow().step(stepId).orElseThrow();
        return new StepResult("ecr-private-image", step, step.commands(), outcome, Duration.ofMillis(20));
    }

    public static StepResult ok(String stepId, String finding, String... args) {
        return ecrStep(stepId, CheckOutcome.ok(Finding.of(finding, args)).build());
    }

    /** A diagnosis of the pod with these steps, cause and fixes (finding: the first problem step's). */
    public static Diagnosis diagnosis(PodInfo pod, List<StepResult> steps, String cause, List<FixProposal> fixes) {
        Finding finding = steps.stream().filter(s -> s.verdict() == dev.pullfix.model.diagnosis.runbook.Verdict.PROBLEM
                && s.outcome().finding() != null && s.outcome().finding().cause() != null).map(s -> s.outcome().finding())
                .reduce((a, b) -> b).orElse(null);
        return new Diagnosis(pod.namespace(), pod.name(), pod.containers().get(0).image(),
                pod.containers().get(0).name(), new WorkloadRef("Deployment", pod.workload().name()), cause, cause,
                finding, false, "ecr-private-image", List.of("ecr-private-image"), steps, fixes, false, Instant.now());
    }

    /** A diagnoser that answers with scripted walks and records what it was asked. */
    public static final class Scripted implements Diagnoser {
        public final List<String> asked = new ArrayList<>();
        public final List<CancelToken> tokens = new ArrayList<>();
        public boolean connected = true;
        public RuntimeException failure;
        public java.util.function.Function<PodInfo, Diagnosis> answer;

        @Override
        public Object prepare(PodInfo pod) {
            return connected ? "connection" : null;
        }

        @Override
        public Diagnosis diagnose(PodInfo pod, Object prepared, boolean afterFix, CancelToken cancel,
                                  Consumer<StepResult> stepDone) {
            asked.add(pod.key() + (afterFix ? " +afterFix" : ""));
            tokens.add(cancel);
            if (failure != null) {
                throw failure;
            }
            Diagnosis d = answer.apply(pod);
            d.steps().forEach(stepDone);
            return d;
        }
    }
}
