package dev.pullfix.model.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text that leaves Pullfix: first every value in the {@link Secrets} registry, then secret-shaped
 * text from third parties (event messages, plugin stderr, server error bodies): values after secret-like keys in
 * {@code key=value}, {@code key: value}, {@code "key": "value"} and {@code key value} forms ({@code token},
 * {@code password}, {@code secret}, {@code SecretAccessKey}, {@code security token}, ...), {@code Bearer}/{@code Basic}
 * credentials, JWTs, EKS tokens, ECR authorization tokens, AWS access key ids, secret keys and session tokens,
 * private keys. Identifiers that are not secrets (account ids, role ARNs, digests) stay. In the {@code key value} and
 * {@code key: value} forms only values that look like secrets (a digit or a symbol in them) are masked, so prose such
 * as "the token expired" or "Token for my-sso does not exist" stays readable.
 */
public final class Redactor {
    public static final String MASK = "[REDACTED]";

    private static final String KEY = "(?:(?:aws[_-]?)?secret[_ -]?access[_ -]?key|(?:aws[_-]?)?session[_ -]?token"
            + "|security[_ -]?token|x-amz-security-token|x-amz-signature|x-amz-credential|(?:docker[_-]?)?password"
            + "|passwd|(?:id|access|refresh|identity|registry|authorization|auth)[_-]?token|token|authorization|auth"
            + "|client[_-]?secret|client[_-]?key[_-]?data|secret|\\.dockerconfigjson|\\.dockercfg)";
    /** Keys whose following word is a secret even without {@code =} or {@code :} ("password hunter2"). */
    private static final String SPOKEN_KEY = "(?:(?:aws[_-]?)?secret[_ -]?access[_ -]?key|(?:aws[_-]?)?session[_ -]?token"
            + "|security[_ -]?token|x-amz-security-token|(?:docker[_-]?)?password|passwd"
            + "|(?:id|access|refresh|identity|registry|auth)[_-]?token|token|client[_-]?secret)";
    /** A value: up to whitespace, quotes, backticks and list/query separators. */
    private static final String VALUE = "[^\\s\"'`&,;<>]+";
    private static final String NOT_AFTER_WORD = "(?<![A-Za-z0-9_-])";

