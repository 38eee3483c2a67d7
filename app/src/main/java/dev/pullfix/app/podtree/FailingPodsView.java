package dev.pullfix.app.podtree;

import dev.pullfix.app.common.I18n;
import dev.pullfix.app.podtree.FailingPodsViewModel.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * The failing pods as a sortable table (namespace, pod, age, reason, cause). Choosing a row (mouse or keyboard)
 * selects the pod in the tree, which starts its diagnosis.
 */
public final class FailingPodsView {
    private final FailingPodsViewModel vm;
    private final I18n i18n;
    private final TableView<Row> table = new TableView<>();
    /** The pod the user chose in the table; a row that changes or moves under it does not choose another pod. */
    private String chosenKey;
    private boolean listChanging;

    public FailingPodsView(FailingPodsViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        build();
    }

    public TableView<Row> root() {
        return table;
    }

    private void build() {
        table.setId("failingPods");
        table.getStyleClass().add("failing-pods");
        TableColumn<Row, String> ns = text("failing.namespace", Row::namespace);
        TableColumn<Row, String> pod = text("failing.pod", Row::name);
        TableColumn<Row, Instant> age = new TableColumn<>(i18n.t("failing.age"));
        age.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().created()));
        age.setComparator(Comparator.nullsLast(Comparator.<Instant>reverseOrder()));
        age.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant created, boolean empty) {
                super.updateItem(created, empty);
                setText(empty || created == null ? null : age(created, Instant.now()));
            }
        });
        minWidth(age);
        TableColumn<Row, String> reason = text("failing.reason", Row::reason);
        TableColumn<Row, String> cause = text("failing.cause", Row::cause);
        // what tells pods apart first: in the narrow left pane the pod and its cause show whole, the rest scrolls
        table.getColumns().setAll(java.util.List.of(pod, cause, reason, age, ns));
        // registered before the sorted view: a change to the rows is known before the selection moves with it
        vm.rows().addListener((ListChangeListener<Row>) c -> listChanging = true);
        SortedList<Row> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        // registered after it: the selection has moved with the rows; put it back on the chosen pod
        vm.rows().addListener((ListChangeListener<Row>) c -> keepChosenRow(sorted));
        // columns as wide as their longest text (a name cut to "ui-priv…" told nothing); wider than the pane: it scrolls
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        vm.rows().addListener((ListChangeListener<Row>) c -> fitColumns(pod, cause, reason, ns));
        table.setPlaceholder(new Label(i18n.t("failing.none")));
        table.setMinWidth(0);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!listChanging && b != null) {
                chosenKey = b.key();
                vm.select(b);
            }
        });
    }

    /** After the rows changed (a cause found, a pod recovered or failed): the chosen pod's row stays selected. */
    private void keepChosenRow(SortedList<Row> sorted) {
        listChanging = true;
        try {
            Row selected = table.getSelectionModel().getSelectedItem();
            if (chosenKey != null && (selected == null || !chosenKey.equals(selected.key()))) {
                int at = -1;
                for (int i = 0; i < sorted.size() && at < 0; i++) {
                    at = chosenKey.equals(sorted.get(i).key()) ? i : -1;
                }
                if (at >= 0) {
                    table.getSelectionModel().clearAndSelect(at);
                } else {
                    table.getSelectionModel().clearSelection();
                }
            }
        } finally {
            listChanging = false;
        }
    }

    private TableColumn<Row, String> text(String key, Function<Row, String> value) {
        TableColumn<Row, String> c = new TableColumn<>(i18n.t(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        minWidth(c);
        return c;
    }

    /** Each text column as wide as its longest cell (up to {@value #MAX_COLUMN} px), never narrower than its header. */
    @SafeVarargs
    private void fitColumns(TableColumn<Row, String>... columns) {
        for (TableColumn<Row, String> c : columns) {
            double widest = c.getMinWidth();
            for (Row r : vm.rows()) {
                String v = c.getCellObservableValue(r) == null ? null : c.getCellObservableValue(r).getValue();
                widest = Math.max(widest, v == null ? 0 : new Text(v).getLayoutBounds().getWidth() * 1.1 + 24);
            }
            c.setPrefWidth(Math.min(widest, MAX_COLUMN));
        }
    }

    static final double MAX_COLUMN = 360;

    private static void minWidth(TableColumn<Row, ?> c) {
        c.setMinWidth(new Text(c.getText()).getLayoutBounds().getWidth() * 1.15 + 28);
    }

    /** kubectl's age: 45s, 12m, 3h, 2d. */
    static String age(Instant created, Instant now) {
        long s = Math.max(0, Duration.between(created, now).getSeconds());
        return s < 120 ? s + "s" : s < 7200 ? s / 60 + "m" : s < 172800 ? s / 3600 + "h" : s / 86400 + "d";
    }
}
