package dev.pullfix.app.fix;

import dev.pullfix.app.policy.PolicyEditorView;
import dev.pullfix.app.policy.PolicyEditorViewModel;
import dev.pullfix.app.policy.StatementSummary;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.model.fix.FixException;
import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.fix.WritePath;
import dev.pullfix.model.policy.NamedPolicy;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The ECR repository policy fix: the editor opened on Pullfix's minimal proposal (the node role regains the
 * pull actions, nobody gains anything else), then "Review and write…": the model's fix planner turns the edited text
 * into the plan (its local check stands in for ECR's missing dry-run), which goes through the one write path
 * (preview, dry-run, confirmation, re-read, backup, apply, verify, audit); and "Undo". Its window closes with Escape
 * or "Close", writing nothing.
 */
public final class PolicyFixWindow {
    private final BorderPane root = new BorderPane();
    private final PolicyEditorViewModel editor;
    private final FixViewModel fix;
    private final Button close;
    private boolean pendingWrite;

    /** The write plan for the edited policy text: the model's {@code FixPlanner}; blocking, called off the FX thread. */
    @FunctionalInterface
    public interface PolicyPlans {
        FixPlan plan(String policy) throws FixException;
    }

    /** The repository to fix and whose pull is judged. */
    public record Repository(String account, String region, String name, String imageLabel) {
        public String arn() {
            return "arn:aws:ecr:" + region + ":" + account + ":repository/" + name;
        }
    }

    /**
     * @param proposedPolicy the model's proposal for {@code currentPolicy} (the diagnosis' fix, as the report and the
     *                       command line show it), or null to start from the current policy
     */
    public PolicyFixWindow(I18n i18n, TaskRunner tasks, WritePath writePath, FixDialogs dialogs, PolicyPlans plans,
                           Repository repo, String currentPolicy, String proposedPolicy,
                           String nodeRoleArn, List<NamedPolicy> nodeRolePolicies, Consumer<String> activityLog) {
        String initial = proposedPolicy != null ? proposedPolicy : currentPolicy;
        editor = new PolicyEditorViewModel(currentPolicy, initial, new PolicyEditorViewModel.PullTarget(nodeRoleArn,
                repo.arn(), repo.imageLabel(), nodeRolePolicies), new StatementSummary(i18n)::summarize);
        fix = new FixViewModel(writePath, tasks, dialogs, activityLog, i18n);
        PolicyEditorView view = new PolicyEditorView(editor, i18n);

        Button write = new Button(i18n.t("policy.reviewAndWrite"));
        write.setId("policyWrite");
        write.setDefaultButton(false);
        write.setVisible(!fix.readOnly());
        write.setManaged(!fix.readOnly());
        Button undo = new Button(i18n.t("policy.undo"));
        undo.setId("policyUndo");
        undo.disableProperty().bind(fix.lastBackupProperty().isNull().or(fix.busyProperty()));
        undo.setVisible(!fix.readOnly());
        undo.setManaged(!fix.readOnly());
        Label message = new Label();
        message.setId("policyFixMessage");
        message.textProperty().bind(fix.messageProperty());
        close = new Button(i18n.t("dialog.close"));
        close.setId("policyClose");
        close.setCancelButton(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, message, spacer, undo, write, close);
        bar.setPadding(new Insets(8));
        root.setCenter(view.root());
        root.setBottom(bar);

        write.setOnAction(e -> {
            if (!editor.canApply()) {
                return;
            }
            pendingWrite = true;
            String text = editor.proposedProperty().get();
            fix.plan("plan the policy of " + repo.name(), () -> plans.plan(text));
        });
        // "Review and write…" asks for confirmation as soon as its fresh preview is there (once per click)
        fix.previewProperty().addListener((o, a, p) -> {
            if (p != null && pendingWrite) {
                pendingWrite = false;
                fix.apply();
            }
        });
        undo.setOnAction(e -> fix.undo());
        write.disableProperty().bind(fix.busyProperty().or(editor.errorProperty().isNotNull())); // nothing to write
    }

    public Parent root() {
        return root;
    }

    /**
     * The window of this fix, not shown: Escape and "Close" close it; in the theme of {@code owner} (its dark class), so
     * the app's looked-up colours follow the main window's theme.
     */
    public Stage window(String title, Window owner) {
        Stage stage = new Stage();
        stage.setTitle(title);
        Scene scene = new Scene(root, 1200, 760);
        scene.getStylesheets().add(PolicyFixWindow.class.getResource("/dev/pullfix/app/app.css").toExternalForm());
        if (owner != null && owner.getScene() != null && owner.getScene().getRoot().getStyleClass().contains("dark")) {
            root.getStyleClass().add("dark");
        }
        stage.setScene(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, k -> {
            if (k.getCode() == KeyCode.ESCAPE) {
                k.consume();
                stage.close();
            }
        });
        close.setOnAction(e -> stage.close());
        return stage;
    }

    public PolicyEditorViewModel editor() {
        return editor;
    }

    public FixViewModel fix() {
        return fix;
    }
}
