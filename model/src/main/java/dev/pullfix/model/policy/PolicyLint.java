package dev.pullfix.model.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lints a policy document: errors (invalid JSON with line/column, semantic errors, missing Principal in a resource
 * policy, the 10,240-character limit ECR enforces, duplicate Sids) and warnings (unknown ECR actions, wildcards,
 * write/admin ECR actions granted to a principal, NotPrincipal with Allow). Codes are keys of the {@code policy}
 * bundle; the model never returns display text.
 */
public final class PolicyLint {
    /** ECR rejects repository policies longer than this (characters). */
    public static final int ECR_POLICY_LIMIT = 10_240;
    /** IAM managed policy size limit (characters, whitespace not counted). */
    public static final int IAM_MANAGED_LIMIT = 6_144;

    public enum Severity { ERROR, WARNING }

    /** What kind of document is linted; AUTO: resource if any statement names a Principal/NotPrincipal. */
    public enum Target { IDENTITY, RESOURCE, AUTO }

    /**
     * One finding. {@code statementIndex} is 0-based, -1 for the whole document; line/column 1-based, 0 if unknown.
     */
    public record Finding(Severity severity, String code, List<String> args, int statementIndex, String sid, int line,
                          int column) {
        public Finding {
            args = List.copyOf(args);
        }
    }

    /** The result: the target that was applied and the findings, errors first. */
    public record Report(Target target, List<Finding> findings) {
        public Report {
            findings = List.copyOf(findings);
        }

        public boolean hasErrors() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        }

