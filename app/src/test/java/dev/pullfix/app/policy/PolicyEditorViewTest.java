package dev.pullfix.app.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.I18n;
import dev.pullfix.app.testing.Snapshots;
import dev.pullfix.model.policy.ManagedPolicies;
import dev.pullfix.model.policy.NamedPolicy;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real editor, headless: flip the Deny in the statement card, see the JSON and the verdict change. */
@ExtendWith(ApplicationExtension.class)
class PolicyEditorViewTest {
    PolicyEditorViewModel vm;
    PolicyEditorView view;

    @Start
    void start(Stage stage) {
        NamedPolicy readOnly = ManagedPolicies.all().stream().filter(m -> m.name().equals("AmazonEC2ContainerRegistryReadOnly"))
                .map(m -> NamedPolicy.identity(m.arn(), m.document())).findFirst().orElseThrow();
        I18n i18n = new I18n(Locale.ENGLISH);
        vm = new PolicyEditorViewModel(PolicyEditorViewModelTest.SEED, PolicyEditorViewModelTest.SEED,
                new PolicyEditorViewModel.PullTarget(PolicyEditorViewModelTest.ROLE,
                        "arn:aws:ecr:us-west-2:682844965773:repository/retail-sample-app-ui", "retail-sample-app-ui:0.4.0",
                        List.of(readOnly)), new StatementSummary(i18n)::summarize);
        view = new PolicyEditorView(vm, i18n);
        Scene scene = new Scene(view.root(), 1400, 800);
        scene.getStylesheets().add(getClass().getResource("/dev/pullfix/app/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void flippingTheEffectInTheCardRewritesTheJsonAndTheVerdict(FxRobot robot) {
        Label verdict = robot.lookup("#pullVerdict").queryAs(Label.class);
        assertThat(verdict.getText()).startsWith("✘ node role").contains("cannot pull `retail-sample-app-ui:0.4.0`")
                .contains("new policy");
        robot.interact(() -> Snapshots.save(view.root(), "policy-editor-seed-deny"));
        robot.clickOn(robot.lookup("#allow-0").queryAs(RadioButton.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.proposedArea().getText()).contains("\"Effect\" : \"Allow\"");
        assertThat(verdict.getText()).startsWith("✔ node role").contains("can pull");
        assertThat(robot.lookup("#policySummary").lookup(".summary-line").queryAll())
                .anyMatch(n -> ((Label) n).getText().contains("Effect Deny → Allow"));
        robot.interact(() -> Snapshots.save(view.root(), "policy-editor-flipped"));
    }

    @Test
    void typingBrokenJsonShowsTheErrorAndKeepsTheCards(FxRobot robot) {
        robot.interact(() -> view.proposedArea().replaceText(PolicyEditorViewModelTest.SEED.replace("\"Sid\" :", "\"Sid\"")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#policyError").queryAs(Label.class).getText()).startsWith("Invalid at line 4");
        assertThat(robot.lookup("#deny-0").tryQuery()).isPresent();
        assertThat(robot.lookup("#pullVerdict").queryAs(Label.class).isVisible())
                .as("no verdict of the last valid text over broken JSON").isFalse();
        assertThat(robot.lookup("#policySummary").query().isVisible()).isFalse();
        robot.interact(() -> view.proposedArea().replaceText(PolicyEditorViewModelTest.SEED));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#pullVerdict").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#policyError").queryAs(Label.class).isVisible()).isFalse();
    }
}
