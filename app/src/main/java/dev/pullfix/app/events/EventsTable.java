package dev.pullfix.app.events;

import dev.pullfix.app.common.I18n;
import dev.pullfix.model.cluster.PodEvent;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** A pod's events laid out as {@code kubectl describe pod} prints them: Type, Reason, Age, From, Message. */
public final class EventsTable extends TableView<PodEvent> {
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    public EventsTable(I18n i18n, ObservableList<PodEvent> events) {
        super(events);
        getStyleClass().add("events-table");
        TableColumn<PodEvent, String> type = column(i18n.t("events.type"), 80);
        type.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().type()));
        TableColumn<PodEvent, String> reason = column(i18n.t("events.reason"), 120);
        reason.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reason()));
        TableColumn<PodEvent, String> age = column(i18n.t("events.age"), 200);
        age.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().age(Instant.now())));
        TableColumn<PodEvent, String> from = column(i18n.t("events.from"), 140);
        from.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().from()));
        TableColumn<PodEvent, String> message = column(i18n.t("events.message"), 700);
        message.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().message()));
        getColumns().setAll(List.of(type, reason, age, from, message));
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setPlaceholder(new javafx.scene.control.Label(i18n.t("events.empty")));
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PodEvent e, boolean empty) {
                super.updateItem(e, empty);
                pseudoClassStateChanged(WARNING, !empty && e != null && "Warning".equals(e.type()));
            }
        });
    }

    /** A table over a fixed list (wizard evidence). */
    public static EventsTable of(I18n i18n, List<PodEvent> events) {
        return new EventsTable(i18n, FXCollections.observableArrayList(events));
    }

    private static TableColumn<PodEvent, String> column(String title, double width) {
        TableColumn<PodEvent, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
