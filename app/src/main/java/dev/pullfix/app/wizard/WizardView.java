package dev.pullfix.app.wizard;

import dev.pullfix.app.common.I18n;
import dev.pullfix.app.controls.FxLayout;
import dev.pullfix.app.controls.Texts;
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
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The wizard pane: the pod's title, the cause banner and the fix buttons (wrapped, never cut), a vertical stepper
 * ({@link StepView}) that scrolls vertically only, and Back / Next / Run all / Cancel underneath. Nothing in it is
 * wider than the pane, so the split pane keeps its divider. Rebuilt only when the step list or focus changes.
 */
public final class WizardView {
    private final WizardViewModel vm;
    private final I18n i18n;
    private final StepView steps;
    private final BorderPane root = new BorderPane();
    private final Label title = Texts.full(new Label());
    private final Label hint = Texts.wrapping("");
    private final VBox stepper = new VBox(4);
    private final ScrollPane scroll = new ScrollPane(stepper);
    private final Label conclusion = Texts.full(new Label());
    private final Button back = new Button();
    private final Button next = new Button();
    private final Button runAll = new Button();
    private final Button cancel = new Button();
    private final VBox fixBar = new VBox(6);

    public WizardView(WizardViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.steps = new StepView(vm, i18n);
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
        root.setMinWidth(0);
        title.getStyleClass().add("title");
        title.setId("wizardTitle");
        conclusion.setId("wizardConclusion");
        conclusion.getStyleClass().add("conclusion");
        conclusion.setGraphic(new FontIcon(Material2AL.ERROR));
        back.setId("wizardBack");
        back.setText(i18n.t("wizard.back"));
        back.setGraphic(new FontIcon(Material2AL.ARROW_BACK));
        next.setId("wizardNext");
        next.setText(i18n.t("wizard.next"));
        next.setGraphic(new FontIcon(Material2AL.ARROW_FORWARD));
        runAll.setId("wizardRunAll");
        runAll.setText(i18n.t("wizard.runAll"));
        runAll.setGraphic(new FontIcon(Material2MZ.PLAY_ARROW));
        cancel.setId("wizardCancel");
        cancel.setText(i18n.t("wizard.cancel"));
        for (Button b : new Button[] {back, next, runAll, cancel}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        stepper.setId("wizardSteps");
        stepper.setMinWidth(0);
        fixBar.setId("wizardFixes");
    }

    private void layoutParts() {
        Label written = Texts.full(new Label());
        written.setId("wizardAfterFix");
        written.textProperty().bind(vm.afterFixProperty().orElse(""));
        Button again = new Button(i18n.t("wizard.diagnoseAgain"), new FontIcon(Material2MZ.REFRESH));
        again.setId("wizardDiagnoseAgain");
        again.setMinWidth(Region.USE_PREF_SIZE);
        again.setOnAction(e -> vm.diagnoseAgain());
        HBox.setHgrow(written, Priority.ALWAYS);
        HBox afterFix = new HBox(10, written, again);
        afterFix.setAlignment(Pos.CENTER_LEFT);
        afterFix.getStyleClass().add("after-fix");
        afterFix.visibleProperty().bind(vm.afterFixProperty().isNotNull());
        afterFix.managedProperty().bind(afterFix.visibleProperty());
        VBox header = new VBox(8, title, hint, conclusion, fixBar, afterFix);
        header.setPadding(new Insets(12, 16, 8, 16));
        header.setMinWidth(0);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setMinWidth(0);
        stepper.setPadding(new Insets(4, 16, 8, 16));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setMinSize(18, 18);
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
        vm.runningProperty().addListener(rebuild);
        InvalidationListener fixes = o -> rebuildFixes();
        vm.fixes().addListener(fixes);
        vm.writesAllowedProperty().addListener(fixes);
        rebuildFixes();
    }

    private void rebuildFixes() {
        fixBar.getChildren().clear();
        if (vm.writesAllowedProperty().get()) {
            for (var offer : vm.fixes()) {
                if (!offer.proposal().writable()) {
                    continue;
                }
                Button b = Texts.full(new Button(offer.label(), new FontIcon(Material2AL.BUILD)));
                b.setMaxWidth(Region.USE_PREF_SIZE);
                b.setId("fix-" + offer.proposal().kind().name());
                b.getStyleClass().add("accent");
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
        hint.textProperty().bind(vm.unavailableProperty().orElse(i18n.t("wizard.hint")));
        hint.visibleProperty().bind(vm.podProperty().isNull().or(vm.unavailableProperty().isNotNull()));
        hint.managedProperty().bind(hint.visibleProperty());
        conclusion.textProperty().bind(vm.conclusionProperty().map(c -> i18n.t("wizard.conclusion", c)).orElse(""));
        conclusion.visibleProperty().bind(vm.conclusionProperty().isNotNull());
        conclusion.managedProperty().bind(conclusion.visibleProperty());
    }

    private void rebuild() {
        stepper.getChildren().clear();
        int cur = vm.currentProperty().get();
        Node open = null;
        for (int i = 0; i < vm.steps().size(); i++) {
            Node box = steps.build(vm.steps().get(i), i, i == cur, i == vm.steps().size() - 1 && !vm.runningProperty().get());
            stepper.getChildren().add(box);
            if (i == cur) {
                open = box;
            }
        }
        if (vm.runningProperty().get()) {
            ProgressIndicator spin = new ProgressIndicator();
            spin.setPrefSize(16, 16);
            Label checking = Texts.wrapping(i18n.t("wizard.checking"), "muted");
            checking.setGraphic(spin);
            checking.setId("wizardChecking");
            stepper.getChildren().add(checking);
        }
        if (open != null) {
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
}
