package dev.pullfix.app.wizard;

import dev.pullfix.app.common.I18n;
import dev.pullfix.app.controls.Texts;
import dev.pullfix.app.wizard.WizardViewModel.StepState;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * One step of the stepper: a numbered badge, the title (wrapped, never cut) with the verdict's icon, and when closed
 * its one-line summary (ellipsized, whole in a tooltip); when open, the explanation, the equivalent command with
 * Copy, the verdict in full and the evidence.
 */
final class StepView {
    private final WizardViewModel vm;
    private final I18n i18n;
    private final EvidenceView evidence;

    StepView(WizardViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.evidence = new EvidenceView(i18n);
    }

    Node build(StepState s, int index, boolean open, boolean last) {
        Label badge = new Label(String.valueOf(s.step().number()));
        badge.getStyleClass().add("step-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        FontIcon state = new FontIcon();
        state.getStyleClass().add("step-state");
        Label title = Texts.full(new Label(s.step().title(), state));
        title.getStyleClass().add("step-title");
        title.setContentDisplay(ContentDisplay.RIGHT);
        title.setGraphicTextGap(8);
        Label oneLine = Texts.oneLine(new Label(), i18n);
        oneLine.getStyleClass().add("step-summary");
        VBox titles = new VBox(2, title, oneLine);
        titles.setMinWidth(0);
        HBox.setHgrow(titles, Priority.ALWAYS);
        HBox head = new HBox(10, badge, titles);
        head.setAlignment(Pos.TOP_LEFT);
        head.getStyleClass().add("step-head");
        head.setOnMouseClicked(e -> vm.goTo(index));
        VBox box = new VBox(6, head);
        box.getStyleClass().addAll("step", open ? "step-open" : "step-closed");
        box.setId("step-" + s.step().number());
        box.setMinWidth(0);
        if (open) {
            box.getChildren().add(body(s));
        }
        Runnable paintHead = () -> {
            StepResult r = s.resultProperty().get();
            WizardViewModel.Status st = s.statusProperty().get();
            state.setIconCode(st == WizardViewModel.Status.RUNNING ? Material2MZ.PENDING
                    : r == null ? Material2MZ.RADIO_BUTTON_UNCHECKED : switch (r.verdict()) {
                        case OK -> Material2AL.CHECK_CIRCLE;
                        case PROBLEM -> Material2AL.ERROR;
                        case INFO -> Material2AL.INFO;
                        case COULD_NOT_CHECK -> Material2AL.HELP;
                        case SKIPPED -> Material2MZ.REMOVE_CIRCLE_OUTLINE;
                        case PENDING -> Material2MZ.SCHEDULE;
                    });
            state.getStyleClass().setAll("step-state", r == null ? "pending" : r.verdict().name().toLowerCase());
            oneLine.setText(open || r == null ? "" : r.summary());
            oneLine.setVisible(!oneLine.getText().isEmpty());
            oneLine.setManaged(oneLine.isVisible());
        };
        s.resultProperty().addListener(o -> paintHead.run());
        s.statusProperty().addListener(o -> paintHead.run());
        paintHead.run();
        if (!last) {
            Region line = new Region();
            line.getStyleClass().add("step-line");
            box.getChildren().add(line);
        }
        return box;
    }

    private Node body(StepState s) {
        Label explain = Texts.wrapping(s.step().explanation());
        Label cmd = Texts.wrapping(s.step().command(), "command");
        cmd.setId("stepCommand");
        Button copy = new Button(i18n.t("action.copy"), new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId("copyCommand");
        copy.getStyleClass().add("small");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> vm.copyCommand(s));
        HBox.setHgrow(cmd, Priority.ALWAYS);
        HBox cmdLine = new HBox(8, cmd, copy);
        cmdLine.setAlignment(Pos.CENTER_LEFT);
        Label verdict = Texts.full(new Label());
        verdict.setId("stepVerdict");
        VBox proof = new VBox(6);
        VBox body = new VBox(8, explain, Texts.wrapping(i18n.t("wizard.command")), cmdLine, verdict, proof);
        body.setPadding(new Insets(0, 0, 4, 36));
        body.setMinWidth(0);
        Runnable paint = () -> {
            StepResult r = s.resultProperty().get();
            proof.getChildren().clear();
            if (r == null) {
                verdict.setText(s.statusProperty().get() == WizardViewModel.Status.RUNNING
                        ? i18n.t("wizard.running") : i18n.t("wizard.pending"));
                verdict.getStyleClass().setAll("label", "step-verdict", Texts.FULL_TEXT);
                return;
            }
            verdict.setText(verdictText(r));
            verdict.getStyleClass().setAll("label", "step-verdict", Texts.FULL_TEXT,
                    "step-verdict-" + r.verdict().name().toLowerCase());
            Node ev = evidence.of(r.evidence());
            if (ev != null) {
                proof.getChildren().addAll(Texts.wrapping(i18n.t("wizard.evidence")), ev);
            }
        };
        s.resultProperty().addListener(o -> paint.run());
        s.statusProperty().addListener(o -> paint.run());
        paint.run();
        return body;
    }

    private String verdictText(StepResult r) {
        String label = i18n.t("verdict." + r.verdict().name());
        // the runbook texts of "could not check" already start with it
        String text = r.summary() != null && r.summary().startsWith(label) ? r.summary() : label + ": " + r.summary();
        if (r.missingPermission() != null) {
            text += "\n" + i18n.t("wizard.missingPermission", r.missingPermission());
        }
        return text;
    }
}
