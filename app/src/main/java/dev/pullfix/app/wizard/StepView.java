package dev.pullfix.app.wizard;

import dev.pullfix.app.common.I18n;
import dev.pullfix.app.controls.Texts;
import dev.pullfix.app.wizard.WizardViewModel.Step;
import dev.pullfix.model.diagnosis.runbook.StepResult;
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
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * One step of the stepper, rendered from the model's step result: a numbered badge, the title (wrapped, never cut)
 * with the verdict's icon, and when closed its one-line summary (ellipsized, whole in a tooltip); when open, the
 * explanation, the equivalent commands with Copy, the verdict in full and the evidence.
 */
final class StepView {
    private final WizardViewModel vm;
    private final I18n i18n;
    private final DiagnosisText text;
    private final EvidenceView evidence;

    StepView(WizardViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.text = vm.text();
        this.evidence = new EvidenceView(text, i18n);
    }

    Node build(Step s, int index, boolean open, boolean last) {
        StepResult r = s.result();
        Label badge = new Label(String.valueOf(s.number()));
        badge.getStyleClass().add("step-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        FontIcon state = new FontIcon(icon(r));
        state.getStyleClass().addAll("step-state", r.verdict().name().toLowerCase());
        Label title = Texts.full(new Label(text.title(s.number(), r), state));
        title.getStyleClass().add("step-title");
        title.setContentDisplay(ContentDisplay.RIGHT);
        title.setGraphicTextGap(8);
        VBox titles = new VBox(2, title);
        if (!open) {
            String summary = text.summary(r);
            if (!summary.isEmpty()) {
                titles.getChildren().add(Texts.oneLine(summary, i18n, "step-summary"));
            }
        }
        titles.setMinWidth(0);
        HBox.setHgrow(titles, Priority.ALWAYS);
        HBox head = new HBox(10, badge, titles);
        head.setAlignment(Pos.TOP_LEFT);
        head.getStyleClass().add("step-head");
        head.setOnMouseClicked(e -> vm.goTo(index));
        VBox box = new VBox(6, head);
        box.getStyleClass().addAll("step", open ? "step-open" : "step-closed");
        box.setId("step-" + s.number());
        box.setMinWidth(0);
        if (open) {
            box.getChildren().add(body(s));
        }
        if (!last) {
            Region line = new Region();
            line.getStyleClass().add("step-line");
            box.getChildren().add(line);
        }
        return box;
    }

    private static Ikon icon(StepResult r) {
        return switch (r.verdict()) {
            case OK -> Material2AL.CHECK_CIRCLE;
            case PROBLEM -> Material2AL.ERROR;
            case COULD_NOT_CHECK -> Material2AL.HELP;
            case SKIPPED -> Material2MZ.REMOVE_CIRCLE_OUTLINE;
            case PENDING -> Material2MZ.SCHEDULE;
        };
    }

    private Node body(Step s) {
        StepResult r = s.result();
        Label explain = Texts.wrapping(text.explanation(r));
        Label cmd = Texts.wrapping(text.commands(r), "command");
        cmd.setId("stepCommand");
        Button copy = new Button(i18n.t("action.copy"), new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId("copyCommand");
        copy.getStyleClass().add("small");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> vm.copyCommand(s));
        HBox.setHgrow(cmd, Priority.ALWAYS);
        HBox cmdLine = new HBox(8, cmd, copy);
        cmdLine.setAlignment(Pos.CENTER_LEFT);
        Label verdict = Texts.full(new Label(text.verdict(r)));
        verdict.setId("stepVerdict");
        verdict.getStyleClass().addAll("step-verdict", "step-verdict-" + r.verdict().name().toLowerCase());
        VBox body = new VBox(8, explain);
        if (!r.commands().isEmpty()) {
            body.getChildren().addAll(Texts.wrapping(i18n.t("wizard.command")), cmdLine);
        }
        body.getChildren().add(verdict);
        if (r.verdict() == dev.pullfix.model.diagnosis.runbook.Verdict.PENDING) {
            // a step that waits for the fix: run it now (the walk again, with the "after the fix" steps)
            Button run = new Button(i18n.t("wizard.runStep"), new FontIcon(Material2MZ.PLAY_ARROW));
            run.setId("runStep-" + s.number());
            run.setMinWidth(Region.USE_PREF_SIZE);
            run.disableProperty().bind(vm.runningProperty());
            run.setOnAction(e -> vm.runStep(s));
            body.getChildren().add(run);
        }
        Node proof = evidence.of(r.outcome().evidence());
        if (proof != null) {
            body.getChildren().addAll(Texts.wrapping(i18n.t("wizard.evidence")), proof);
        }
        body.setPadding(new Insets(0, 0, 4, 36));
        body.setMinWidth(0);
        return body;
    }
}
