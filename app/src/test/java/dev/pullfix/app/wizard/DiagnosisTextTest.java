package dev.pullfix.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.I18n;
import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.Evidence;
import dev.pullfix.model.diagnosis.runbook.Finding;
import dev.pullfix.model.diagnosis.runbook.Runbook;
import dev.pullfix.model.diagnosis.runbook.Show;
import dev.pullfix.model.diagnosis.runbook.StepResult;
import dev.pullfix.model.diagnosis.runbook.Text;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A model step in the UI language: the guide's title and number, verdict, missing permission, evidence caption. */
class DiagnosisTextTest {
    static final Runbook.Step POLICY = new Runbook.Step("repo-policy", "5", Map.of("ja", "4"),
            new Text("Check the ECR repository policy", "ECR リポジトリの権限を確認する"),
            new Text("A Deny for the node role wins.", "ノードロールへの Deny が優先されます。"),
            List.of("aws ecr get-repository-policy --repository-name shop/web"), "ecr.repositoryPolicy",
            Show.POLICY_STATEMENTS, null, false);

    static StepResult walked(CheckOutcome o) {
        return new StepResult("ecr-403", POLICY, POLICY.commands(), o, Duration.ofMillis(40));
    }

    @Test
    void anAccessDeniedStepNamesTheMissingPermissionAndTheGuidesOwnNumber() {
        DiagnosisText t = new DiagnosisText(new I18n(Locale.ENGLISH));
        StepResult r = walked(CheckOutcome.couldNotCheck(
                CouldNotCheckException.accessDenied("ecr:GetRepositoryPolicy", "AccessDeniedException")));
        assertThat(t.title(6, r)).isEqualTo("Check the ECR repository policy (guide step 5)");
        assertThat(t.title(5, r)).isEqualTo("Check the ECR repository policy");
        assertThat(t.verdict(r)).startsWith("Could not check").contains("Missing permission: ecr:GetRepositoryPolicy");
        assertThat(t.commands(r)).isEqualTo("aws ecr get-repository-policy --repository-name shop/web");
    }

    @Test
    void japaneseTextsComeFromTheJapaneseBundleAndCauseCodesAreNamed() {
        DiagnosisText t = new DiagnosisText(new I18n(Locale.JAPANESE));
        StepResult r = walked(CheckOutcome.problem(Finding.cause("FORBIDDEN_POLICY", "eventsShowPullFailure",
                "FORBIDDEN_POLICY")).evidence(Evidence.text(Show.POLICY_STATEMENTS, "evidence.repositoryPolicy", "{}"))
                .build());
        assertThat(t.title(4, r)).isEqualTo("ECR リポジトリの権限を確認する");
        assertThat(t.explanation(r)).isEqualTo("ノードロールへの Deny が優先されます。");
        assertThat(t.summary(r)).doesNotContain("FORBIDDEN_POLICY").isNotBlank();
        assertThat(t.evidenceLabel(r.outcome().evidence().get(0))).isEqualTo("リポジトリポリシー");
    }
}
