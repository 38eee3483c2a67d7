package dev.pullfix.app.wizard;

import dev.pullfix.app.controls.JsonCodeArea;
import dev.pullfix.app.controls.Texts;
import dev.pullfix.app.events.EventsList;
import dev.pullfix.model.diagnosis.runbook.Evidence;
import dev.pullfix.model.diagnosis.runbook.Show;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.fxmisc.flowless.VirtualizedScrollPane;

/**
 * The evidence under a step, as the model's checks saw it: the kubelet's events as {@code kubectl describe} lists them
 * (messages in full), highlighted JSON, tables, plain lines, each under its caption. Tables are as tall as their rows
 * up to {@value #MAX_ROWS} rows, then scroll; columns are at least as wide as their headers and the last one takes the
 * rest; a cut cell shows its whole text in a tooltip. Nothing here is wider than the wizard.
 */
final class EvidenceView {
    static final int MAX_ROWS = 8;
    static final double ROW = 28;
    /** The header row as AtlantaFX draws it (38-39 px with Latin or CJK fonts; at 34 a one-row table scrolled). */
    static final double HEADER = 40;

    private final DiagnosisText text;
    private final dev.pullfix.app.common.I18n i18n;

    EvidenceView(DiagnosisText text, dev.pullfix.app.common.I18n i18n) {
        this.text = text;
        this.i18n = i18n;
    }

    /** The evidence of one step, or null when it has none. */
    Node of(List<Evidence> evidence) {
        VBox all = new VBox(10);
        for (Evidence e : evidence) {
            Node n = one(e);
            if (n != null) {
                String caption = text.evidenceLabel(e);
                all.getChildren().add(caption.isEmpty() ? n : new VBox(4, Texts.wrapping(caption, "evidence-label"), n));
            }
        }
        return all.getChildren().isEmpty() ? null : all;
    }

    private Node one(Evidence e) {
        if (e.body() != null && !e.body().isBlank()) {
            if (e.kind() == Show.JSON || e.kind() == Show.POLICY_STATEMENTS && e.body().trim().startsWith("{")) {
                return json(e.body());
            }
            VBox lines = new VBox(4);
            lines.setId("evidenceStatements");
            e.body().lines().forEach(l -> lines.getChildren().add(Texts.wrapping(l)));
            return lines;
        }
        if (e.rows().isEmpty()) {
            return null;
        }
        if (e.kind() == Show.EVENTS_TABLE && e.columns().size() >= 5) {
            EventsList list = new EventsList(i18n, e.rows().stream()
                    .map(r -> new EventsList.Item(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4))).toList());
            list.setId("evidenceEvents");
            return list;
        }
        return table(e.columns(), e.rows());
    }

    private static Node json(String body) {
        JsonCodeArea area = new JsonCodeArea(false);
        area.setJson(body);
        VirtualizedScrollPane<JsonCodeArea> sp = new VirtualizedScrollPane<>(area);
        double h = Math.min(300, 22 + 18 * body.lines().count());
        sp.setPrefHeight(h);
        sp.setMinHeight(h);
        sp.setMinWidth(0);
        sp.setId("evidenceJson");
        return sp;
    }

    /**
     * The model names columns and row fields as kubectl and the AWS CLI print them ({@code NAME}, {@code PolicyArn},
     * {@code registry}) and policy decisions as constants ({@code EXPLICIT_DENY}): shown in the window's language
     * from the {@code evidence} bundle; a name it does not know (an annotation key) stays as it is.
     */
    private List<List<String>> translated(List<String> columns, List<List<String>> rows, List<String> headers) {
        boolean keyValue = columns.stream().allMatch(String::isEmpty);
        int decision = columns.indexOf("DECISION");
        columns.forEach(c -> headers.add(c.isEmpty() ? c : word("column.", c)));
        return rows.stream().map(r -> {
            List<String> out = new java.util.ArrayList<>(r);
            if (keyValue && !out.isEmpty() && out.get(0) != null) {
                out.set(0, word("field.", out.get(0)));
            }
            if (decision >= 0 && decision < out.size() && out.get(decision) != null) {
                out.set(decision, word("decision.", out.get(decision)));
            }
            return (List<String>) out;
        }).toList();
    }

    private String word(String prefix, String name) {
        return i18n.find("evidence", prefix + name.replaceAll("[^A-Za-z0-9]", "_")).orElse(name);
    }

    private Node table(List<String> modelColumns, List<List<String>> modelRows) {
        List<String> columns = new java.util.ArrayList<>();
        List<List<String>> rows = translated(modelColumns, modelRows, columns);
        TableView<List<String>> table = new TableView<>();
        table.setId("evidenceTable");
        table.getStyleClass().add("evidence-table");
        for (int i = 0; i < columns.size(); i++) {
            int col = i;
            TableColumn<List<String>, String> c = new TableColumn<>(columns.get(i));
            c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(col < cd.getValue().size() ? cd.getValue().get(col) : ""));
            c.setCellFactory(x -> new TipCell());
            double header = textWidth(columns.get(i)) + 28;
            double longest = header;
            for (List<String> row : rows) {
                longest = Math.max(longest, col < row.size() && row.get(col) != null ? textWidth(row.get(col)) + 20 : 0);
            }
            c.setMinWidth(header);
            c.setPrefWidth(Math.min(longest, 420));
            table.getColumns().add(c);
        }
        table.getItems().setAll(rows);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(ROW);
        double h = HEADER + ROW * Math.max(1, Math.min(rows.size(), MAX_ROWS)) + 4;
        table.setPrefHeight(h);
        table.setMinHeight(h);
        table.setMaxHeight(h);
        table.setMinWidth(0);
        return table;
    }

    private static double textWidth(String s) {
        return new Text(s == null ? "" : s).getLayoutBounds().getWidth() * 1.1;
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
