package dev.pullfix.model.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text before it reaches a report, a log or the screen: AWS access keys and secret keys, session
 * tokens, bearer tokens and JWTs, ECR authorization tokens, passwords on command lines and in JSON/YAML, and the
 * {@code auth}/{@code .dockerconfigjson} values of docker config secrets. Identifiers that are not secrets (account
 * ids, role ARNs, image digests) are left alone.
 */
public final class Redactor {
    public static final String MASK = "[REDACTED]";

    private record Rule(Pattern pattern, int group) {
    }

    private static final List<Rule> RULES = List.of(
            // "key": "value" (JSON)
            new Rule(Pattern.compile("(?i)(\"(?:aws_secret_access_key|secretaccesskey|secret_key|aws_session_token|sessiontoken|session_token|password|passwd|token|auth|identitytoken|registrytoken|authorizationtoken|client_secret|\\.dockerconfigjson|\\.dockercfg)\"\\s*:\\s*\")([^\"]+)"), 2),
            // key=value (env files, ini, query strings)
            new Rule(Pattern.compile("(?i)((?<![A-Za-z0-9_])(?:aws_secret_access_key|secretaccesskey|secret_key|aws_session_token|sessiontoken|session_token|password|passwd|token|auth|identitytoken|registrytoken|authorizationtoken|client_secret|\\.dockerconfigjson|\\.dockercfg)=)([^\\s&,;\"]+)"), 2),
            // key: value at the start of a YAML line
            new Rule(Pattern.compile("(?im)(^\\s*\"?(?:aws_secret_access_key|secretaccesskey|secret_key|aws_session_token|sessiontoken|session_token|password|passwd|token|auth|identitytoken|registrytoken|authorizationtoken|client_secret|\\.dockerconfigjson|\\.dockercfg)\"?:[ \\t]+\"?)([^\\s\"]+)"), 2),
            // command-line flags
            new Rule(Pattern.compile("(?i)(--(?:docker-)?password[= ]|--token[= ])(?!\\s*-)(\\S+)"), 2),
            // HTTP authorization headers
            new Rule(Pattern.compile("(?i)((?:Bearer|Basic)\\s+)([A-Za-z0-9._~+/=-]{8,})"), 2),
            // JWTs (service account tokens, registry bearer tokens)
            new Rule(Pattern.compile("()(eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*)"), 2),
            // ECR authorization tokens: base64 of "AWS:..."
            new Rule(Pattern.compile("()(QVdTO[A-Za-z0-9+/=]{16,})"), 2),
            // AWS access key ids (long-term and temporary)
            new Rule(Pattern.compile("()(\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b)"), 2),
            // AWS secret access keys: 40 characters of base64 with mixed case (not hex digests)
            new Rule(Pattern.compile("()((?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=]))(?=[^\\s]*[a-z])(?=[^\\s]*[A-Z])"
                    + "(?=[^\\s]*[0-9/+])[A-Za-z0-9/+=]{40})"), 2));

    private Redactor() {
    }

    /** The text with every secret replaced by {@value #MASK}; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String value = m.group(r.group());
                String replacement = value.equals(MASK) ? m.group() : m.group().substring(0, m.start(r.group()) - m.start())
                        + MASK + m.group().substring(m.end(r.group()) - m.start());
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        return out;
    }
}
