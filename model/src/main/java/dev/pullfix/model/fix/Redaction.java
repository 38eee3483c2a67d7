package dev.pullfix.model.fix;

import java.util.Base64;
import java.util.List;

/**
 * Masks a plan's secrets (and their base64 forms) in any text that leaves the write path, and registers them with
 * {@link dev.pullfix.model.secret.Secrets} so that every other output path masks them too.
 */
final class Redaction {
    static final String MASK = "••••••";

    private Redaction() {}

    static String mask(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        // the plan's secrets are the process's secrets too: every other output path masks them from now on
        dev.pullfix.model.secret.Secrets.registerAll(secrets);
        String out = text;
        for (String s : secrets) {
            if (s == null || s.length() < 3) {
                continue;
            }
            out = out.replace(s, MASK);
            out = out.replace(Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)), MASK);
        }
        return out;
    }
}
