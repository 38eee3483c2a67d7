package dev.pullfix.model.diagnosis.runbook.port;

import java.time.Instant;

/** One Kubernetes event, as {@code kubectl describe} shows it (Type, Reason, Age, From, Message). */
public record EventFacts(String namespace, String involvedKind, String involvedName, String type, String reason,
                         String message, int count, Instant firstSeen, Instant lastSeen, String source) {

    /** The kubelet's "Failed to pull image ..." warning (not the bare "Error: ErrImagePull"). */
    public boolean isPullFailure() {
        return "Failed".equals(reason) && message != null && message.startsWith("Failed to pull image");
    }
}
