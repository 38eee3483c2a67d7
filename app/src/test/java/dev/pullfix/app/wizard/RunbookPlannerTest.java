package dev.pullfix.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.I18n;
import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.Evidence;
import dev.pullfix.model.diagnosis.runbook.Finding;
import dev.pullfix.model.diagnosis.runbook.Runbook;
import dev.pullfix.model.diagnosis.runbook.RunbookCatalog;
import dev.pullfix.model.diagnosis.runbook.Show;
import dev.pullfix.model.diagnosis.runbook.Text;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.report.DiagnosisReport;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A runbook step as the wizard shows it: the guide's title and number in the UI language, verdict, evidence. */
class RunbookPlannerTest {
    static final RunbookCatalog CATALOG = RunbookCatalog.load(dev.pullfix.model.diagnosis.checks.Checks.all());

    static final Runbook.Step POLICY = new Runbook.Step("repo-policy", "5", Map.of("ja", "4"),
            new Text("Check the ECR repository policy", "ECR リポジトリの権限を確認する"),
            new Text("A Deny for the node role wins.", "ノードロールへの Deny が優先されます。"),
            List.of("aws ecr get-repository-policy --repository-name shop/web"), "ecr.repositoryPolicy",
            Show.POLICY_STATEMENTS, null, false);

    static dev.pullfix.model.diagnosis.runbook.StepResult walked(CheckOutcome o) {
        return new dev.pullfix.model.diagnosis.runbook.StepResult("ecr-403", POLICY, POLICY.commands(), o,
                Duration.ofMillis(40));
    }

    @Test
    void anAccessDeniedStepNamesTheMissingPermission() throws Exception {
        Locale en = Locale.ENGLISH;
        DiagnosisStep s = RunbookPlanner.convert(6, walked(CheckOutcome.couldNotCheck(
                CouldNotCheckException.accessDenied("ecr:GetRepositoryPolicy", "AccessDeniedException"))),
                new DiagnosisReport(CATALOG, en), en, new I18n(en));
        StepResult r = s.check().call();
        assertThat(r.verdict()).isEqualTo(StepResult.Verdict.COULD_NOT_CHECK);
        assertThat(r.missingPermission()).isEqualTo("ecr:GetRepositoryPolicy");
        assertThat(s.number()).isEqualTo(6);
        assertThat(s.title()).isEqualTo("Check the ECR repository policy (guide step 5)");
        assertThat(s.command()).isEqualTo("aws ecr get-repository-policy --repository-name shop/web");
    }

    @Test
    void aProblemStepInJapaneseCarriesItsPolicyAsJsonUnderItsLabel() throws Exception {
        Locale ja = Locale.JAPANESE;
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"new policy\",\"Effect\":\"Deny\"}]}";
        CheckOutcome o = CheckOutcome.problem(Finding.cause("FORBIDDEN_POLICY", "couldNotCheck.ACCESS_DENIED"))
                .evidence(Evidence.text(Show.POLICY_STATEMENTS, "evidence.repositoryPolicy", policy)).build();
        DiagnosisStep s = RunbookPlanner.convert(4, walked(o), new DiagnosisReport(CATALOG, ja), ja, new I18n(ja));
        StepResult r = s.check().call();
        assertThat(r.verdict()).isEqualTo(StepResult.Verdict.PROBLEM);
        assertThat(s.title()).isEqualTo("ECR リポジトリの権限を確認する");
        assertThat(s.explanation()).isEqualTo("ノードロールへの Deny が優先されます。");
        assertThat(r.evidence()).isEqualTo(new StepResult.Labeled("リポジトリポリシー", new StepResult.Json(policy)));
    }
}
