package dev.pullfix.model.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates Condition blocks: String*, Numeric*, Date*, Bool, BinaryEquals, IpAddress/NotIpAddress, Arn*, Null,
 * the ...IfExists suffix and the ForAnyValue:/ForAllValues: prefixes, with IAM's missing-key rules. A key whose
 * presence or value the inputs cannot tell, or an operator it does not know, yields MAYBE with a reason.
 */
final class ConditionEvaluator {
    private static final Set<String> NEGATED = Set.of("StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike",
            "NumericNotEquals", "DateNotEquals", "NotIpAddress", "ArnNotEquals", "ArnNotLike");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private ConditionEvaluator() {
    }

    static Judgement evaluate(List<ConditionClause> clauses, RequestFacts facts) {
        return evaluate(clauses, facts, true);
    }

    /** @param variables false for documents without Version 2012-10-17, where ${...} is literal text */
    static Judgement evaluate(List<ConditionClause> clauses, RequestFacts facts, boolean variables) {
        Tri all = Tri.YES;
        Judgement firstNo = null;
        Judgement firstMaybe = null;
        for (ConditionClause c : clauses) {
            Judgement o = clause(c, facts, variables);
            all = all.and(o.tri());
            if (o.tri() == Tri.NO && firstNo == null) {
                firstNo = o;
            }
            if (o.tri() == Tri.MAYBE && firstMaybe == null) {
                firstMaybe = o;
            }
        }
        if (all == Tri.NO) {
            return firstNo;
        }
        if (all == Tri.MAYBE) {
            return firstMaybe;
        }
        return Judgement.yes("why.conditionsMet");
    }

    static Judgement clause(ConditionClause c, RequestFacts facts, boolean variables) {
        // one operator table with policy lint: what lint calls unknown, eval cannot decide
        var parsed = ConditionOperators.parse(c.operator());
        if (parsed.isEmpty()) {
            return Judgement.maybe("why.unsupportedOperator", c.operator(), c.key());
        }
        String op = parsed.get().base().name();
        String setOp = parsed.get().setQualifier();
        boolean ifExists = parsed.get().ifExists();
        String key = c.key();
        RequestFacts.Lookup look = facts.lookup(key);
        if (op.equals("Null")) {
            if (look.presence() == RequestFacts.Presence.UNKNOWN) {
                return Judgement.maybe("why.keyUnknown", key, c.operator());
            }
            boolean absent = look.presence() == RequestFacts.Presence.ABSENT;
            for (String v : c.values()) {
                if (v.equalsIgnoreCase("true") == absent) {
                    return Judgement.yes("why.conditionMet", c.operator(), key);
                }
            }
            return Judgement.no("why.conditionNotMet", c.operator(), key, String.join(", ", c.values()));
        }
        BiPredicate<String, String> positive = positive(op, facts);
        if (positive == null) {
            return Judgement.maybe("why.unsupportedOperator", c.operator(), key);
        }
        boolean negated = NEGATED.contains(op);
        if (look.presence() == RequestFacts.Presence.UNKNOWN) {
            return Judgement.maybe("why.keyUnknown", key, c.operator());
        }
        if (look.presence() == RequestFacts.Presence.ABSENT) {
            boolean r;
            if (ifExists) {
                r = true;
            } else if ("all".equals(setOp)) {
                r = true;
            } else if ("any".equals(setOp)) {
                r = false;
            } else {
                r = negated;
            }
            return r ? Judgement.yes("why.keyMissingMatches", key, c.operator())
                    : Judgement.no("why.keyMissing", key, c.operator());
        }
        // resolve policy variables in the policy values
        List<String> policyValues = new ArrayList<>();
        boolean variableUnknown = false;
        for (String v : c.values()) {
            Resolved r = variables ? substitute(v, facts, op.startsWith("String") && op.contains("Like")
                    || op.startsWith("Arn")) : new Resolved(v, false);
            if (r.unknown) {
                variableUnknown = true;
            } else if (r.value != null) {
                policyValues.add(r.value);
            }
        }
        List<String> ctx = look.values();
        Tri result;
        if ("all".equals(setOp)) {
            result = Tri.YES;
            for (String cv : ctx) {
                result = result.and(single(positive, negated, cv, policyValues, variableUnknown));
            }
        } else if ("any".equals(setOp)) {
            result = Tri.NO;
            for (String cv : ctx) {
                result = result.or(single(positive, negated, cv, policyValues, variableUnknown));
            }
        } else {
            Tri anyPos = Tri.NO;
            for (String cv : ctx) {
                anyPos = anyPos.or(single(positive, false, cv, policyValues, variableUnknown));
            }
            result = negated ? anyPos.not() : anyPos;
        }
        if (result == Tri.MAYBE) {
            return Judgement.maybe("why.variableUnknown", key, c.operator());
        }
        String shown = String.join(", ", ctx);
        return result == Tri.YES ? Judgement.yes("why.conditionMet", c.operator(), key, shown)
                : Judgement.no("why.conditionNotMet", c.operator(), key, shown);
    }

    /** Whether one context value satisfies the (possibly negated) operator against the policy values. */
    private static Tri single(BiPredicate<String, String> positive, boolean negated, String ctxValue,
                              List<String> policyValues, boolean variableUnknown) {
        boolean any = false;
        for (String pv : policyValues) {
            if (positive.test(ctxValue, pv)) {
                any = true;
                break;
            }
        }
        Tri pos = any ? Tri.YES : variableUnknown ? Tri.MAYBE : Tri.NO;
        return negated ? pos.not() : pos;
    }