    /** {@code "key": "value"} (JSON, possibly escaped quotes inside). */
    private static final Pattern QUOTED = Pattern.compile("(?i)(\"" + KEY + "\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)+)");
    /** {@code key=value} (env files, ini, query strings, flags): always masked. */
    private static final Pattern ASSIGNED = Pattern.compile("(?i)(" + NOT_AFTER_WORD + "(?:--)?" + KEY
            + "=[\"']?)(" + VALUE + ")");
    /** {@code key: value} at the start of a YAML line: always masked. */
    private static final Pattern YAML = Pattern.compile("(?im)(^\\s*(?:-\\s+)?[\"']?" + KEY + "[\"']?:[ \\t]+[\"']?)("
            + VALUE + ")");
    /** {@code key value}, {@code key: value}, {@code key = value} in prose: masked when the value looks secret. */
    private static final Pattern SPOKEN = Pattern.compile("(?i)(" + NOT_AFTER_WORD + "(?:--)?" + SPOKEN_KEY
            + "(?:\\s*[:=]\\s*|\\s+)(?:(?:bearer|basic)\\s+)?[\"']?)(" + VALUE + ")");
    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)(\\b(?:Bearer|Basic)\\s+)([A-Za-z0-9._~+/=-]{8,})");
    private static final List<Pattern> WHOLE = List.of(
            Pattern.compile("k8s-aws-v1\\.[A-Za-z0-9_\\-]+"),
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"),
            Pattern.compile("QVdTO[A-Za-z0-9+/=]{16,}"),
            Pattern.compile("(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|FQoGZXIvYXdz)[A-Za-z0-9+/=]{8,}"),
            Pattern.compile("\\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{16}\\b"),
            // AWS secret access keys: 40 characters of base64 with mixed case and a digit or slash (not hex digests)
            Pattern.compile("(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=]))(?=[^\\s]{0,39}[a-z])"
                    + "(?=[^\\s]{0,39}[A-Z])(?=[^\\s]{0,39}[0-9/+])[A-Za-z0-9/+=]{40}"),
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"));

    /** Host names and URLs (a lower-case name ending in a top-level domain), which are not secrets. */
    private static final Pattern HOST_OR_URL = Pattern.compile("(?:https?://\\S*|[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}"
            + "(?::\\d+)?(?:/\\S*)?[.:]?)");

    private Redactor() {
    }

    /** The text with registered secrets and secret-shaped values replaced by {@value #MASK}; null stays null. */
    public static String redact(String text) {
        return redact(text, Secrets.process());
    }

    /** As {@link #redact(String)} with another registry (tests). */
    public static String redact(String text, Secrets secrets) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = secrets.mask(text);
        return noPatternCanMatch(out) ? out : patterns(out);
    }

    /** The text with secret-shaped values masked by the patterns alone. */
    static String patterns(String text) {
        String out = text;
        for (Pattern p : WHOLE) {
            out = p.matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
        }
        out = maskGroup(AUTH_SCHEME, out, false);
        out = maskGroup(QUOTED, out, false);
        out = maskGroup(YAML, out, false);
        out = maskGroup(ASSIGNED, out, false);
        out = maskGroup(SPOKEN, out, true);
        return out;
    }

    /**
     * The words one of which every pattern needs (lower case): each key of the key forms and each spoken key contains
     * {@code secret}, {@code token}, {@code passw}, {@code auth}, {@code x-amz}, {@code client} or {@code .docker};
     * the credential schemes and the whole-value shapes start with the others.
     */
    private static final List<String> NEEDED_WORDS = List.of("secret", "token", "passw", "auth", "x-amz", "client",
            ".docker", "bearer", "basic", "k8s-aws-v1", "eyj", "qvdto", "iqojb3jpz2lu", "fwogzxivyxdz", "fqogzxivyxdz",
            "akia", "asia", "aroa", "aida", "-----begin");

    /**
     * True when no pattern can match: none of {@link #NEEDED_WORDS} in any case, and no run of 40 base64 characters
     * (an AWS secret key). Names, uids, timestamps, images and statuses are such text; they skip a dozen regex scans
     * (a list of 50,000 pods has a million such strings).
     */
    static boolean noPatternCanMatch(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean base64 = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '/'
                    || c == '+' || c == '=';
            run = base64 ? run + 1 : 0;
            if (run >= 40) {
                return false;
            }
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (String w : NEEDED_WORDS) {
            if (lower.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** A copy of the tree with every string value redacted: JSON stays JSON whatever the secrets look like. */
    public static JsonNode redact(JsonNode tree) {
        if (tree == null) {
            return null;
        }
        if (tree.isTextual()) {
            return JsonNodeFactory.instance.textNode(redact(tree.textValue()));
        }
        if (tree.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(e.getKey(), redact(e.getValue()));
            }
            return copy;
        }
        if (tree.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            tree.forEach(n -> copy.add(redact(n)));
            return copy;
        }
        return tree;
    }

    /** Each string redacted; null stays null. */
    public static List<String> redact(List<String> texts) {
        return texts == null ? null : texts.stream().map(Redactor::redact).toList();
    }

    private static String maskGroup(Pattern p, String text, boolean onlySecretLooking) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        do {
            String value = m.group(2);
            boolean keep = value.equals(MASK) || value.startsWith(MASK) || isPlaceholder(value)
                    || (onlySecretLooking && !looksSecret(value));
            m.appendReplacement(sb, Matcher.quoteReplacement(keep ? m.group() : m.group(1) + MASK));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }

    /** {@code <password>}, {@code PASSWORD}, {@code $TOKEN}, {@code ...}: documentation, not a secret. */
    private static boolean isPlaceholder(String v) {
        return v.startsWith("$") || v.startsWith("<") || v.startsWith("-") || v.equals("...") || v.equals("…") || v.equals("-")
                || v.matches("[A-Z_]{3,}") || v.equals("stdin");
    }

    /** A digit or a symbol in it, and long enough to be a credential: prose words are not. */
    static boolean looksSecret(String v) {
        if (v.length() < 6) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isDigit(c) || "+/=_~.-!@#%^*".indexOf(c) >= 0) {
                return !v.matches("[a-z]+[.:]?") && !HOST_OR_URL.matcher(v).matches();
            }
        }
        return false;
    }
}
