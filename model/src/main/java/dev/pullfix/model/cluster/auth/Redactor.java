package dev.pullfix.model.cluster.auth;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks credentials in text that is about to be shown (plugin stderr, server messages). */
public final class Redactor {

    private static final String MASK = "[REDACTED]";
    private static final List<Pattern> WHOLE = List.of(
            Pattern.compile("k8s-aws-v1\\.[A-Za-z0-9_\\-]+"),
            Pattern.compile("\\beyJ[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]*"),
            Pattern.compile("\\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{16}\\b"),
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"));
    /** key=value / key: value / "key":"value" where the value is secret. */
    private static final Pattern KEYED = Pattern.compile(
            "(?i)(\"?(?:aws_secret_access_key|aws_session_token|secret_?access_?key|session_?token|x-amz-security-token|"
                    + "x-amz-signature|x-amz-credential|password|passwd|token|client-key-data|clientKeyData|"
                    + "authorization)\"?\\s*[:=]\\s*\"?)(?:bearer\\s+)?([^\\s\"&,;]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/\\-]+=*");

    private Redactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String s = text;
        for (Pattern p : WHOLE) {
            s = p.matcher(s).replaceAll(MASK);
        }
        s = BEARER.matcher(s).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        s = KEYED.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return s;
    }
}
