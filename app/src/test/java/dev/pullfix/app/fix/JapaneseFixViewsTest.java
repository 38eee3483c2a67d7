package dev.pullfix.app.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.app.policy.PolicyEditorViewModelTest;
import dev.pullfix.app.shell.PracticeLab;
import dev.pullfix.model.aws.InMemoryEcr;
import dev.pullfix.model.fix.AuditLog;
import dev.pullfix.model.fix.DryRun;
import dev.pullfix.model.fix.StateText;
import dev.pullfix.model.fix.aws.EcrPolicyPlan;
import dev.pullfix.model.text.Message;
import dev.pullfix.model.text.Texts;
import dev.pullfix.model.fix.BackupStore;
import dev.pullfix.model.fix.Outcome;
import dev.pullfix.model.fix.Preview;
import dev.pullfix.model.fix.WritePath;
import dev.pullfix.model.policy.ManagedPolicies;
import dev.pullfix.model.policy.NamedPolicy;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The policy fix and the lab picker in Japanese show no English (issue 14): the lab dialog's buttons, the statement
 * cards' labels, the local dry-run's detail, the confirmation and the undo's title, the write's outcome. Before:
 * "Cancel", "Effect", "Principal (AWS)", "checked locally by Pullfix (ECR offers no dry-run)…", "Undo: put back…",
 * "Written and verified." in a Japanese window.
 */
@ExtendWith(ApplicationExtension.class)
class JapaneseFixViewsTest {
    /** Words that stay as they are in a Japanese window: product names, the policy language, abbreviations. */
    static final Set<String> KEPT = Set.of("Pullfix", "ECR", "AWS", "IAM", "API", "JSON", "Pod", "OK", "Sid",
            "NotAction", "Allow", "Deny", "kubelet", "lint");
    static final Pattern WORD = Pattern.compile("[A-Za-z]{3,}");

    final I18n ja = new I18n(Locale.JAPANESE);
    final InMemoryEcr repo = new InMemoryEcr(PolicyEditorViewModelTest.SEED);
    final List<Dialog<ButtonType>> dialogs = new ArrayList<>();
    PolicyFixWindow window;

    @Start
    void start(Stage stage) throws Exception {
        var data = Files.createTempDirectory("pullfix-ja");
        NamedPolicy readOnly = ManagedPolicies.all().stream()
                .filter(m -> m.name().equals("AmazonEC2ContainerRegistryReadOnly"))
                .map(m -> NamedPolicy.identity(m.arn(), m.document())).findFirst().orElseThrow();
        FxFixDialogs fx = new FxFixDialogs(ja, null);
        FixDialogs recording = new FixDialogs() {
            @Override
            public boolean confirm(Preview p) {
                return dialogs.add(fx.build(p));
            }

            @Override
            public boolean confirmUndo(Preview p) {
                return dialogs.add(fx.buildUndo(p));
            }
        };
        // the plan as the model's FixPlanner makes it in Japanese: its dry-run detail rendered in the window's language
        Texts jaTexts = new Texts(Locale.JAPANESE);
        PolicyFixWindow.PolicyPlans plans = text -> new EcrPolicyPlan(repo, repo, "682844965773", "us-west-2",
                "retail-sample-app-ui", StateText.of(text), "retail-sample-app-ui",
                (current, proposed) -> DryRun.passed(jaTexts.render(Message.of("fix", "dryRun.ecrCheckedLocally"))));
        window = new PolicyFixWindow(ja, TaskRunner.synchronous(), new WritePath(new BackupStore(data),
                new AuditLog(data), Clock.systemUTC(), "tester", false), recording, plans,
                new PolicyFixWindow.Repository("682844965773", "us-west-2", "retail-sample-app-ui",
                        "retail-sample-app-ui:0.4.0"), PolicyEditorViewModelTest.SEED,
                PolicyFixWindowTest.modelProposal(), PolicyEditorViewModelTest.ROLE, List.of(readOnly), line -> { });
        stage.setScene(new Scene(window.root(), 1400, 850));
        stage.show();
    }

    @Test
    void writingAndUndoingAPolicyFixInJapaneseShowsNoEnglish(FxRobot robot) {
        List<String> english = new ArrayList<>();
        robot.interact(() -> window.root().lookupAll(".statement-card").forEach(card ->
                texts(((TitledPane) card).getContent()).forEach(t -> check("statement card", t, english))));

        robot.clickOn("#policyWrite");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.fix().outcomeProperty().get().status()).isEqualTo(Outcome.Status.APPLIED);
        check("message after the write", robot.lookup("#policyFixMessage").queryAs(Label.class).getText(), english);

        robot.clickOn("#policyUndo");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs).hasSize(2);
        for (Dialog<ButtonType> d : dialogs) {
            check("dialog title", d.getTitle(), english);
            check("dialog header", d.getHeaderText(), english);
            robot.interact(() -> {
                texts(d.getDialogPane().getContent()).forEach(t -> check("dialog", t, english));
                d.getDialogPane().getButtonTypes().forEach(b -> check("dialog button", b.getText(), english));
            });
        }
        check("message after the undo", robot.lookup("#policyFixMessage").queryAs(Label.class).getText(), english);

        robot.interact(() -> new PracticeLab(TaskRunner.synchronous(), () -> ja, () -> null, b -> { }, s -> { })
                .dialog(ja, List.of("S1")).getDialogPane().getButtonTypes()
                .forEach(b -> check("lab dialog button", b.getText(), english)));

        assertThat(english).as("English in the Japanese window").isEmpty();
    }

    /** The texts of the labels under a node, not of text fields or code areas (what the user typed or reads as JSON). */
    static List<String> texts(Node n) {
        List<String> out = new ArrayList<>();
        if (n instanceof TextInputControl || n.getClass().getName().startsWith("org.fxmisc.")) {
            return out;
        }
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> out.addAll(texts(c)));
        }
        return out;
    }

    /** Records English words in {@code text}: words of Latin letters outside names, ARNs, actions and code. */
    static void check(String where, String text, List<String> english) {
        if (text == null) {
            return;
        }
        String plain = Arrays.stream(text.split("\\s+"))
                .filter(tok -> !tok.matches(".*[:/`_@{}\\[\\]\"*.\\-].*[A-Za-z].*|.*[A-Za-z].*[:/`_@{}\\[\\]\"*\\-].*"))
                .reduce("", (a, b) -> a + " " + b);
        Matcher m = WORD.matcher(plain);
        while (m.find()) {
            if (!KEPT.contains(m.group())) {
                english.add(where + ": \"" + text + "\" (" + m.group() + ")");
                return;
            }
        }
    }
}
