package dev.pullfix.model.diagnosis.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.report.DiagnosisReport;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The JSON export carries what the acceptance checks read: cause, steps (number, title, command, verdict), fixes. */
class DiagnosisJsonTest {

    @Test
    void jsonHasTheCauseTheNumberedStepsAndTheFixesInTheChosenLanguage() throws Exception {
        Diagnosis d = Engines.diagnose(Scenarios.ecrPolicyDeny(false));
        JsonNode en = new ObjectMapper().readTree(new DiagnosisReport(Engines.CATALOG, Locale.ENGLISH).json(d));
        JsonNode ja = new ObjectMapper().readTree(new DiagnosisReport(Engines.CATALOG, Locale.JAPANESE).json(d));

        assertThat(en.get("cause").asText()).isEqualTo("FORBIDDEN_POLICY");
        assertThat(en.get("steps")).hasSize(7);
        JsonNode six = en.get("steps").get(5);
        assertThat(six.get("number").asText()).isEqualTo("6");
        assertThat(six.get("title").asText()).isEqualTo("Check the ECR repository policy");
        assertThat(six.get("command").asText()).startsWith("aws ecr get-repository-policy");
        assertThat(six.get("verdict").asText()).isEqualTo("PROBLEM");
        assertThat(en.get("fixes").get(0).get("kind").asText()).isEqualTo("ECR_POLICY_EDIT");
        assertThat(en.get("fixes").get(0).get("summary").asText()).contains("new policy").contains("take the pull actions out of the Deny statement");
        assertThat(ja.get("steps").get(5).get("number").asText()).isEqualTo("5");
        assertThat(ja.get("steps").get(5).get("title").asText()).isEqualTo("ECR リポジトリの権限を確認する");
        assertThat(ja.get("fixes").get(0).get("summary").asText()).contains("new policy").contains("取得系のアクションだけを外し");
    }

    @Test
    void plainTextListsTheStepsAsTheWorkshopNumbersThemWithCommandsAndVerdicts() {
        Diagnosis d = Engines.diagnose(Scenarios.ecrPolicyDeny(false));
        String en = new DiagnosisReport(Engines.CATALOG, Locale.ENGLISH).text(d);
        String ja = new DiagnosisReport(Engines.CATALOG, Locale.JAPANESE).text(d);

        assertThat(en).contains("Step 6: Check the ECR repository policy  [Problem found]\n"
                + "  $ aws ecr get-repository-policy --registry-id 682844965773 --region us-west-2 --repository-name retail-sample-app-ui"
                + " --query policyText --output text | jq .\n"
                + "  The policy of repository retail-sample-app-ui denies the node role " + Scenarios.ROLE_NAME + " (statement new policy).");
        assertThat(en).contains("1. [ECR_POLICY_EDIT]");
        assertThat(ja).contains("ステップ5: ECR リポジトリの権限を確認する  [問題あり]").contains("ステップ2: ワークロードが使っているイメージ URI を取得する");
    }
}
