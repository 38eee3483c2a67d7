package dev.pullfix.model.fix.proof;

import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import java.time.Duration;
import java.util.List;

/**
 * What watching after a write found.
 *
 * @param verdict        FIXED only when a pod of the workload is Running and ready and none fails to pull
 * @param pods           the workload's pods as last seen
 * @param failingPod     the pod that failed again (STILL_FAILING), else null
 * @param reason         its waiting reason (e.g. ImagePullBackOff), else null
 * @param message        the kubelet's error for it (its newest "Failed to pull image" event since the write; the waiting
 *                       message says "Back-off pulling image" half of the time), else null
 * @param newDiagnosis   the diagnosis of the pod that failed again, or null (none asked, or it could not run)
 * @param waited         how long the watch took
 */
public record FixProof(Verdict verdict, List<PodState> pods, String failingPod, String reason, String message,
                       Diagnosis newDiagnosis, Duration waited) {

    public enum Verdict {
        /** Running and ready: the fix is proven. */
        FIXED,
        /** Written, but the pod still fails (a pull failed after the write). */
        STILL_FAILING,
        /** Written, but within the time allowed the pod neither became ready nor failed again. */
        NOT_YET,
        /** Watching was cancelled. */
        CANCELLED
    }

    public FixProof {
        pods = pods == null ? List.of() : List.copyOf(pods);
    }

    /** One pod as last seen: phase, READY column, STATUS column. */
    public record PodState(String name, String phase, String ready, String status, boolean isNew) {
    }
}
