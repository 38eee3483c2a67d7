package dev.pullfix.app.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what libraries say (Jackson, the JDK, fabric8) into the user's words: "not UTF-8 text" for a
 * {@code MalformedInputException}, "nested deeper than N levels" for Jackson's nesting limit, "expected a list but
 * found a number" for a type mismatch, and no exception class names, package names or code references at all.
 */
final class LibraryWords {
    private static final Pattern MALFORMED = Pattern.compile("(?:\\w+\\.)*(?:Malformed|Unmappable)InputException:?\\s*"
            + "(?:Input length = \\d+)?");
    private static final Pattern TOO_DEEP = Pattern.compile("Document nesting depth \\(\\d+\\) exceeds the maximum "
            + "allowed \\((\\d+)(?:, from `[^`]*`)?\\)");
    private static final Pattern WRONG_TYPE = Pattern.compile("Cannot deserialize (?:value|instance) of (?:type )?`([^`]+)`"
            + " (?:from|out of) (\\w+)(?: value)?(?: token)?(?: \\(token `[^`]*`\\))?");
    /** {@code java.net.ConnectException: }, {@code io.fabric8...KubernetesClientException: }, {@code SSLHandshakeException: }. */
    private static final Pattern CLASS_PREFIX = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)*[A-Z]\\w*(?:Exception|Error)\\b:?\\s*");
    /** Fully qualified names left in a message ({@code io.fabric8.kubernetes.api.model.Cluster}). */
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}([A-Z]\\w*)(?:<[^>]*>)?");
    /** {@code `code`} references and {@code (through reference chain: ...)} tails. */
    private static final Pattern CODE_REF = Pattern.compile("\\s*\\(through reference chain:[^)]*\\)|\\s*\\(from `[^`]*`\\)"
            + "|\\s*at \\[Source:.*$|`[^`]*\\(\\)`");

    private LibraryWords() {
    }

    static String clean(String text, I18n i18n) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String s = MALFORMED.matcher(text).replaceAll(Matcher.quoteReplacement(i18n.text("errors", "error.detail.notUtf8")));
        Matcher deep = TOO_DEEP.matcher(s);
        s = deep.replaceAll(m -> Matcher.quoteReplacement(i18n.text("errors", "error.detail.tooDeep", m.group(1))));
        Matcher wrong = WRONG_TYPE.matcher(s);
        s = wrong.replaceAll(m -> Matcher.quoteReplacement(i18n.text("errors", "error.detail.wrongType",
                expected(m.group(1), i18n), found(m.group(2), i18n))));
        s = CODE_REF.matcher(s).replaceAll("");
        s = CLASS_PREFIX.matcher(s).replaceAll("");
        s = QUALIFIED.matcher(s).replaceAll("$1");
        return s.strip();
    }

    private static String expected(String javaType, I18n i18n) {
        String t = javaType.replaceAll("<.*>", "");
        String simple = t.substring(t.lastIndexOf('.') + 1);
        String kind;
        if (simple.endsWith("List") || simple.endsWith("Set") || simple.endsWith("[]") || simple.equals("Collection")) {
            kind = "list";
        } else if (simple.equals("String")) {
            kind = "text";
        } else if (simple.matches("(?i)int|integer|long|double|float|short|BigDecimal|BigInteger|Number")) {
            kind = "number";
        } else if (simple.matches("(?i)boolean")) {
            kind = "boolean";
        } else {
            kind = "mapping";
        }
        return i18n.text("errors", "error.detail.kind." + kind);
    }

    private static String found(String jsonKind, I18n i18n) {
        String kind = switch (jsonKind.toLowerCase(java.util.Locale.ROOT)) {
            case "array", "start_array" -> "list";
            case "integer", "float", "number", "double", "long", "value_number_int", "value_number_float" -> "number";
            case "string", "value_string" -> "text";
            case "boolean", "value_true", "value_false" -> "boolean";
            case "null", "value_null" -> "nothing";
            default -> "mapping";
        };
        return i18n.text("errors", "error.detail.kind." + kind);
    }
}
