package dev.pullfix.model.secret;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The secret values this process holds, registered where they are read, masked wherever text leaves Pullfix.
 * Values are never removed (a secret seen once stays masked for the life of the process). Besides the value itself,
 * its base64, URL-encoded and JSON-escaped forms are masked too (docker {@code auth} fields, query strings, JSON
 * text). Values shorter than {@value #MIN_LENGTH} characters cannot be masked without mangling ordinary text and
 * are ignored; values shorter than {@value #ANYWHERE_LENGTH} are masked only where they stand as a whole word, and
 * only when they have a character other than a letter (a short plain word such as "secret" as a password would
 * otherwise garble every sentence that uses the word, and hides nothing).
 * Thread-safe; registering is rare, masking is frequent and lock-free.
 */
public final class Secrets {
    /** Shortest value that is registered. */
    public static final int MIN_LENGTH = 4;
    /** Values at least this long are masked wherever they occur, shorter ones only as whole words. */
    public static final int ANYWHERE_LENGTH = 8;

    private static final Secrets PROCESS = new Secrets();

    private final Set<String> values = new LinkedHashSet<>();
    private volatile List<String> longestFirst = List.of();

    /** A registry of its own (tests); the application uses {@link #process()}. */
    public Secrets() {
    }

    /** The registry of this process: everything Pullfix read as a secret. */
    public static Secrets process() {
        return PROCESS;
    }

    /** Registers a secret value with the process registry; null, blank and too short values are ignored. */
    public static void register(String value) {
        PROCESS.add(value);
    }

    /** Registers several values (e.g. every password of a docker config). */
    public static void registerAll(Iterable<String> secretValues) {
        for (String v : secretValues) {
            PROCESS.add(v);
        }
    }

    /** Adds a value (and its encoded forms) to this registry. */
    public void add(String value) {
        if (value == null) {
            return;
        }
        String v = value.strip();
        if (v.length() < MIN_LENGTH || (v.length() < ANYWHERE_LENGTH && v.chars().allMatch(Character::isLetter))) {
            return;
        }
        List<String> forms = new ArrayList<>();
        forms.add(v);
        forms.add(Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)));
        forms.add(URLEncoder.encode(v, StandardCharsets.UTF_8));
        forms.add(jsonEscaped(v));
        synchronized (values) {
            if (!values.addAll(forms)) {
                return;
            }
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            longestFirst = List.copyOf(sorted);
        }
    }

    /** True when {@code text} contains a registered value (tests and guards). */
    public boolean leaksInto(String text) {
        if (text == null) {
            return false;
        }
        return !mask(text).equals(text);
    }

    /** How many value forms are registered (tests). */
    public int size() {
        return longestFirst.size();
    }

    /** The text with every registered value replaced by {@link Redactor#MASK}; null stays null. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<String> all = longestFirst;
        String out = text;
        for (String v : all) {
            if (out.contains(v)) {
                out = v.length() >= ANYWHERE_LENGTH ? out.replace(v, Redactor.MASK) : maskWord(out, v);
            }
        }
        return out;
    }

    private static String maskWord(String text, String v) {
        StringBuilder sb = new StringBuilder(text.length());
        int from = 0;
        for (int i = text.indexOf(v); i >= 0; i = text.indexOf(v, i + 1)) {
            int end = i + v.length();
            boolean startsWord = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startsWord && endsWord && i >= from) {
                sb.append(text, from, i).append(Redactor.MASK);
                from = end;
            }
        }
        return sb.append(text, from, text.length()).toString();
    }

    private static String jsonEscaped(String v) {
        StringBuilder sb = new StringBuilder(v.length() + 8);
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '/' -> sb.append('/');
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
