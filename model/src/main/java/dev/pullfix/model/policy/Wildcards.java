package dev.pullfix.model.policy;

/** IAM-style glob matching: {@code *} any run of characters, {@code ?} one character. */
public final class Wildcards {
    /** Stands for a literal {@code *} in a pattern (from the policy variable {@code ${*}}). */
    static final char LITERAL_STAR = '\uE000';
    /** Stands for a literal {@code ?} in a pattern (from the policy variable {@code ${?}}). */
    static final char LITERAL_QUESTION = '\uE001';

    private Wildcards() {
    }

    private static boolean same(char p, char v) {
        return p == v || p == LITERAL_STAR && v == '*' || p == LITERAL_QUESTION && v == '?';
    }

    public static boolean matches(String pattern, String value, boolean ignoreCase) {
        if (pattern == null || value == null) {
            return false;
        }
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0 && pattern.indexOf(LITERAL_STAR) < 0
                && pattern.indexOf(LITERAL_QUESTION) < 0) {
            return ignoreCase ? pattern.equalsIgnoreCase(value) : pattern.equals(value);
        }
        String p = ignoreCase ? pattern.toLowerCase(java.util.Locale.ROOT) : pattern;
        String v = ignoreCase ? value.toLowerCase(java.util.Locale.ROOT) : value;
        int pi = 0;
        int vi = 0;
        int star = -1;
        int mark = 0;
        while (vi < v.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || same(p.charAt(pi), v.charAt(vi)))) {
                pi++;
                vi++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = vi;
            } else if (star >= 0) {
                pi = star + 1;
                vi = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    /** True if the action pattern (e.g. {@code ecr:Get*}, {@code *}) covers the action, case-insensitively. */
    public static boolean actionMatches(String pattern, String action) {
        return matches(pattern, action, true);
    }

    /**
     * ARN matching as IAM does for Resource and ArnLike: the six colon-separated parts are matched one by one
     * (the last part, the resource, may itself contain colons); {@code *} alone matches everything.
     */
    public static boolean arnMatches(String pattern, String arn) {
        if (pattern == null || arn == null) {
            return false;
        }
        if (pattern.equals("*")) {
            return true;
        }
        String[] pp = pattern.split(":", 6);
        String[] ap = arn.split(":", 6);
        if (pp.length != 6 || ap.length != 6) {
            return matches(pattern, arn, false);
        }
        for (int i = 0; i < 6; i++) {
            if (!matches(pp[i], ap[i], false)) {
                return false;
            }
        }
        return true;
    }
}
