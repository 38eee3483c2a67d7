package dev.pullfix.app.wizard;

import dev.pullfix.app.common.I18n;
import dev.pullfix.app.wizard.StepResult.Verdict;
import dev.pullfix.model.cluster.ClusterError;
import dev.pullfix.model.cluster.ContainerInfo;
import dev.pullfix.model.cluster.PodEvent;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.diagnosis.KubeletEvent;
import dev.pullfix.model.diagnosis.PullFailure;
import dev.pullfix.model.diagnosis.PullFailureClassifier;
import dev.pullfix.model.diagnosis.PullFailureText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The built-in diagnosis (until the runbook engine serves the steps): 1 which container is stuck and why,
 * 2 what the kubelet reported (events), 3 the cause named by the pull-failure classifier, 4 what to check next.
 * Display text comes from the {@code app} and {@code classifier} bundles.
 */
public final class ClassifierPlanner implements DiagnosisPlanner {
    private final I18n i18n;
    private final BiFunction<String, String, List<PodEvent>> events;
    private final PullFailureClassifier classifier = PullFailureClassifier.withBuiltInRules();

    /**
     * @param events loads a pod's events (namespace, name); blocking, called inside the steps' tasks
     */
    public ClassifierPlanner(I18n i18n, BiFunction<String, String, List<PodEvent>> events) {
        this.i18n = i18n;
        this.events = events;
    }

    @Override
    public List<DiagnosisStep> plan(PodInfo pod) {
        String ns = pod.namespace();
        String name = pod.name();
        PullFailureText text = PullFailureText.forLanguage(i18n.locale().getLanguage());
        List<DiagnosisStep> steps = new ArrayList<>();
        steps.add(new DiagnosisStep(1, i18n.t("step.status.title"), i18n.t("step.status.explain"),
                "kubectl get pod " + name + " -n " + ns + " -o wide", () -> status(pod)));
        steps.add(new DiagnosisStep(2, i18n.t("step.events.title"), i18n.t("step.events.explain"),
                "kubectl describe pod " + name + " -n " + ns, () -> events(pod)));
        steps.add(new DiagnosisStep(3, i18n.t("step.cause.title"), i18n.t("step.cause.explain"),
                "pullfix diagnose " + ns + "/" + name, () -> cause(pod, text)));
        steps.add(new DiagnosisStep(4, i18n.t("step.next.title"), i18n.t("step.next.explain"),
                nextCommand(pod), () -> next(pod, text)));
        return steps;
    }

    private StepResult status(PodInfo pod) {
        List<String> lines = new ArrayList<>();
        StringBuilder json = new StringBuilder("{\n  \"status\": \"").append(esc(pod.status())).append("\",\n")
                .append("  \"phase\": \"").append(esc(pod.phase())).append("\",\n  \"containers\": [");
        boolean first = true;
        for (ContainerInfo c : pod.containers()) {
            json.append(first ? "\n" : ",\n").append("    {\"name\": \"").append(esc(c.name()))
                    .append("\", \"image\": \"").append(esc(c.image())).append("\", \"state\": \"")
                    .append(c.state().name().toLowerCase()).append("\"");
            if (c.reason() != null) {
                json.append(", \"reason\": \"").append(esc(c.reason())).append("\"");
            }
            json.append(", \"ready\": ").append(c.ready()).append("}");
            first = false;
            if (c.failure().isPresent()) {
                lines.add(c.name());
            }
        }
        json.append("\n  ]\n}");
        if (!pod.failing()) {
            return StepResult.of(Verdict.OK, i18n.t("step.status.ok", pod.name(), pod.status()),
                    new StepResult.Json(json.toString()));
        }
        return StepResult.of(Verdict.PROBLEM, i18n.t("step.status.problem", String.join(", ", lines.isEmpty()
                ? List.of(pod.name()) : lines), pod.failure().reason()), new StepResult.Json(json.toString()));
    }

