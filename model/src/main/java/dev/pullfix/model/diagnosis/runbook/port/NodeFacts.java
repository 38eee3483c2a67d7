package dev.pullfix.model.diagnosis.runbook.port;

import java.util.Map;
import java.util.Optional;

/** A node's labels and provider id ({@code aws:///us-west-2a/i-0abc...}). */
public record NodeFacts(String name, Map<String, String> labels, String providerId) {
    public NodeFacts {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** The EKS managed node group (label {@code eks.amazonaws.com/nodegroup}). */
    public Optional<String> nodegroup() {
        return Optional.ofNullable(labels.get("eks.amazonaws.com/nodegroup"));
    }

    /** The EC2 instance id from the provider id. */
    public Optional<String> instanceId() {
        if (providerId == null || !providerId.startsWith("aws://")) {
            return Optional.empty();
        }
        String last = providerId.substring(providerId.lastIndexOf('/') + 1);
        return last.startsWith("i-") ? Optional.of(last) : Optional.empty();
    }

    /** Region from the zone label or the provider id. */
    public Optional<String> region() {
        String r = labels.get("topology.kubernetes.io/region");
        if (r != null) {
            return Optional.of(r);
        }
        if (providerId != null && providerId.startsWith("aws:///")) {
            String zone = providerId.substring("aws:///".length()).split("/")[0];
            if (zone.length() > 1) {
                return Optional.of(zone.substring(0, zone.length() - 1));
            }
        }
        return Optional.empty();
    }
}
