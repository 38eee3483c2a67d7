package dev.pullfix.app.wizard;

import dev.pullfix.model.cluster.PodEvent;
import java.util.List;

/**
 * What one diagnosis step found: a verdict, one line of display text, the evidence behind it, and for
 * {@link Verdict#COULD_NOT_CHECK} the permission that was missing.
 */
public record StepResult(Verdict verdict, String summary, Evidence evidence, String missingPermission) {

    public enum Verdict {
        /** The check passed: not the cause. */
        OK,
        /** The check found the problem. */
        PROBLEM,
        /** Informational: a fact for the next step. */
        INFO,
        /** The check could not be made (a permission or the connection was missing). */
        COULD_NOT_CHECK,
        /** The check does not apply to this image. */
        SKIPPED,
        /** An "after the fix" step: run it once the fix is applied. */
        PENDING
    }

    /** Evidence shown under a step. */
    public sealed interface Evidence permits Events, Json, Statements, Table, Labeled, Group, None {
    }

    /** Events as {@code kubectl describe} lists them. */
    public record Events(List<PodEvent> events) implements Evidence {
    }

    /** A JSON document (policy, API answer), shown with highlighting. */
    public record Json(String json) implements Evidence {
    }

    /** Plain statements, one per line (policy statements, next checks). */
    public record Statements(List<String> lines) implements Evidence {
    }

    /** A table (pods, secrets, the kubelet events as the runbook engine lists them). */
    public record Table(List<String> columns, List<List<String>> rows) implements Evidence {
    }

    /** Evidence under a caption. */
    public record Labeled(String label, Evidence inner) implements Evidence {
    }

    /** Several pieces of evidence, in order. */
    public record Group(List<Evidence> parts) implements Evidence {
    }

    /** No evidence. */
    public record None() implements Evidence {
    }

    public static StepResult of(Verdict v, String summary, Evidence e) {
        return new StepResult(v, summary, e, null);
    }

    public static StepResult couldNotCheck(String summary, String missingPermission) {
        return new StepResult(Verdict.COULD_NOT_CHECK, summary, new None(), missingPermission);
    }
}