    /** The positive comparison (context value, policy value) of an operator, or null when unknown. */
    private static BiPredicate<String, String> positive(String op, RequestFacts facts) {
        return switch (op) {
            case "StringEquals", "StringNotEquals" -> String::equals;
            case "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase" -> String::equalsIgnoreCase;
            case "StringLike", "StringNotLike" -> (cv, pv) -> Wildcards.matches(pv, cv, false);
            case "NumericEquals", "NumericNotEquals" -> numeric(c -> c == 0);
            case "NumericLessThan" -> numeric(c -> c < 0);
            case "NumericLessThanEquals" -> numeric(c -> c <= 0);
            case "NumericGreaterThan" -> numeric(c -> c > 0);
            case "NumericGreaterThanEquals" -> numeric(c -> c >= 0);
            case "DateEquals", "DateNotEquals" -> date(c -> c == 0);
            case "DateLessThan" -> date(c -> c < 0);
            case "DateLessThanEquals" -> date(c -> c <= 0);
            case "DateGreaterThan" -> date(c -> c > 0);
            case "DateGreaterThanEquals" -> date(c -> c >= 0);
            case "Bool" -> (cv, pv) -> cv.equalsIgnoreCase(pv);
            case "BinaryEquals" -> (cv, pv) -> cv.equals(pv) || base64Equal(cv, pv);
            case "IpAddress", "NotIpAddress" -> ConditionEvaluator::inCidr;
            case "ArnEquals", "ArnNotEquals", "ArnLike", "ArnNotLike" -> (cv, pv) -> Wildcards.arnMatches(pv, cv);
            default -> null;
        };
    }

    private interface Cmp {
        boolean ok(int c);
    }

    private static BiPredicate<String, String> numeric(Cmp cmp) {
        return (cv, pv) -> {
            try {
                return cmp.ok(new BigDecimal(cv.trim()).compareTo(new BigDecimal(pv.trim())));
            } catch (NumberFormatException e) {
                return false;
            }
        };
    }

    private static BiPredicate<String, String> date(Cmp cmp) {
        return (cv, pv) -> {
            Instant a = instant(cv);
            Instant b = instant(pv);
            return a != null && b != null && cmp.ok(a.compareTo(b));
        };
    }

    static Instant instant(String s) {
        String t = s.trim();
        if (t.matches("\\d+")) {
            return Instant.ofEpochSecond(Long.parseLong(t));
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException ignored) {
            // try other ISO 8601 forms
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // date only
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean base64Equal(String a, String b) {
        try {
            return java.util.Arrays.equals(Base64.getDecoder().decode(a), Base64.getDecoder().decode(b));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean inCidr(String ip, String cidr) {
        try {
            String net = cidr.trim();
            int prefix;
            int slash = net.indexOf('/');
            byte[] addr = literal(ip.trim());
            byte[] base;
            if (slash >= 0) {
                base = literal(net.substring(0, slash));
                prefix = Integer.parseInt(net.substring(slash + 1));
            } else {
                base = literal(net);
                prefix = base == null ? 0 : base.length * 8;
            }
            if (addr == null || base == null || addr.length != base.length || prefix < 0 || prefix > base.length * 8) {
                return false;
            }
            BigInteger a = new BigInteger(1, addr);
            BigInteger b = new BigInteger(1, base);
            int shift = base.length * 8 - prefix;
            return a.shiftRight(shift).equals(b.shiftRight(shift));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Parses an IP literal without DNS lookups; null if it is not one. */
    private static byte[] literal(String s) {
        if (s.isEmpty() || !(s.matches("[0-9.]+") || s.contains(":"))) {
            return null;
        }
        if (s.matches("[0-9.]+") && !s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    record Resolved(String value, boolean unknown) {
    }

    /**
     * Replaces policy variables ({@code ${aws:username}}, {@code ${aws:PrincipalTag/team, 'none'}}, {@code ${*}},
     * {@code ${?}}, {@code ${$}}). A variable whose key is absent makes the value unusable (null); one whose
     * key is unknown marks it unknown.
     */
    static Resolved substitute(String s, RequestFacts facts, boolean wildcardContext) {
        if (!s.contains("${")) {
            return new Resolved(s, false);
        }
        Matcher m = VARIABLE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inner = m.group(1).trim();
            String rep;
            switch (inner) {
                case "*" -> rep = wildcardContext ? String.valueOf(Wildcards.LITERAL_STAR) : "*";
                case "?" -> rep = wildcardContext ? String.valueOf(Wildcards.LITERAL_QUESTION) : "?";
                case "$" -> rep = "$";
                default -> {
                    String key = inner;
                    String dflt = null;
                    int comma = inner.indexOf(',');
                    if (comma > 0) {
                        key = inner.substring(0, comma).trim();
                        String d = inner.substring(comma + 1).trim();
                        if (d.length() >= 2 && d.startsWith("'") && d.endsWith("'")) {
                            dflt = d.substring(1, d.length() - 1);
                        }
                    }
                    RequestFacts.Lookup l = facts.lookup(key);
                    if (l.presence() == RequestFacts.Presence.PRESENT) {
                        rep = l.values().get(0);
                    } else if (dflt != null) {
                        rep = dflt;
                    } else if (l.presence() == RequestFacts.Presence.UNKNOWN) {
                        return new Resolved(null, true);
                    } else {
                        return new Resolved(null, false);
                    }
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return new Resolved(out.toString(), false);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
