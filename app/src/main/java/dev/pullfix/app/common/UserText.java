package dev.pullfix.app.common;

import java.util.regex.Pattern;

/**
 * Text helpers shared by both front doors (the window and the command line): one line from many, and untrusted
 * text (event messages, server errors, plugin output) made safe for a terminal or a label.
 */
public final class UserText {
    /** ESC sequences: CSI (colours, clear screen, cursor moves), OSC (window title, hyperlinks), and two-byte ones. */
    private static final Pattern ESCAPES = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|\u009B[0-?]*[ -/]*[@-~]"
                    + "|\u009D[^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|\u001B[@-_]?");
    /** C0 controls but tab and newline, DEL, C1 controls, and bidirectional overrides (text shown out of order). */
    private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private UserText() {
    }

    /** Untrusted text without terminal control sequences or control characters; newlines and tabs stay. */
    public static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (!hasControl(text)) {
            return text;
        }
        String s = text.indexOf('\u001B') >= 0 || text.indexOf('\u009B') >= 0 || text.indexOf('\u009D') >= 0
                ? ESCAPES.matcher(text).replaceAll("") : text;
        return CONTROLS.matcher(s).replaceAll("");
    }

    /** Whether {@link #CONTROLS} has anything to remove (a scan is cheaper than the regex on every line of output). */
    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' || c >= 0x7F && c <= 0x9F || c >= '\u202A' && c <= '\u202E'
                    || c >= '\u2066' && c <= '\u2069') {
                return true;
            }
        }
        return false;
    }

    /** The text on one line: line breaks and runs of white space become one space, control characters go. */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        return SPACES.matcher(safe(text)).replaceAll(" ").strip();
    }

    /** The first line only, without control characters (a long server answer shown in a status line). */
    public static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String s = safe(text).strip();
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
