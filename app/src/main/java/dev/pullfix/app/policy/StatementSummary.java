package dev.pullfix.app.policy;

import dev.pullfix.app.common.I18n;
import dev.pullfix.model.policy.PolicyDocument;
import dev.pullfix.model.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statement-level summary above the side-by-side text: statements matched by Sid (by position when they
 * have none), then "Effect Deny → Allow", actions removed/added, principals changed, statements added/removed.
 */
public final class StatementSummary {
    private final I18n i18n;

    public StatementSummary(I18n i18n) {
        this.i18n = i18n;
    }

    public List<String> summarize(PolicyDocument before, PolicyDocument after) {
        List<String> out = new ArrayList<>();
        Map<String, Statement> old = byKey(before);
        Map<String, Statement> now = byKey(after);
        for (Map.Entry<String, Statement> e : now.entrySet()) {
            Statement a = e.getValue();
            Statement b = old.get(e.getKey());
            String name = a.sid() != null ? a.sid() : "#" + (a.index() + 1);
            if (b == null) {
                out.add(i18n.t("policy.summary.added", name, word(a.effect())));
                continue;
            }
            if (a.effect() != b.effect()) {
                out.add(i18n.t("policy.summary.effect", name, word(b.effect()), word(a.effect())));
            }
            Set<String> removed = new LinkedHashSet<>(b.actions());
            removed.removeAll(a.actions());
            Set<String> added = new LinkedHashSet<>(a.actions());
            added.removeAll(b.actions());
            if (!removed.isEmpty()) {
                out.add(i18n.t("policy.summary.actionsRemoved", name, String.join(", ", removed)));
            }
            if (!added.isEmpty()) {
                out.add(i18n.t("policy.summary.actionsAdded", name, String.join(", ", added)));
            }
            if (!String.valueOf(a.principal()).equals(String.valueOf(b.principal()))) {
                out.add(i18n.t("policy.summary.principal", name));
            }
            if (!a.conditions().equals(b.conditions())) {
                out.add(i18n.t("policy.summary.conditions", name));
            }
        }
        for (Map.Entry<String, Statement> e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                Statement b = e.getValue();
                out.add(i18n.t("policy.summary.removed", b.sid() != null ? b.sid() : "#" + (b.index() + 1), word(b.effect())));
            }
        }
        if (out.isEmpty()) {
            out.add(i18n.t("policy.summary.none"));
        }
        return out;
    }

    /** {@code DENY} → {@code Deny}, as policies spell it. */
    private static String word(Enum<?> e) {
        String n = e.name();
        return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, Statement> byKey(PolicyDocument doc) {
        Map<String, Statement> m = new LinkedHashMap<>();
        if (doc != null) {
            for (Statement s : doc.statements()) {
                m.put(s.sid() != null ? "sid:" + s.sid() : "idx:" + s.index(), s);
            }
        }
        return m;
    }
}
