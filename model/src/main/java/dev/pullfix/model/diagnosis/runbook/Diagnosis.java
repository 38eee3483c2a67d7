package dev.pullfix.model.diagnosis.runbook;

import dev.pullfix.model.cluster.WorkloadRef;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of walking the runbooks for one pod.
 *
 * @param image          the image of the failing container, or null when the pod could not be read
 * @param symptom        what the kubelet reported (classifier category from the events), or null when they were gone
 * @param cause          the cause found: the category of the first step that found a problem beyond the events,
 *                       else the symptom, else null
 * @param finding        that step's finding (the root cause in words), or null
 * @param eventsGone     true when the kubelet events had expired and the cause was looked for from the AWS/registry side
 * @param startRunbook   the runbook the walk began with (from the cause → runbook map, or chosen by hand)
 * @param runbooks       every runbook the walk went through, in order
 * @param container      the container the diagnosis is about (the first failing one), or null when the pod was unread
 * @param workload       the pod's top workload (a Deployment rather than its ReplicaSet), or null when unread
 * @param fixes          the fixes proposed by the steps, in flow order, without duplicates
 * @param cancelled      true when the user cancelled; {@code steps} then holds what was done
 */
public record Diagnosis(String namespace, String pod, String image, String container, WorkloadRef workload,
                        String symptom, String cause, Finding finding, boolean eventsGone, String startRunbook,
                        List<String> runbooks, List<StepResult> steps, List<FixProposal> fixes, boolean cancelled,
                        Instant at) {
    public Diagnosis {
        runbooks = List.copyOf(runbooks);
        steps = List.copyOf(steps);
        fixes = List.copyOf(fixes);
    }

    /**
     * Why the pod itself could not be read (not found, access denied, cluster unreachable), when that stopped the
     * diagnosis at its first step; empty otherwise.
     */
    public java.util.Optional<dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException.Reason> podUnreadable() {
        if (steps.size() == 1 && steps.get(0).step().check().equals("pod.status")
                && steps.get(0).verdict() == Verdict.COULD_NOT_CHECK) {
            return java.util.Optional.ofNullable(steps.get(0).outcome().reason());
        }
        return java.util.Optional.empty();
    }

    /** The steps that found a problem. */
    public List<StepResult> problems() {
        return steps.stream().filter(s -> s.verdict() == Verdict.PROBLEM).toList();
    }
}
