package dev.pullfix.app.policy;

import dev.pullfix.app.controls.JsonCodeArea;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.app.common.I18n;
import dev.pullfix.model.policy.EcrActions;
import dev.pullfix.model.policy.KubeletPull;
import dev.pullfix.model.policy.PolicyLint;
import dev.pullfix.model.policy.StatementRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;
import org.fxmisc.flowless.VirtualizedScrollPane;

/**
 * Current policy (left, read-only) and proposed policy (right, editable) side by side with synchronised
 * scrolling and changed lines marked; the statement cards (structural view) beside them; the summary and
 * the live verdict above; lint findings below. All state lives in {@link PolicyEditorViewModel}.
 */
public final class PolicyEditorView {
    private final PolicyEditorViewModel vm;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final JsonCodeArea left = new JsonCodeArea(false);
    private final JsonCodeArea right = new JsonCodeArea(true);
    private final VBox cards = new VBox(8);
    private final Label verdict = new Label();
    private final VBox summary = new VBox(2);
    private final Label errorLabel = new Label();
    private boolean cardsEditing;

    public PolicyEditorView(PolicyEditorViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        layout();
        listeners();
        refreshAll();
    }

    public Parent root() {
        return root;
    }

    public JsonCodeArea proposedArea() {
        return right;
    }

