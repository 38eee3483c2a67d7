package dev.pullfix.app.wizard;

import dev.pullfix.app.common.I18n;
import dev.pullfix.app.events.EventsTable;
import dev.pullfix.app.controls.FxLayout;
import dev.pullfix.app.controls.JsonCodeArea;
import dev.pullfix.app.wizard.WizardViewModel.StepState;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The wizard pane: a vertical stepper (numbered badges joined in a column), the focused step opened with its
 * explanation, equivalent command (copy button), evidence (events table, highlighted JSON, statements) and
 * verdict; Back / Next / Run all / Cancel underneath. Rebuilt only when the step list or focus changes.
 */
public final class WizardView {
    private final WizardViewModel vm;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final Label title = new Label();
    private final Label hint = new Label();
    private final VBox stepper = new VBox(4);
    private ScrollPane scroll;
    private final Label conclusion = new Label();
    private final Button back = new Button();
    private final Button next = new Button();
    private final Button runAll = new Button();
    private final Button cancel = new Button();
    private final javafx.scene.layout.FlowPane fixBar = new javafx.scene.layout.FlowPane(8, 6);

    public WizardView(WizardViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        initializeParts();
        layoutParts();
        setupListeners();
        setupBindings();
        rebuild();
    }

    public BorderPane root() {
        return root;
    }

    private void initializeParts() {
        root.setId("wizard");
        title.getStyleClass().add("title");
        title.setId("wizardTitle");
        hint.setWrapText(true);
        hint.setText(i18n.t("wizard.hint"));
        conclusion.setId("wizardConclusion");
        conclusion.setWrapText(true);
        conclusion.getStyleClass().add("conclusion");
        back.setId("wizardBack");
        back.setText(i18n.t("wizard.back"));
        back.setGraphic(new FontIcon(Material2AL.ARROW_BACK));
        next.setId("wizardNext");
        next.setText(i18n.t("wizard.next"));
        next.setGraphic(new FontIcon(Material2AL.ARROW_FORWARD));
        next.setDefaultButton(false);
        runAll.setId("wizardRunAll");
        runAll.setText(i18n.t("wizard.runAll"));
        runAll.setGraphic(new FontIcon(Material2MZ.PLAY_ARROW));
        cancel.setId("wizardCancel");
        cancel.setText(i18n.t("wizard.cancel"));
        stepper.setId("wizardSteps");
        stepper.setPadding(new Insets(4, 8, 8, 0));
    }