    private StepResult events(PodInfo pod) {
        List<PodEvent> list;
        try {
            list = events.apply(pod.namespace(), pod.name());
        } catch (ClusterError e) {
            if (e.code() == ClusterError.Code.FORBIDDEN) {
                return StepResult.couldNotCheck(i18n.t("step.events.forbidden"),
                        "list events (namespace " + pod.namespace() + ")");
            }
            return StepResult.of(Verdict.COULD_NOT_CHECK, i18n.t("step.events.failed", e.code().name()),
                    new StepResult.None());
        }
        PodEvent failed = null;
        for (PodEvent e : list) {
            if ("Failed".equals(e.reason()) && e.message().startsWith("Failed to pull")) {
                failed = e;
            }
        }
        if (failed == null) {
            return StepResult.of(Verdict.INFO, i18n.t("step.events.none"), new StepResult.Events(list));
        }
        return StepResult.of(Verdict.PROBLEM, failed.message(), new StepResult.Events(list));
    }

    private PullFailure classify(PodInfo pod) {
        List<KubeletEvent> ke;
        try {
            ke = events.apply(pod.namespace(), pod.name()).stream().map(e -> new KubeletEvent(e.type(), e.reason(),
                    e.message(), e.count(), e.first(), e.last(), e.from())).toList();
        } catch (ClusterError e) {
            ke = List.of();
        }
        String reason = pod.failure() == null ? null : pod.failure().reason();
        for (ContainerInfo c : pod.containers()) {
            if (c.failure().isPresent()) {
                reason = c.reason();
            }
        }
        if (ke.isEmpty() && pod.failureMessage() != null) {
            ke = List.of(KubeletEvent.failed(pod.failureMessage()));
        }
        return classifier.classify(reason, ke);
    }

    private StepResult cause(PodInfo pod, PullFailureText text) {
        if (!pod.failing()) {
            return StepResult.of(Verdict.OK, i18n.t("step.cause.none"), new StepResult.None());
        }
        PullFailure f = classify(pod);
        List<String> lines = new ArrayList<>();
        lines.add(i18n.t("step.cause.category", text.category(f.category())));
        if (f.registry() != null) {
            lines.add(i18n.t("step.cause.registry", f.registry()));
        }
        if (f.httpStatus() != null) {
            lines.add(i18n.t("step.cause.http", f.httpStatus()));
        }
        if (f.quoted() != null && !f.quoted().isBlank()) {
            lines.add(i18n.t("step.cause.quoted", f.quoted()));
        }
        return StepResult.of(Verdict.PROBLEM, text.summary(f), new StepResult.Statements(lines));
    }

    private StepResult next(PodInfo pod, PullFailureText text) {
        if (!pod.failing()) {
            return StepResult.of(Verdict.OK, i18n.t("step.cause.none"), new StepResult.None());
        }
        PullFailure f = classify(pod);
        List<String> checks = text.nextChecks(f);
        return StepResult.of(Verdict.PROBLEM, i18n.t("step.next.summary", text.category(f.category()), text.summary(f)),
                new StepResult.Statements(checks));
    }

    private static String nextCommand(PodInfo pod) {
        for (ContainerInfo c : pod.containers()) {
            if (c.failure().isPresent() && c.image() != null && c.image().contains(".dkr.ecr.")) {
                String host = c.image().substring(0, c.image().indexOf('/'));
                String rest = c.image().substring(c.image().indexOf('/') + 1);
                String repo = rest.contains(":") ? rest.substring(0, rest.lastIndexOf(':')) : rest;
                String region = host.split("\\.").length > 3 ? host.split("\\.")[3] : "us-east-1";
                return "aws ecr get-repository-policy --repository-name " + repo + " --region " + region;
            }
        }
        return "pullfix image " + (pod.containers().isEmpty() ? "IMAGE" : pod.containers().get(0).image());
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
