package dev.pullfix.model.policy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of IAM condition operators, shared by {@link ConditionEvaluator} ({@code policy eval}) and
 * {@link PolicyLint} ({@code policy lint}): each base operator with the type of value it compares, whether it is
 * a negated form, and the parsing of the {@code ForAnyValue:}/{@code ForAllValues:} qualifiers and the
 * {@code ...IfExists} suffix. Source: AWS's "IAM JSON policy elements: Condition operators".
 */
public final class ConditionOperators {

    /** What the policy's values must look like for an operator. */
    public enum ValueType { STRING, NUMBER, DATE, BOOL, BINARY, IP, ARN, NULL_CHECK }

    /** A base operator (no qualifier, no suffix). */
    public record Operator(String name, ValueType type, boolean negated) {
    }

    /** An operator as written: its set qualifier ({@code any}, {@code all} or null), IfExists and base. */
    public record Parsed(String written, String setQualifier, boolean ifExists, Operator base) {
    }

    private static final Map<String, Operator> TABLE = new LinkedHashMap<>();

    static {
        add(ValueType.STRING, "StringEquals", "StringEqualsIgnoreCase", "StringLike");
        addNegated(ValueType.STRING, "StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike");
        add(ValueType.NUMBER, "NumericEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan",
                "NumericGreaterThanEquals");
        addNegated(ValueType.NUMBER, "NumericNotEquals");
        add(ValueType.DATE, "DateEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
                "DateGreaterThanEquals");
        addNegated(ValueType.DATE, "DateNotEquals");
        add(ValueType.BOOL, "Bool");
        add(ValueType.BINARY, "BinaryEquals");
        add(ValueType.IP, "IpAddress");
        addNegated(ValueType.IP, "NotIpAddress");
        add(ValueType.ARN, "ArnEquals", "ArnLike");
        addNegated(ValueType.ARN, "ArnNotEquals", "ArnNotLike");
        add(ValueType.NULL_CHECK, "Null");
    }

    private static void add(ValueType t, String... names) {
        for (String n : names) {
            TABLE.put(n, new Operator(n, t, false));
        }
    }

    private static void addNegated(ValueType t, String... names) {
        for (String n : names) {
            TABLE.put(n, new Operator(n, t, true));
        }
    }

    private ConditionOperators() {
    }

    /** Every base operator, in AWS's documentation order. */
    public static java.util.Collection<Operator> all() {
        return TABLE.values();
    }

    /** The base operator named exactly (operators are case-sensitive in IAM). */
    public static Optional<Operator> base(String name) {
        return Optional.ofNullable(TABLE.get(name));
    }

    /**
     * Parses an operator as written; empty when IAM would not know it (an unknown base, an unknown qualifier
     * such as {@code ForAnyValue:Bogus} or {@code Foo:StringEquals}, or {@code NullIfExists}).
     */
    public static Optional<Parsed> parse(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String op = written;
        String set = null;
        int colon = op.indexOf(':');
        if (colon >= 0) {
            String q = op.substring(0, colon);
            if (q.equals("ForAnyValue")) {
                set = "any";
            } else if (q.equals("ForAllValues")) {
                set = "all";
            } else {
                return Optional.empty();
            }
            op = op.substring(colon + 1);
        }
        boolean ifExists = false;
        if (op.endsWith("IfExists")) {
            ifExists = true;
            op = op.substring(0, op.length() - "IfExists".length());
        }
        Operator base = TABLE.get(op);
        if (base == null || (ifExists && base.type() == ValueType.NULL_CHECK)) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(written, set, ifExists, base));
    }

    /** True when {@code value} is a value the operator can compare (policy variables are checked at evaluation). */
    public static boolean validValue(ValueType type, String value) {
        if (value == null) {
            return false;
        }
        if (value.contains("${")) {
            return true;
        }
        String v = value.trim();
        return switch (type) {
            case STRING, ARN -> true;
            case NUMBER -> v.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
            case DATE -> ConditionEvaluator.instant(v) != null;
            case BOOL, NULL_CHECK -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
            case BINARY -> isBase64(v);
            case IP -> validCidr(v);
        };
    }

    private static boolean isBase64(String v) {
        try {
            java.util.Base64.getDecoder().decode(v);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean validCidr(String v) {
        String net = v;
        int slash = net.indexOf('/');
        String addr = slash >= 0 ? net.substring(0, slash) : net;
        boolean v4 = addr.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = !v4 && addr.contains(":") && addr.toLowerCase(Locale.ROOT).matches("[0-9a-f:.]+");
        if (!v4 && !v6) {
            return false;
        }
        if (v4) {
            for (String part : addr.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
        }
        if (slash >= 0) {
            String p = net.substring(slash + 1);
            if (!p.matches("\\d{1,3}")) {
                return false;
            }
            int prefix = Integer.parseInt(p);
            return prefix <= (v4 ? 32 : 128);
        }
        return true;
    }
}