    private void layout() {
        root.setId("policyEditor");
        verdict.setId("pullVerdict");
        verdict.getStyleClass().add("verdict");
        verdict.setWrapText(true);
        summary.setId("policySummary");
        errorLabel.setId("policyError");
        errorLabel.getStyleClass().add("error-text");
        VBox top = new VBox(6, verdict, summary, errorLabel);
        top.setPadding(new Insets(8));
        root.setTop(top);

        left.setId("currentPolicy");
        right.setId("proposedPolicy");
        left.replaceText(vm.currentText());
        left.setWrapText(true);
        right.setWrapText(true);
        VirtualizedScrollPane<JsonCodeArea> ls = new VirtualizedScrollPane<>(left);
        VirtualizedScrollPane<JsonCodeArea> rs = new VirtualizedScrollPane<>(right);
        VBox leftBox = new VBox(new Label(i18n.t("policy.current")), ls);
        VBox rightBox = new VBox(new Label(i18n.t("policy.proposed")), rs);
        VBox.setVgrow(ls, Priority.ALWAYS);
        VBox.setVgrow(rs, Priority.ALWAYS);
        // synchronised scrolling: each pane follows the other's estimated offset
        left.estimatedScrollYProperty().addListener((o, a, b) -> follow(right, b));
        right.estimatedScrollYProperty().addListener((o, a, b) -> follow(left, b));

        cards.setId("statementCards");
        cards.setPadding(new Insets(6));
        Button add = new Button(i18n.t("policy.addStatement"));
        add.setId("addStatement");
        add.setOnAction(e -> vm.addStatement());
        ScrollPane cardScroll = new ScrollPane(new VBox(6, cards, add));
        cardScroll.setFitToWidth(true);

        SplitPane split = new SplitPane(leftBox, rightBox, cardScroll);
        split.setDividerPositions(0.36, 0.72);
        root.setCenter(split);

        ListView<PolicyLint.Finding> lint = new ListView<>(vm.findings());
        lint.setId("lintFindings");
        lint.setPrefHeight(110);
        lint.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PolicyLint.Finding f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().removeAll("lint-error", "lint-warning");
                if (empty || f == null) {
                    setText(null);
                    return;
                }
                getStyleClass().add(f.severity() == PolicyLint.Severity.ERROR ? "lint-error" : "lint-warning");
                String where = f.line() > 0 ? " (" + f.line() + ":" + f.column() + ")" : "";
                setText(i18n.t("policy.lint.severity." + f.severity()) + "  " + i18n.text("policy", f.code(),
                        f.args().toArray()) + where);
            }
        });
        Label clean = new Label(i18n.t("policy.lint.clean"));
        clean.setId("lintClean");
        clean.getStyleClass().add("lint-clean");
        lint.setPlaceholder(clean); // a clean policy says so instead of an unlabelled empty box
        Label lintTitle = new Label(i18n.t("policy.lint.title"));
        lintTitle.getStyleClass().add("lint-title");
        VBox lintPanel = new VBox(2, lintTitle, lint);
        lintPanel.setId("lintPanel");
        lintPanel.setPadding(new Insets(4, 6, 6, 6));
        root.setBottom(lintPanel);
    }

    private static void follow(JsonCodeArea area, double y) {
        if (Math.abs(area.getEstimatedScrollY() - y) > 0.5) {
            area.estimatedScrollYProperty().setValue(y);
        }
    }

    private void listeners() {
        right.replaceText(vm.proposedProperty().get());
        right.textProperty().addListener((o, a, b) -> {
            if (!b.equals(vm.proposedProperty().get())) {
                vm.proposedProperty().set(b);
            }
        });
        vm.proposedProperty().addListener((o, a, b) -> {
            if (!b.equals(right.getText())) {
                right.setJson(b);
            }
            refreshAll();
        });
    }

    private void refreshAll() {
        var changed = vm.changedLinesProperty().get();
        left.markLines(changed.before(), "changed-line");
        right.markLines(changed.after(), "changed-line");
        var err = vm.errorProperty().get();
        right.markLines(err == null || err.line() < 1 ? Set.of() : Set.of(err.line() - 1), "error-line");
        errorLabel.setText(err == null ? "" : i18n.t("policy.errorAt", err.line(), err.column(), err.english()));
        // while the text is not valid JSON, the verdict and the summary (of the last valid text) are not shown: a green
        // "can pull" over a broken policy read as the broken policy's answer
        for (javafx.scene.Node n : new javafx.scene.Node[] {verdict, summary}) {
            n.setVisible(err == null);
            n.setManaged(err == null);
        }
        errorLabel.setVisible(err != null);
        errorLabel.setManaged(err != null);
        right.markLines(vm.decidingLinesProperty().get(), "deciding-line");
        summary.getChildren().setAll(vm.summary().stream().map(s -> {
            Label l = new Label("• " + s);
            l.getStyleClass().add("summary-line");
            return l;
        }).toList());
        renderVerdict();
        if (!cardsEditing) {
            renderCards();
        }
    }

    private void renderVerdict() {
        KubeletPull.PullVerdict v = vm.verdictProperty().get();
        verdict.getStyleClass().removeAll("verdict-yes", "verdict-no", "verdict-unknown");
        if (v == null || vm.target() == null) {
            verdict.setText("");
            return;
        }
        String role = PolicyEditorViewModel.roleArn(vm.target().principalArn());
        String deciding = v.decidingStatements().stream().map(this::describe).distinct()
                .reduce((a, b) -> a + ", " + b).orElse("-");
        String key = switch (v.verdict()) {
            case YES -> "policy.verdict.yes";
            case NO -> "policy.verdict.no";
            case UNKNOWN -> "policy.verdict.unknown";
        };
        verdict.getStyleClass().add("verdict-" + v.verdict().name().toLowerCase(java.util.Locale.ROOT));
        verdict.setText(i18n.t(key, role, vm.target().imageLabel(), deciding));
    }

    private String describe(StatementRef r) {
        String where = r.kind() == dev.pullfix.model.policy.PolicyKind.RESOURCE ? i18n.t("policy.repositoryPolicy")
                : r.policyName();
        return where + " › " + (r.sid() != null ? r.sid() : "#" + (r.index() + 1));
    }

    private void renderCards() {
        ObjectNode root = vm.structureProperty().get();
        List<TitledPane> panes = new ArrayList<>();
        JsonNode st = root == null ? null : root.get("Statement");
        List<JsonNode> statements = new ArrayList<>();
        if (st != null && st.isArray()) {
            st.forEach(statements::add);
        } else if (st != null && st.isObject()) {
            statements.add(st);
        }
        for (int i = 0; i < statements.size(); i++) {
            panes.add(card(i, statements.get(i)));
        }
        cards.getChildren().setAll(panes);
    }

    private TitledPane card(int index, JsonNode s) {
        String sid = s.path("Sid").asText("");
        TextField sidField = new TextField(sid);
        sidField.setId("sid-" + index);
        sidField.setOnAction(e -> editing(() -> vm.setSid(index, sidField.getText())));
        sidField.focusedProperty().addListener((o, a, focused) -> {
            if (!focused && !sidField.getText().equals(sid)) {
                editing(() -> vm.setSid(index, sidField.getText()));
            }
        });
        ToggleGroup effect = new ToggleGroup();
        RadioButton allow = new RadioButton("Allow");
        RadioButton deny = new RadioButton("Deny");
        allow.setId("allow-" + index);
        deny.setId("deny-" + index);
        allow.setToggleGroup(effect);
        deny.setToggleGroup(effect);
        ("Allow".equals(s.path("Effect").asText()) ? allow : deny).setSelected(true);
        effect.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.setEffect(index, b == allow ? "Allow" : "Deny");
            }
        });
        TextArea principals = new TextArea(String.join("\n", texts(s.path("Principal").path("AWS"))));
        principals.setId("principals-" + index);
        principals.setPrefRowCount(2);
        principals.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                List<String> p = principals.getText().lines().map(String::strip).filter(x -> !x.isEmpty()).toList();
                if (!p.equals(texts(s.path("Principal").path("AWS")))) {
                    editing(() -> vm.setAwsPrincipals(index, p));
                }
            }
        });
        List<String> current = texts(s.has("NotAction") ? s.get("NotAction") : s.path("Action"));
        Set<String> choices = new LinkedHashSet<>(current);
        choices.add("ecr:*");
        EcrActions.all().forEach(a -> choices.add(a.qualified()));
        CheckComboBox<String> actions = new CheckComboBox<>();
        actions.setId("actions-" + index);
        actions.getItems().setAll(new TreeSet<>(choices));
        current.forEach(a -> actions.getCheckModel().check(a));
        actions.getCheckModel().getCheckedItems().addListener((javafx.collections.ListChangeListener<String>) c ->
                vm.setActions(index, List.copyOf(actions.getCheckModel().getCheckedItems())));
        actions.setMaxWidth(Double.MAX_VALUE);
        List<String> res = texts(s.path("Resource"));
        Label resources = new Label(res.isEmpty() ? i18n.t("policy.resourceImplicit")
                : i18n.t("policy.resources", String.join(", ", res)));
        Label conditions = new Label(s.has("Condition") ? i18n.t("policy.conditions", s.get("Condition").toString()) : "");
        conditions.setWrapText(true);
        Button remove = new Button(i18n.t("policy.removeStatement"));
        remove.setOnAction(e -> vm.removeStatement(index));
        VBox body = new VBox(6, labeled(i18n.t("policy.card.sid"), sidField),
                new HBox(10, new Label(i18n.t("policy.card.effect")), allow, deny),
                labeled(i18n.t("policy.card.principal"), principals),
                labeled(i18n.t(s.has("NotAction") ? "policy.card.notAction" : "policy.card.action"), actions),
                resources, conditions, remove);
        TitledPane pane = new TitledPane((sid.isEmpty() ? "#" + (index + 1) : sid) + " · " + s.path("Effect").asText(), body);
        pane.getStyleClass().add("statement-card");
        if (vm.verdictProperty().get() != null && vm.verdictProperty().get().decidingStatements().stream()
                .anyMatch(r -> r.index() == index && r.kind() == dev.pullfix.model.policy.PolicyKind.RESOURCE)) {
            pane.getStyleClass().add("deciding");
        }
        return pane;
    }

    private void editing(Runnable r) {
        cardsEditing = true;
        try {
            r.run();
        } finally {
            cardsEditing = false;
        }
        renderCards();
    }

    private static VBox labeled(String label, javafx.scene.Node n) {
        return new VBox(2, new Label(label), n);
    }

    private static List<String> texts(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isMissingNode() || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else {
            out.add(n.asText());
        }
        return out;
    }
}
