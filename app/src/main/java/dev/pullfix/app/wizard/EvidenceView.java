package dev.pullfix.app.wizard;

import dev.pullfix.app.common.I18n;
import dev.pullfix.app.controls.JsonCodeArea;
import dev.pullfix.app.controls.Texts;
import dev.pullfix.app.events.EventsList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.fxmisc.flowless.VirtualizedScrollPane;

/**
 * The evidence under a step: events as {@code kubectl describe} lists them (messages in full), highlighted JSON,
 * tables, statements.
 * Tables are as tall as their rows up to {@value #MAX_ROWS} rows, then scroll; columns are at least as wide as their
 * headers and the last one takes the rest; a cut cell shows its whole text in a tooltip. Nothing here is wider than
 * the wizard.
 */
final class EvidenceView {
    static final int MAX_ROWS = 8;
    static final double ROW = 28;
    static final double HEADER = 34;

    private final I18n i18n;

    EvidenceView(I18n i18n) {
        this.i18n = i18n;
    }

    /** The node for a piece of evidence, or null when there is nothing to show. */
    Node of(StepResult.Evidence e) {
        if (e instanceof StepResult.Events ev) {
            EventsList list = new EventsList(i18n, ev.events());
            list.setId("evidenceEvents");
            return list;
        }
        if (e instanceof StepResult.Json j) {
            JsonCodeArea area = new JsonCodeArea(false);
            area.setJson(j.json());
            VirtualizedScrollPane<JsonCodeArea> sp = new VirtualizedScrollPane<>(area);
            long lines = j.json().lines().count();
            sp.setPrefHeight(Math.min(300, 22 + 18 * lines));
            sp.setMinHeight(Math.min(300, 22 + 18 * lines));
            sp.setMinWidth(0);
            sp.setId("evidenceJson");
            return sp;
        }
        if (e instanceof StepResult.Table t) {
            return table(t);
        }
        if (e instanceof StepResult.Labeled l) {
            Node inner = of(l.inner());
            return inner == null ? null : new VBox(4, Texts.wrapping(l.label(), "evidence-label"), inner);
        }
        if (e instanceof StepResult.Group g) {
            VBox all = new VBox(10);
            for (StepResult.Evidence part : g.parts()) {
                Node n = of(part);
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
                lines.getChildren().add(Texts.wrapping("•  " + l));
            }
            return lines;
        }
        return null;
    }

    private Node table(StepResult.Table t) {
        TableView<List<String>> table = new TableView<>();
        table.setId("evidenceTable");
        table.getStyleClass().add("evidence-table");
        for (int i = 0; i < t.columns().size(); i++) {
            int col = i;
            TableColumn<List<String>, String> c = new TableColumn<>(t.columns().get(i));
            c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(
                    col < cd.getValue().size() ? cd.getValue().get(col) : ""));
            c.setCellFactory(x -> new TipCell());
            double header = textWidth(t.columns().get(i)) + 28;
            double longest = header;
            for (List<String> row : t.rows()) {
                longest = Math.max(longest, col < row.size() && row.get(col) != null ? textWidth(row.get(col)) + 20 : 0);
            }
            c.setMinWidth(header);
            c.setPrefWidth(Math.min(longest, 420));
            table.getColumns().add(c);
        }
        table.getItems().setAll(t.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fitRows(table, t.rows().size());
        return table;
    }

    /** As tall as the rows (at least one), up to the cap; then it scrolls. */
    static void fitRows(TableView<?> table, int rows) {
        table.setFixedCellSize(ROW);
        double h = HEADER + ROW * Math.max(1, Math.min(rows, MAX_ROWS)) + 4;
        table.setPrefHeight(h);
        table.setMinHeight(h);
        table.setMaxHeight(h);
        table.setMinWidth(0);
    }

    private static double textWidth(String s) {
        Text t = new Text(s == null ? "" : s);
        t.getStyleClass().add("table-measure");
        return t.getLayoutBounds().getWidth() * 1.1;
    }

    /** A cell whose cut text is shown whole in a tooltip. */
    private static final class TipCell extends TableCell<List<String>, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
        }
    }
}