    private void layoutParts() {
        fixBar.setId("wizardFixes");
        Label written = new Label();
        written.setId("wizardAfterFix");
        written.setWrapText(true);
        written.textProperty().bind(vm.afterFixProperty().orElse(""));
        Button again = new Button(i18n.t("wizard.diagnoseAgain"), new FontIcon(Material2MZ.REFRESH));
        again.setId("wizardDiagnoseAgain");
        again.setOnAction(e -> vm.diagnoseAgain());
        HBox afterFix = new HBox(10, written, again);
        afterFix.setAlignment(Pos.CENTER_LEFT);
        afterFix.getStyleClass().add("after-fix");
        afterFix.visibleProperty().bind(vm.afterFixProperty().isNotNull());
        afterFix.managedProperty().bind(afterFix.visibleProperty());
        VBox header = new VBox(6, title, hint, conclusion, fixBar, afterFix);
        header.setPadding(new Insets(12, 16, 8, 16));
        scroll = new ScrollPane(stepper);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        stepper.setPadding(new Insets(4, 16, 8, 16));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.runningProperty());
        HBox buttons = new HBox(8, busy, cancel, spacer, back, next, runAll);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(8, 16, 10, 16));
        root.setTop(header);
        root.setCenter(scroll);
        root.setBottom(buttons);
    }

    private void setupListeners() {
        back.setOnAction(e -> vm.back());
        next.setOnAction(e -> vm.next());
        runAll.setOnAction(e -> vm.runAll());
        cancel.setOnAction(e -> vm.cancel());
        InvalidationListener rebuild = o -> rebuild();
        vm.steps().addListener(rebuild);
        vm.currentProperty().addListener(rebuild);
        InvalidationListener fixes = o -> rebuildFixes();
        vm.fixes().addListener(fixes);
        vm.writesAllowedProperty().addListener(fixes);
        rebuildFixes();
    }

    private void rebuildFixes() {
        fixBar.getChildren().clear();
        if (vm.writesAllowedProperty().get()) {
            for (var offer : vm.fixes()) {
                if (offer.proposal().kind() == dev.pullfix.model.diagnosis.runbook.FixKind.MANUAL) {
                    continue;
                }
                Button b = new Button(offer.label(), new FontIcon(Material2AL.BUILD));
                b.setId("fix-" + offer.proposal().kind().name());
                b.getStyleClass().add("accent");
                b.setWrapText(true);
                b.setOnAction(e -> vm.startFix(offer));
                fixBar.getChildren().add(b);
            }
        }
        fixBar.setVisible(!fixBar.getChildren().isEmpty());
        fixBar.setManaged(fixBar.isVisible());
    }

    private void setupBindings() {
        back.disableProperty().bind(vm.canBackProperty().not());
        next.disableProperty().bind(vm.canNextProperty().not());
        runAll.disableProperty().bind(vm.runningProperty().or(vm.currentProperty().lessThan(0)));
        cancel.visibleProperty().bind(vm.runningProperty());
        title.textProperty().bind(vm.podProperty().map(p -> i18n.t("wizard.titleFor", p.namespace(), p.name()))
                .orElse(i18n.t("wizard.title")));
        hint.visibleProperty().bind(vm.podProperty().isNull());
        hint.managedProperty().bind(hint.visibleProperty());
        conclusion.textProperty().bind(vm.conclusionProperty().map(r -> i18n.t("wizard.conclusion", r.summary()))
                .orElse(""));
        conclusion.visibleProperty().bind(vm.conclusionProperty().isNotNull());
        conclusion.managedProperty().bind(conclusion.visibleProperty());
    }

    private void rebuild() {
        stepper.getChildren().clear();
        int cur = vm.currentProperty().get();
        Node open = null;
        for (int i = 0; i < vm.steps().size(); i++) {
            Node box = stepBox(vm.steps().get(i), i, i == cur, i == vm.steps().size() - 1);
            stepper.getChildren().add(box);
            if (i == cur) {
                open = box;
            }
        }
        if (open != null && scroll != null) {
            Node target = open;
            // after the next layout pass: bring the open step (its verdict and evidence) into view
            FxLayout.afterNextLayout(scroll, () -> {
                double range = stepper.getHeight() - scroll.getViewportBounds().getHeight();
                if (range > 0) {
                    double y = target.getBoundsInParent().getMinY() - 8;
                    scroll.setVvalue(Math.max(0, Math.min(1, y / range)));
                }
            });
        }
    }

    private Node stepBox(StepState s, int index, boolean open, boolean last) {
        Label badge = new Label(String.valueOf(s.step().number()));
        badge.getStyleClass().add("step-badge");
        Label name = new Label(s.step().title());
        name.getStyleClass().add("step-title");
        name.setMinWidth(Region.USE_PREF_SIZE);
        FontIcon state = new FontIcon();
        state.getStyleClass().add("step-state");
        Label oneLine = new Label();
        oneLine.getStyleClass().add("step-summary");
        oneLine.setWrapText(false);
        oneLine.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(oneLine, Priority.ALWAYS);
        HBox head = new HBox(10, badge, name, state, oneLine);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("step-head");
        head.setOnMouseClicked(e -> vm.goTo(index));
        VBox box = new VBox(6, head);
        box.getStyleClass().addAll("step", open ? "step-open" : "step-closed");
        box.setId("step-" + s.step().number());
        VBox body = new VBox(8);
        body.setPadding(new Insets(0, 0, 4, 38));
        if (open) {
            Label explain = new Label(s.step().explanation());
            explain.setWrapText(true);
            Label cmd = new Label(s.step().command());
            cmd.getStyleClass().add("command");
            cmd.setId("stepCommand");
            Button copy = new Button(i18n.t("wizard.copy"), new FontIcon(Material2AL.CONTENT_COPY));
            copy.setId("copyCommand");
            copy.getStyleClass().add("small");
            copy.setOnAction(e -> vm.copyCommand(s));
            copy.setMinWidth(Region.USE_PREF_SIZE);
            cmd.setWrapText(true);
            cmd.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(cmd, Priority.ALWAYS);
            HBox cmdLine = new HBox(8, cmd, copy);
            cmdLine.setAlignment(Pos.CENTER_LEFT);
            VBox evidence = new VBox(6);
            Label verdict = new Label();
            verdict.setId("stepVerdict");
            verdict.setWrapText(true);
            verdict.getStyleClass().add("step-verdict");
            body.getChildren().addAll(explain, new Label(i18n.t("wizard.command")), cmdLine, verdict, evidence);
            box.getChildren().add(body);
            Runnable paintOpen = () -> {
                StepResult r = s.resultProperty().get();
                evidence.getChildren().clear();
                if (r == null) {
                    verdict.setText(s.statusProperty().get() == WizardViewModel.Status.RUNNING
                            ? i18n.t("wizard.running") : i18n.t("wizard.pending"));
                    verdict.getStyleClass().setAll("label", "step-verdict");
                    return;
                }
                verdict.setText(verdictText(r));
                verdict.getStyleClass().setAll("label", "step-verdict", "step-verdict-" + r.verdict().name().toLowerCase());
                Node ev = evidenceNode(r.evidence());
                if (ev != null) {
                    evidence.getChildren().addAll(new Label(i18n.t("wizard.evidence")), ev);
                }
            };
            s.resultProperty().addListener(o -> paintOpen.run());
            s.statusProperty().addListener(o -> paintOpen.run());
            paintOpen.run();
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

    private static Node table(StepResult.Table t) {
        javafx.scene.control.TableView<java.util.List<String>> table = new javafx.scene.control.TableView<>();
        table.setId("evidenceTable");
        for (int i = 0; i < t.columns().size(); i++) {
            int col = i;
            javafx.scene.control.TableColumn<java.util.List<String>, String> c =
                    new javafx.scene.control.TableColumn<>(t.columns().get(i));
            c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyStringWrapper(
                    col < cd.getValue().size() ? cd.getValue().get(col) : ""));
            int longest = t.columns().get(i).length();
            for (var row : t.rows()) {
                longest = Math.max(longest, col < row.size() && row.get(col) != null ? row.get(col).length() : 0);
            }
            // size each column to its text (the last one, usually the message, takes the rest and scrolls)
            c.setPrefWidth(i == t.columns().size() - 1 ? Math.max(300, Math.min(1400, 7.5 * longest + 24))
                    : Math.max(60, Math.min(260, 7.5 * longest + 24)));
            table.getColumns().add(c);
        }
        table.getItems().setAll(t.rows());
        table.setPrefHeight(Math.min(260, 34 + 26 * Math.max(1, t.rows().size())));
        return table;
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

    private Node evidenceNode(StepResult.Evidence e) {
        if (e instanceof StepResult.Events ev) {
            EventsTable t = EventsTable.of(i18n, ev.events());
            t.setPrefHeight(Math.min(260, 34 + 26 * Math.max(1, ev.events().size())));
            t.setId("evidenceEvents");
            return t;
        }
        if (e instanceof StepResult.Json j) {
            JsonCodeArea area = new JsonCodeArea(false);
            area.setJson(j.json());
            VirtualizedScrollPane<JsonCodeArea> sp = new VirtualizedScrollPane<>(area);
            sp.setPrefHeight(Math.min(300, 20 + 18 * j.json().lines().count()));
            sp.setId("evidenceJson");
            return sp;
        }
        if (e instanceof StepResult.Table t) {
            return table(t);
        }
        if (e instanceof StepResult.Labeled l) {
            Node inner = evidenceNode(l.inner());
            if (inner == null) {
                return null;
            }
            Label cap = new Label(l.label());
            cap.getStyleClass().add("evidence-label");
            return new VBox(4, cap, inner);
        }
        if (e instanceof StepResult.Group g) {
            VBox all = new VBox(10);
            for (StepResult.Evidence part : g.parts()) {
                Node n = evidenceNode(part);
                if (n != null) {
                    all.getChildren().add(n);
                }
            }
            return all;
        }
        if (e instanceof StepResult.Statements st) {
            VBox lines = new VBox(4);
            lines.setId("evidenceStatements");
            for (String l : st.lines()) {
                Label line = new Label("•  " + l);
                line.setWrapText(true);
                lines.getChildren().add(line);
            }
            return lines;
        }
        return null;
    }
}
