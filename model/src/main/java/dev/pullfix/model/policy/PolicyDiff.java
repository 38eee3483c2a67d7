package dev.pullfix.model.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Statement-level difference between two versions of a policy ("statement `new policy`: Effect Deny → Allow"),
 * plus a unified text diff of the two documents (java-diff-utils). Statements are paired by Sid, then by position.
 */
public final class PolicyDiff {

    /** What changed. */
    public enum Kind { STATEMENT_ADDED, STATEMENT_REMOVED, EFFECT, ACTIONS_ADDED, ACTIONS_REMOVED, PRINCIPAL, RESOURCE,
        CONDITION }

    /**
     * One change; {@code code} is a bundle key ({@code diff.*}), {@code args} = statement label, before, after.
     */
    public record Change(Kind kind, String statement, String before, String after) {
        public String code() {
            return "diff." + switch (kind) {
                case STATEMENT_ADDED -> "added";
                case STATEMENT_REMOVED -> "removed";
                case EFFECT -> "effect";
                case ACTIONS_ADDED -> "actionsAdded";
                case ACTIONS_REMOVED -> "actionsRemoved";
                case PRINCIPAL -> "principal";
                case RESOURCE -> "resource";
                case CONDITION -> "condition";
            };
        }

        public List<String> args() {
            return List.of(statement, before == null ? "" : before, after == null ? "" : after);
        }

        /** Plain English, for logs and tests: {@code statement `new policy`: Effect Deny → Allow}. */
        @Override
        public String toString() {
            return "statement `" + statement + "`: " + switch (kind) {
                case STATEMENT_ADDED -> "added (" + after + ")";
                case STATEMENT_REMOVED -> "removed (" + before + ")";
                case EFFECT -> "Effect " + before + " → " + after;
                case ACTIONS_ADDED -> "actions added: " + after;
                case ACTIONS_REMOVED -> "actions removed: " + before;
                case PRINCIPAL -> "Principal " + before + " → " + after;
                case RESOURCE -> "Resource " + before + " → " + after;
                case CONDITION -> "Condition " + before + " → " + after;
            };
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PolicyDiff() {
    }

    public static List<Change> statements(PolicyDocument before, PolicyDocument after) {
        List<Change> out = new ArrayList<>();
        Map<String, Statement> afterBySid = new HashMap<>();
        for (Statement s : after.statements()) {
            if (s.sid() != null && !s.sid().isEmpty()) {
                afterBySid.putIfAbsent(s.sid(), s);
            }
        }
        Set<Statement> pairedAfter = new java.util.HashSet<>();
        List<Statement> unpairedBefore = new ArrayList<>();
        List<Statement[]> pairs = new ArrayList<>();
        for (Statement b : before.statements()) {
            Statement a = b.sid() != null && !b.sid().isEmpty() ? afterBySid.get(b.sid()) : null;
            if (a != null && pairedAfter.add(a)) {
                pairs.add(new Statement[] {b, a});
            } else {
                unpairedBefore.add(b);
            }
        }
        List<Statement> unpairedAfter = after.statements().stream().filter(s -> !pairedAfter.contains(s)).toList();
        // statements without Sid: pair by position among the unpaired ones when neither side has a Sid
        List<Statement> restAfter = new ArrayList<>(unpairedAfter);
        for (Statement b : unpairedBefore) {
            Statement match = restAfter.stream().filter(a -> (a.sid() == null || a.sid().isEmpty())
                    && (b.sid() == null || b.sid().isEmpty()) && a.index() == b.index()).findFirst().orElse(null);
            if (match != null) {
                restAfter.remove(match);
                pairs.add(new Statement[] {b, match});
            } else {
                out.add(new Change(Kind.STATEMENT_REMOVED, b.label(), summary(b), null));
            }
        }
        for (Statement[] p : pairs) {
            compare(p[0], p[1], out);
        }
        for (Statement a : restAfter) {
            out.add(new Change(Kind.STATEMENT_ADDED, a.label(), null, summary(a)));
        }
        return out;
    }

    private static void compare(Statement b, Statement a, List<Change> out) {
        String label = a.label();
        if (b.effect() != a.effect()) {
            out.add(new Change(Kind.EFFECT, label, b.effect().wire(), a.effect().wire()));
        }
        if (b.notAction() == a.notAction()) {
            Set<String> before = lower(b.actions());
            Set<String> after = lower(a.actions());
            List<String> added = a.actions().stream().filter(x -> !before.contains(x.toLowerCase(Locale.ROOT))).toList();
            List<String> removed = b.actions().stream().filter(x -> !after.contains(x.toLowerCase(Locale.ROOT))).toList();
            String el = a.notAction() ? "NotAction " : "";
            if (!added.isEmpty()) {
                out.add(new Change(Kind.ACTIONS_ADDED, label, null, el + String.join(", ", added)));
            }
            if (!removed.isEmpty()) {
                out.add(new Change(Kind.ACTIONS_REMOVED, label, el + String.join(", ", removed), null));
            }
        } else {
            out.add(new Change(Kind.ACTIONS_REMOVED, label, (b.notAction() ? "NotAction " : "") + String.join(", ", b.actions()), null));
            out.add(new Change(Kind.ACTIONS_ADDED, label, null, (a.notAction() ? "NotAction " : "") + String.join(", ", a.actions())));
        }
        String pb = principal(b);
        String pa = principal(a);
        if (!pb.equals(pa)) {
            out.add(new Change(Kind.PRINCIPAL, label, pb, pa));
        }
        String rb = resource(b);
        String ra = resource(a);
        if (!rb.equals(ra)) {
            out.add(new Change(Kind.RESOURCE, label, rb, ra));
        }
        String cb = conditions(b);
        String ca = conditions(a);
        if (!cb.equals(ca)) {
            out.add(new Change(Kind.CONDITION, label, cb, ca));
        }
    }

    private static Set<String> lower(List<String> l) {
        return l.stream().map(x -> x.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String principal(Statement s) {
        if (s.principal() != null) {
            return s.principal().anyone() ? "*" : s.principal().byType().toString();
        }
        if (s.notPrincipal() != null) {
            return "NotPrincipal " + (s.notPrincipal().anyone() ? "*" : s.notPrincipal().byType().toString());
        }
        return "-";
    }

    private static String resource(Statement s) {
        return s.resources() == null ? "-" : (s.notResource() ? "NotResource " : "") + String.join(", ", s.resources());
    }

    private static String conditions(Statement s) {
        return s.conditions().isEmpty() ? "-" : s.conditions().stream()
                .map(c -> c.operator() + " " + c.key() + "=" + c.values()).collect(Collectors.joining("; "));
    }

    private static String summary(Statement s) {
        return s.effect().wire() + " " + (s.notAction() ? "NotAction " : "") + String.join(", ", s.actions());
    }

    /** A unified diff of the two texts, each normalised to pretty-printed JSON when it parses. */
    public static List<String> unified(String before, String after, String beforeName, String afterName, int context) {
        List<String> a = Arrays.asList(normalise(before).split("\n", -1));
        List<String> b = Arrays.asList(normalise(after).split("\n", -1));
        Patch<String> patch = DiffUtils.diff(a, b);
        return UnifiedDiffUtils.generateUnifiedDiff(beforeName, afterName, a, patch, context);
    }

    static String normalise(String text) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(text)).replace("\r", "");
        } catch (JsonProcessingException e) {
            return Objects.requireNonNullElse(text, "").replace("\r", "");
        }
    }
}
