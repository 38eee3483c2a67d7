package dev.pullfix.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.Evidence;
import dev.pullfix.model.diagnosis.runbook.Finding;
import dev.pullfix.model.diagnosis.runbook.RunbookCatalog;
import dev.pullfix.model.diagnosis.runbook.Show;
import dev.pullfix.model.diagnosis.runbook.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The report renders every step with its texts in both languages, escapes HTML and redacts secrets. */
class DiagnosisReportTest {
    static final RunbookCatalog CATALOG = RunbookCatalog.load(dev.pullfix.model.diagnosis.checks.Checks.all());

    static Diagnosis withEvidence(Evidence e) {
        var step = CATALOG.get("private-registry-credentials").orElseThrow().step("secret-exists").orElseThrow();
        CheckOutcome o = CheckOutcome.problem(Finding.cause("UNAUTHORIZED_NO_CREDENTIALS", "pullSecretMissing", "regcred"))
                .evidence(e).build();
        return new Diagnosis("default", "web-1", "registry.example.com/web:1", "web",
                new dev.pullfix.model.cluster.WorkloadRef("Deployment", "web"), "UNAUTHORIZED_NO_CREDENTIALS",
                "UNAUTHORIZED_NO_CREDENTIALS", o.finding(), false, "private-registry-credentials",
                List.of("private-registry-credentials"),
                List.of(new StepResult("private-registry-credentials", step, List.of("kubectl get secret regcred -n default --output=yaml"), o,
                        Duration.ofMillis(3))), List.of(), false, Instant.parse("2024-10-11T15:00:00Z"));
    }

    @Test
    void redactsDockerConfigCredentialsShownAsEvidence() {
        Diagnosis d = withEvidence(Evidence.text(Show.JSON, "evidence.pullSecrets",
                "{\"auths\":{\"registry.example.com\":{\"username\":\"bob\",\"password\":\"hunter2hunter2\",\"auth\":\"Ym9iOmh1bnRlcjI=\"}}}"));
        String md = new DiagnosisReport(CATALOG, Locale.ENGLISH).markdown(d);
        String html = new DiagnosisReport(CATALOG, Locale.ENGLISH).html(d);

        assertThat(md).doesNotContain("hunter2hunter2").doesNotContain("Ym9iOmh1bnRlcjI=").contains("[REDACTED]");
        assertThat(html).doesNotContain("hunter2hunter2").doesNotContain("Ym9iOmh1bnRlcjI=");
    }

    @Test
    void jsonStaysValidWhenEvidenceEndsWithAPasswordFlag() throws Exception {
        // issue 17 item 1: a regex over the finished JSON ate the closing quote after "--password hunter2"
        Diagnosis d = withEvidence(Evidence.text(Show.TEXT, "evidence.pullSecrets",
                "Back-off pulling image: docker login --password hunter2"));
        String json = new DiagnosisReport(CATALOG, Locale.ENGLISH).json(d);

        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(tree.path("steps").get(0).path("evidence").get(0).path("body").asText())
                .isEqualTo("Back-off pulling image: docker login --password [REDACTED]");
        assertThat(json).doesNotContain("hunter2");
    }

    @Test
    void masksARegisteredSecretInEveryFormat() {
        String token = "registered-" + java.util.UUID.randomUUID();
        dev.pullfix.model.secret.Secrets.register(token);
        Diagnosis d = withEvidence(Evidence.text(Show.TEXT, "evidence.pullSecrets", "401 body: " + token));
        DiagnosisReport r = new DiagnosisReport(CATALOG, Locale.ENGLISH);

        assertThat(List.of(r.markdown(d), r.html(d), r.json(d), r.text(d))).allSatisfy(s -> assertThat(s).doesNotContain(token));
    }

    @Test
    void escapesHtmlFoundInEvidence() {
        Diagnosis d = withEvidence(Evidence.table(Show.TABLE, "evidence.pullSecrets", List.of("NAME", "TYPE"),
                List.of(List.of("<script>alert(1)</script>", "a|b"))));
        String html = new DiagnosisReport(CATALOG, Locale.ENGLISH).html(d);

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;").contains("<table>").contains("a|b");
    }

    @Test
    void writesTheStepInTheReadersLanguage() {
        Diagnosis d = withEvidence(Evidence.text(Show.TEXT, "evidence.pullSecrets", "regcred missing"));

        assertThat(new DiagnosisReport(CATALOG, Locale.ENGLISH).markdown(d))
                .contains("### Step 2: Add the credentials as a Kubernetes secret")
                .contains("**Result:** Problem found — The referenced secret regcred does not exist.");
        assertThat(new DiagnosisReport(CATALOG, Locale.JAPANESE).markdown(d))
                .contains("### ステップ2: 認証情報を Kubernetes のシークレットとして登録する")
                .contains("**結果:** 問題あり — 参照されているシークレット regcred が存在しません。");
    }
}
