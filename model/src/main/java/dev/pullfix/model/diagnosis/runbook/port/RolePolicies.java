package dev.pullfix.model.diagnosis.runbook.port;

import java.util.List;

/** The policies of a role: attached managed policies (with their default version document) and inline ones. */
public record RolePolicies(String roleName, List<Attached> attached, List<Inline> inline) {
    public RolePolicies {
        attached = attached == null ? List.of() : List.copyOf(attached);
        inline = inline == null ? List.of() : List.copyOf(inline);
    }

    /** @param document the default version's JSON, or null when it could not be read */
    public record Attached(String policyName, String policyArn, String document) {
    }

    public record Inline(String policyName, String document) {
    }
}
