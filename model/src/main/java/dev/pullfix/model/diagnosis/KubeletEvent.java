package dev.pullfix.model.diagnosis;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Kubernetes event about a pod, as much as the classifier needs. Build it from the API (the cluster adapter
 * does) or parse it from text with {@link #parseLine(String)}: a {@code kubectl describe} Events row, a
 * {@code kubectl get events} row, a kubelet klog/journal line, or a bare message.
 *
 * @param type           {@code Normal} or {@code Warning}, or null when unknown
 * @param reason         event reason ({@code Failed}, {@code BackOff}, {@code Pulling}, {@code InspectFailed} ...), or null
 * @param message        the event message, never null
 * @param count          how many times it was seen (1 when unknown)
 * @param firstTimestamp first seen, or null
 * @param lastTimestamp  last seen, or null
 * @param source         reporting component ({@code kubelet}, {@code kubelet, node-1} ...), or null
 */
public record KubeletEvent(String type, String reason, String message, int count, Instant firstTimestamp,
                           Instant lastTimestamp, String source) {

    public KubeletEvent {
        message = message == null ? "" : message;
        count = Math.max(1, count);
    }

    /** A bare message with no metadata. */
    public static KubeletEvent ofMessage(String message) {
        return new KubeletEvent(null, null, message, 1, null, null, null);
    }

    /** A Warning/Failed event from the kubelet, the usual carrier of a pull error. */
    public static KubeletEvent failed(String message) {
        return new KubeletEvent("Warning", "Failed", message, 1, null, null, "kubelet");
    }

    // "  Warning  Failed     3m53s (x4 over 5m14s)  kubelet            Failed to pull image ..."
    private static final Pattern DESCRIBE_ROW = Pattern.compile(
            "^\\s*(Normal|Warning)(?:\\s{2,}|\\t+)(\\S+)(?:\\s{2,}|\\t+)(.+?)(?:\\s{2,}|\\t+)(.+?)(?:\\s{2,}|\\t+)(.*)$");
    private static final Pattern STATUS_ONLY = Pattern.compile(
            "^(?:back-off pulling image|pulling image|successfully pulled image) \"[^\"]*\"(?: in .*)?$");
    private static final Pattern COUNTER = Pattern.compile("\\(x(\\d+) over [^)]*\\)");
    // "5m   Warning   Failed   pod/nginx   Failed to pull image ..."
    private static final Pattern GET_EVENTS_ROW = Pattern.compile(
            "^\\s*(\\S+)\\s+(Normal|Warning)\\s+(\\S+)\\s+(\\S+/\\S+)\\s+(.*)$");
    // klog header, optionally after a journald prefix ("Sep 02 17:08:30 node kubelet[5467]: ") or a timestamp
    private static final Pattern KLOG = Pattern.compile("^\\s*(?:[A-Z][a-z]{2} +\\d{1,2} [\\d:]{8}(?:\\.\\d+)? \\S+ \\S+: "
            + "|\\d{4}-\\d{2}-\\d{2}[ T][\\d:.]+Z?\\s*)?[IWEF]\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d+\\s+\\d+ \\S+:\\d+\\] (.*)$");
    private static final Pattern KLOG_SEVERITY = Pattern.compile("([IWEF])\\d{4} \\d{2}:\\d{2}:\\d{2}");
    private static final Pattern KLOG_IMAGE = Pattern.compile("\\simage=\"([^\"\\\\]+)\"");
    private static final Pattern KLOG_ERR = Pattern.compile("\\berr=\"");
    private static final Pattern KLOG_QUOTED_MSG = Pattern.compile("^\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static final Pattern TABLE_HEADER = Pattern.compile(
            "^\\s*(?:Events:\\s*|Type\\s+Reason\\s+Age\\s+From\\s+Message\\s*|LAST SEEN\\s+TYPE\\s+REASON\\s+OBJECT\\s+MESSAGE\\s*"
                    + "|-+(?:\\s+-+)+\\s*|Events:\\s+<none>\\s*)$");

    /**
     * Parses a pasted block: a {@code kubectl describe} Events section (header and ruler lines are skipped), a
     * {@code kubectl get events} table, kubelet log lines, or bare messages, one per line.
     */
    public static java.util.List<KubeletEvent> parseAll(String text) {
        java.util.List<KubeletEvent> out = new java.util.ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\\R")) {
            if (isTableChrome(line)) {
                continue;
            }
            parseLine(line).ifPresent(out::add);
        }
        return out;
    }

    /** True for the header, ruler and "Events:" lines of an events table, which carry no event. */
    public static boolean isTableChrome(String line) {
        return line != null && TABLE_HEADER.matcher(line).matches();
    }

    /**
     * Parses one line of text into an event. Never throws; a line that is none of the known shapes becomes a
     * bare message. Returns empty for a blank line.
     */
    public static Optional<KubeletEvent> parseLine(String line) {
        if (line == null || line.isBlank()) {
            return Optional.empty();
        }
        String text = stripTrailingNewline(line);
        Matcher row = DESCRIBE_ROW.matcher(text);
        if (row.matches() && !row.group(3).isBlank()) {
            int count = 1;
            Matcher c = COUNTER.matcher(row.group(3));
            if (c.find()) {
                count = parseCount(c.group(1));
            }
            return Optional.of(new KubeletEvent(row.group(1), row.group(2), row.group(5).strip(), count, null, null,
                    row.group(4).strip()));
        }
        Matcher get = GET_EVENTS_ROW.matcher(text);
        if (get.matches()) {
            return Optional.of(new KubeletEvent(get.group(2), get.group(3), get.group(5).strip(), 1, null, null,
                    null));
        }
        Matcher klog = KLOG.matcher(text);
        if (klog.matches()) {
            String body = klog.group(1);
            String message = klogMessage(body);
            return Optional.of(new KubeletEvent(isWarningSeverity(text) ? "Warning" : "Normal", null,
                    message, 1, null, null, "kubelet"));
        }
        return Optional.of(ofMessage(text.strip()));
    }

    private static boolean isWarningSeverity(String text) {
        Matcher m = KLOG_SEVERITY.matcher(text);
        return m.find() && m.group(1).charAt(0) != 'I';
    }

    /** The klog structured message: the {@code err="..."} value when present, else the quoted message. */
    static String klogMessage(String body) {
        Matcher err = KLOG_ERR.matcher(body);
        if (err.find()) {
            String value = goQuoted(body, err.end() - 1);
            if (value != null) {
                // keep the structured image="..." key: the error text does not always name the image
                Matcher image = KLOG_IMAGE.matcher(body);
                return image.find() && !value.contains(image.group(1))
                        ? value + " image=\"" + image.group(1) + "\"" : value;
            }
        }
        Matcher msg = KLOG_QUOTED_MSG.matcher(body);
        if (msg.find()) {
            String value = goQuoted(body, 0);
            String rest = body.substring(msg.end()).strip();
            return rest.isEmpty() ? value : value + " " + rest;
        }
        return body.strip();
    }

    /** Reads a Go-quoted string starting at {@code text[start] == '"'}; null when it is not closed. */
    static String goQuoted(String text, int start) {
        StringBuilder out = new StringBuilder();
        for (int i = start + 1; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    default -> out.append(next);
                }
            } else if (ch == '"') {
                return out.toString();
            } else {
                out.append(ch);
            }
        }
        return out.length() == 0 ? null : out.toString(); // truncated line: keep what we have
    }

    private static int parseCount(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String stripTrailingNewline(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** True for the kubelet's summary events that carry no cause ({@code Error: ErrImagePull}, back-off, pulling). */
    public boolean isGenericPullStatus() {
        String m = message.strip().toLowerCase(Locale.ROOT);
        // newer kubelets append the cause to the back-off message: that one is not status-only
        return m.equals("error: errimagepull") || m.equals("error: imagepullbackoff")
                || STATUS_ONLY.matcher(m).matches();
    }
}
