package dev.pullfix.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The model returns codes and arguments, never display text (DESIGN.md "i18n"): a scan of the model's sources for
 * string literals that read as English prose (three or more words), in the packages whose results the front ends
 * show as they are: {@code diagnosis}, {@code fix}, {@code policy}, {@code report} (issue 15 names them). The
 * adapters' packages ({@code aws}, {@code cluster}, {@code registry}, …) report failures as coded errors whose English
 * is a detail, and the lab imitates the kubelet, the API server and AWS, whose English wire texts are fixtures: both
 * are outside the scan, as are exception messages (a parser's or loader's complaint about its input reaches the user
 * through the one error formatter). Regular expressions and commands ({@code kubectl …}, {@code aws …}) are not prose.
 *
 * <p>{@link #ALLOWED} is the allow-list of today's prose per file, a ceiling that only comes down: the model's texts
 * are moving to bundle codes (issue 15, the "engine" work); when a file needs fewer, lower its number (or drop the
 * line); never raise one or add a file.
 */
class ModelTextTest {
    static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    static final Pattern WORD = Pattern.compile("\\b[A-Za-z][a-z']+\\b");
    static final Pattern SCANNED = Pattern.compile("^(diagnosis|fix|policy|report)/.*");
    static final Pattern COMMAND = Pattern.compile("^(kubectl|aws|pullfix|docker|crane|skopeo|eksctl|helm) .*");

    static final Map<String, Integer> ALLOWED = allowed("""
              6 diagnosis/PullEvidence.java
             10 diagnosis/checks/EcrChecks.java
              3 diagnosis/checks/IamChecks.java
              6 diagnosis/checks/NetworkChecks.java
              1 diagnosis/checks/PodChecks.java
              1 diagnosis/checks/PullSecretChecks.java
              2 diagnosis/checks/RegistryChecks.java
              1 diagnosis/runbook/DiagnosisEngine.java
              2 diagnosis/runbook/Facts.java
             16 diagnosis/runbook/RunbookCatalog.java
              1 diagnosis/runbook/port/EventFacts.java
              1 fix/aws/AttachRolePolicyPlan.java
              3 fix/aws/EcrPolicyPlan.java
              2 fix/aws/VpcEndpointPolicyPlan.java
              2 fix/kube/CreatePullSecretPlan.java
              1 fix/kube/PodTemplatePlan.java
              1 policy/PolicyCase.java
              2 policy/PolicyParser.java
              2 report/DiagnosisReport.java
            """);

    static Map<String, Integer> allowed(String lines) {
        Map<String, Integer> out = new TreeMap<>();
        for (String l : lines.strip().split("\n")) {
            if (!l.isBlank()) {
                String[] parts = l.trim().split("\\s+");
                out.put(parts[1], Integer.parseInt(parts[0]));
            }
        }
        return out;
    }

    static boolean prose(String literal) {
        if (literal.contains("\\\\") || literal.contains("(?") || literal.startsWith("^")
                || COMMAND.matcher(literal.trim()).matches()) {
            return false;
        }
        Matcher w = WORD.matcher(literal);
        int words = 0;
        while (w.find()) {
            words++;
        }
        return words >= 3 && literal.matches("(?s).*[a-z] [a-z].*");
    }

    static Map<String, Integer> proseByFile() {
        Map<String, Integer> found = new TreeMap<>();
        SourceFiles.java(SourceFiles.MODEL).forEach((path, text) -> {
            String rel = SourceFiles.MODEL.relativize(path).toString().replace('\\', '/');
            if (!SCANNED.matcher(rel).matches()) {
                return;
            }
            int n = 0;
            for (String statement : SourceFiles.withoutComments(text).split("[;{}]")) {
                if (statement.contains("throw ") || statement.contains("Exception(")) {
                    continue;
                }
                Matcher m = LITERAL.matcher(statement);
                while (m.find()) {
                    n += prose(m.group(1)) ? 1 : 0;
                }
            }
            if (n > 0) {
                found.put(rel, n);
            }
        });
        return found;
    }

    @Test
    void theModelHoldsNoMoreEnglishProseThanTheAllowList() {
        Map<String, Integer> found = proseByFile();
        StringBuilder over = new StringBuilder();
        found.forEach((file, n) -> {
            int allowed = ALLOWED.getOrDefault(file, 0);
            if (n > allowed) {
                over.append(String.format("%n  %s: %d English texts, allowed %d", file, n, allowed));
            }
        });
        StringBuilder table = new StringBuilder();
        found.forEach((file, n) -> table.append(String.format("%n%3d %s", n, file)));
        assertThat(over.toString()).as("model files with user-facing English (return a code and arguments; the "
                + "front ends render them from the bundles); today's counts:%s%n", table).isEmpty();
    }

    @Test
    void theScanSeesProseAndLeavesCodesRegexesAndCommandsAlone() {
        assertThat(prose("Pullfix is in read-only mode: nothing was written.")).isTrue();
        assertThat(prose("fix.written.watch")).isFalse();
        assertThat(prose("^(?:back-off pulling image|pulling image) \\\"")).isFalse();
        assertThat(prose("kubectl set image deployment/web app=nginx:1.27")).isFalse();
        assertThat(prose("no entry")).as("two words are a label, not prose").isFalse();
    }
}
