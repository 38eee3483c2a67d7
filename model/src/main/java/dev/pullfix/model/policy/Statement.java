package dev.pullfix.model.policy;

import java.util.List;

/**
 * One policy statement, immutable. Exactly one of Action/NotAction is set ({@link #notAction()} tells
 * which); {@code resources} is null when neither Resource nor NotResource is present (allowed in
 * repository policies, where the resource is implied).
 *
 * @param index        0-based position in the Statement list
 * @param sid          the Sid, or null
 * @param principal    Principal element, or null
 * @param notPrincipal NotPrincipal element, or null
 * @param span         position in the original text, or null when unknown
 */
public record Statement(int index, String sid, Effect effect, PrincipalSet principal, PrincipalSet notPrincipal,
                        List<String> actions, boolean notAction, List<String> resources, boolean notResource,
                        List<ConditionClause> conditions, TextSpan span) {
    public Statement {
        actions = List.copyOf(actions);
        resources = resources == null ? null : List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    /** Sid if present, otherwise "#index" (1-based for people). */
    public String label() {
        return sid != null && !sid.isEmpty() ? sid : "#" + (index + 1);
    }

    public boolean hasPrincipalElement() {
        return principal != null || notPrincipal != null;
    }

    public Statement withEffect(Effect newEffect) {
        return new Statement(index, sid, newEffect, principal, notPrincipal, actions, notAction, resources,
                notResource, conditions, span);
    }
}