        public long count(Severity s) {
            return findings.stream().filter(f -> f.severity() == s).count();
        }
    }

    private PolicyLint() {
    }

    public static Report lint(String text, Target target) {
        List<Finding> out = new ArrayList<>();
        PolicyDocument doc;
        try {
            doc = PolicyParser.parse(text);
        } catch (InvalidPolicyException e) {
            String code = e.code().equals("parse.json") ? "lint.invalidJson" : e.code();
            out.add(new Finding(Severity.ERROR, code, e.args(), -1, null, e.line(), e.column()));
            return new Report(target == Target.AUTO ? Target.IDENTITY : target, out);
        }
        Target t = target;
        if (t == Target.AUTO) {
            t = doc.statements().stream().anyMatch(Statement::hasPrincipalElement) ? Target.RESOURCE : Target.IDENTITY;
        }
        if (t == Target.RESOURCE && text.length() > ECR_POLICY_LIMIT) {
            out.add(new Finding(Severity.ERROR, "lint.tooLong", List.of(String.valueOf(text.length()),
                    String.valueOf(ECR_POLICY_LIMIT)), -1, null, 0, 0));
        }
        if (t == Target.IDENTITY) {
            long significant = text.chars().filter(ch -> !Character.isWhitespace(ch)).count();
            if (significant > IAM_MANAGED_LIMIT) {
                out.add(new Finding(Severity.WARNING, "lint.identityTooLong", List.of(String.valueOf(significant),
                        String.valueOf(IAM_MANAGED_LIMIT)), -1, null, 0, 0));
            }
        }
        if (doc.version() == null) {
            out.add(new Finding(Severity.WARNING, "lint.missingVersion", List.of(), -1, null, 1, 1));
        }
        Map<String, Integer> sids = new HashMap<>();
        for (Statement s : doc.statements()) {
            lintStatement(s, t, out, sids);
        }
        out.sort((a, b) -> a.severity() == b.severity() ? 0 : a.severity() == Severity.ERROR ? -1 : 1);
        return new Report(t, out);
    }

    private static void lintStatement(Statement s, Target t, List<Finding> out, Map<String, Integer> sids) {
        int line = s.span() == null ? 0 : s.span().line();
        int col = s.span() == null ? 0 : s.span().column();
        String label = s.label();
        if (s.sid() != null && !s.sid().isEmpty()) {
            Integer prev = sids.putIfAbsent(s.sid(), s.index());
            if (prev != null) {
                out.add(f(Severity.ERROR, "lint.duplicateSid", s, line, col, s.sid(), "#" + (prev + 1)));
            }
            if (t == Target.IDENTITY && !s.sid().matches("[A-Za-z0-9]*")) {
                out.add(f(Severity.WARNING, "lint.sidCharacters", s, line, col, s.sid()));
            }
        }
        if (t == Target.RESOURCE && !s.hasPrincipalElement()) {
            out.add(f(Severity.ERROR, "lint.missingPrincipal", s, line, col, label));
        }
        if (t == Target.IDENTITY && s.hasPrincipalElement()) {
            out.add(f(Severity.ERROR, "lint.principalInIdentity", s, line, col, label));
        }
        if (t == Target.IDENTITY && s.resources() == null) {
            out.add(f(Severity.ERROR, "lint.missingResource", s, line, col, label));
        }
        for (PrincipalSet ps : new PrincipalSet[] {s.principal(), s.notPrincipal()}) {
            if (ps == null) {
                continue;
            }
            for (String v : ps.values("AWS")) {
                if (!v.equals("*") && v.contains("*")) {
                    out.add(f(Severity.ERROR, "lint.wildcardInPrincipalArn", s, line, col, label, v));
                }
            }
        }
        if (s.notPrincipal() != null && s.effect() == Effect.ALLOW) {
            out.add(f(Severity.WARNING, "lint.notPrincipalAllow", s, line, col, label));
        }
        // actions
        for (String a : s.actions()) {
            String lower = a.toLowerCase(Locale.ROOT);
            if (lower.equals("*") && s.effect() == Effect.ALLOW && !s.notAction()) {
                out.add(f(Severity.WARNING, "lint.wildcardAction", s, line, col, label, a));
            } else if (lower.equals("ecr:*") && s.effect() == Effect.ALLOW && !s.notAction()) {
                out.add(f(Severity.WARNING, "lint.wildcardAction", s, line, col, label, a));
            } else if (lower.startsWith("ecr:")) {
                boolean wild = lower.contains("*") || lower.contains("?");
                if (wild ? EcrActions.covered(a).isEmpty() : EcrActions.find(a).isEmpty()) {
                    out.add(f(Severity.WARNING, "lint.unknownEcrAction", s, line, col, label, a));
                }
            } else if (!lower.equals("*") && !lower.matches("[a-z0-9-]+:[a-z0-9*?]+")) {
                out.add(f(Severity.WARNING, "lint.malformedAction", s, line, col, label, a));
            }
        }
        lintConditions(s, out, line, col, label);
        if (s.effect() == Effect.ALLOW && s.notAction()) {
            out.add(f(Severity.WARNING, "lint.allowNotAction", s, line, col, label));
        }
        if (s.effect() == Effect.ALLOW && !s.notAction() && s.resources() != null && s.resources().contains("*")
                && t == Target.IDENTITY && s.actions().stream().anyMatch(x -> x.equals("*"))) {
            out.add(f(Severity.WARNING, "lint.adminAccess", s, line, col, label));
        }
        // principal wildcards and over-broad grants (resource-style)
        if (s.effect() == Effect.ALLOW && s.principal() != null) {
            boolean anyone = s.principal().anyone() || s.principal().values("AWS").contains("*");
            if (anyone && s.conditions().isEmpty()) {
                out.add(f(Severity.WARNING, "lint.wildcardPrincipal", s, line, col, label));
            }
            Set<String> mutating = new LinkedHashSet<>();
            if (!s.notAction()) {
                for (String a : s.actions()) {
                    for (EcrActions.Action act : EcrActions.covered(a)) {
                        if (act.mutating()) {
                            mutating.add(act.qualified());
                        }
                    }
                }
            }
            if (!mutating.isEmpty()) {
                String who = anyone ? "*" : String.join(", ", s.principal().allValues());
                out.add(f(Severity.WARNING, "lint.writeGrant", s, line, col, label, who, String.join(", ", mutating)));
            }
        }
    }

    /** Operators, qualifiers, IfExists and value types, judged by the table {@code policy eval} uses. */
    private static void lintConditions(Statement s, List<Finding> out, int line, int col, String label) {
        for (ConditionClause c : s.conditions()) {
            var parsed = ConditionOperators.parse(c.operator());
            if (parsed.isEmpty()) {
                out.add(f(Severity.ERROR, "lint.unknownConditionOperator", s, line, col, label, c.operator()));
                continue;
            }
            ConditionOperators.ValueType type = parsed.get().base().type();
            for (String v : c.values()) {
                if (!ConditionOperators.validValue(type, v)) {
                    out.add(f(Severity.ERROR, "lint.conditionValueType", s, line, col, label, c.operator(), c.key(),
                            v, type.name().toLowerCase(Locale.ROOT)));
                }
            }
        }
    }

    private static Finding f(Severity sev, String code, Statement s, int line, int col, String... args) {
        return new Finding(sev, code, List.of(args), s.index(), s.sid(), line, col);
    }
}
