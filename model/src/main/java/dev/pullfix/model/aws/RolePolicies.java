package dev.pullfix.model.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identity side of a role: attached managed policies (default versions), inline policies and the
 * permissions boundary. {@code problems} lists what could not be read (the rest is still usable).
 */
public record RolePolicies(String roleName, String roleArn, List<PolicyDocumentRef> attached,
                           List<PolicyDocumentRef> inline, PolicyDocumentRef permissionsBoundary,
                           List<AwsProblem> problems) {
    public RolePolicies {
        attached = List.copyOf(attached);
        inline = List.copyOf(inline);
        problems = List.copyOf(problems);
    }

    /** A role's attached and inline policies, read without problems (no ARN, no boundary). */
    public static RolePolicies of(String roleName, List<PolicyDocumentRef> attached, List<PolicyDocumentRef> inline) {
        return new RolePolicies(roleName, null, attached, inline, null, List.of());
    }

    /** Attached + inline (not the boundary), in that order. */
    public List<PolicyDocumentRef> identityPolicies() {
        List<PolicyDocumentRef> all = new ArrayList<>(attached);
        all.addAll(inline);
        return all;
    }

    public Optional<PolicyDocumentRef> boundary() {
        return Optional.ofNullable(permissionsBoundary);
    }

    /** True when every policy document that applies was read. */
    public boolean complete() {
        return problems.isEmpty() && identityPolicies().stream().allMatch(PolicyDocumentRef::readable)
                && (permissionsBoundary == null || permissionsBoundary.readable());
    }
}
