package dev.pullfix.app.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.I18n;
import dev.pullfix.app.policy.PolicyEditorViewModelTest;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.app.testing.Snapshots;
import dev.pullfix.model.aws.InMemoryEcr;
import dev.pullfix.model.fix.AuditLog;
import dev.pullfix.model.fix.BackupStore;
import dev.pullfix.model.fix.DryRun;
import dev.pullfix.model.fix.Outcome;
import dev.pullfix.model.fix.StateText;
import dev.pullfix.model.fix.WritePath;
import dev.pullfix.model.fix.aws.EcrPolicyPlan;
import dev.pullfix.model.policy.KubeletPull;
import dev.pullfix.model.policy.ManagedPolicies;
import dev.pullfix.model.policy.NamedPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Seed 000 fixed from the GUI: the proposal lets the node role pull, confirm writes it, undo puts it back. */
@ExtendWith(ApplicationExtension.class)
class PolicyFixWindowTest {
    final InMemoryEcr repo = new InMemoryEcr(PolicyEditorViewModelTest.SEED);
    final List<String> confirmations = new ArrayList<>();
    boolean answer = true;
    PolicyFixWindow window;
    Path data;

    @Start
    void start(Stage stage) throws Exception {
        data = Files.createTempDirectory("pullfix-fix");
        NamedPolicy readOnly = ManagedPolicies.all().stream().filter(m -> m.name().equals("AmazonEC2ContainerRegistryReadOnly"))
                .map(m -> NamedPolicy.identity(m.arn(), m.document())).findFirst().orElseThrow();
        WritePath path = new WritePath(new BackupStore(data), new AuditLog(data), Clock.systemUTC(), "tester", false);
        window = new PolicyFixWindow(new I18n(Locale.ENGLISH), TaskRunner.synchronous(), path, p -> {
            confirmations.add(p.diff());
            return answer;
        }, plans(repo), new PolicyFixWindow.Repository("682844965773", "us-west-2", "retail-sample-app-ui",
                "retail-sample-app-ui:0.4.0"), PolicyEditorViewModelTest.SEED, modelProposal(), PolicyEditorViewModelTest.ROLE,
                List.of(readOnly), line -> { });
        Scene scene = new Scene(window.root(), 1500, 900);
        scene.getStylesheets().add(getClass().getResource("/dev/pullfix/app/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theProposalLetsTheNodeRolePullWithoutWriteGrantsAndIsWrittenOnlyAfterConfirmation(FxRobot robot) {
        assertThat(window.editor().verdictProperty().get().verdict()).isEqualTo(KubeletPull.Verdict.YES);
        assertThat(window.editor().findings()).noneMatch(f -> f.code().equals("lint.writeGrant"));
        assertThat(window.editor().proposedProperty().get()).contains("\"Deny\"").contains("ecr:DeleteRepository");
        robot.interact(() -> Snapshots.save(window.root(), "policy-fix-proposal"));

        answer = false;
        robot.clickOn("#policyWrite");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confirmations).hasSize(1);
        assertThat(repo.calls).doesNotContain("set");
        assertThat(window.fix().outcomeProperty().get().status()).isEqualTo(Outcome.Status.CANCELLED);

        answer = true;
        robot.clickOn("#policyWrite");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(repo.calls).containsOnlyOnce("set");
        assertThat(window.fix().outcomeProperty().get().status()).isEqualTo(Outcome.Status.APPLIED);

        robot.clickOn("#policyUndo");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confirmations).hasSize(3);
        assertThat(StateText.of(repo.policy.orElseThrow()).sameAs(StateText.of(PolicyEditorViewModelTest.SEED))).isTrue();
    }

    /**
     * The window's plans over the in-memory repository (in the app the model's FixPlanner builds them over the AWS
     * account); ECR has no dry-run, so the stand-in passes.
     */
    static PolicyFixWindow.PolicyPlans plans(InMemoryEcr repo) {
        return text -> new EcrPolicyPlan(repo, repo, "682844965773", "us-west-2", "retail-sample-app-ui",
                StateText.of(text), "set the repository policy", (current, proposed) -> DryRun.passed("checked locally"));
    }

    /** What the diagnosis proposes for the seed policy (the report, the command line and this window show it). */
    static String modelProposal() {
        return dev.pullfix.model.diagnosis.runbook.FixProposal.EcrPolicyEdit.of(
                new dev.pullfix.model.diagnosis.runbook.port.EcrRepositoryRef("682844965773", "us-west-2",
                        "retail-sample-app-ui", "aws"), PolicyEditorViewModelTest.SEED, "new policy",
                dev.pullfix.model.diagnosis.runbook.port.RoleRef.ofArn(PolicyEditorViewModelTest.ROLE, "test"), false)
                .proposedPolicy();
    }
}
