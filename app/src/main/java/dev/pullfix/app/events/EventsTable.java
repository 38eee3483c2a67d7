package dev.pullfix.app.events;

import dev.pullfix.app.common.I18n;
import dev.pullfix.model.cluster.PodEvent;
import java.time.Instant;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * A pod's events laid out as {@code kubectl describe pod} prints them: Type, Reason, Age, From, Message. Every
 * column is at least as wide as its header; the message takes the rest of the width and wraps, so the kubelet's
 * error text is read in full. The key event (the kubelet's pull error, {@link #keyEvent}) is scrolled into view when it
 * changes or moves (another pod, another error, newer events before it), so it is on screen, not below the fold.
 */
public final class EventsTable extends TableView<PodEvent> {
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    static final double AGE_TICK_SECONDS = 5;
    /** The key event last brought into view (place, reason, message), so live updates that leave it be do not scroll. */
    private String shownKey;
    /** The row to scroll to at the next layout (once the list's skin knows the new rows), or -1. */
    private int scrollPending = -1;

    public EventsTable(I18n i18n, ObservableList<PodEvent> events) {
        super(events);
        getStyleClass().add("events-table");
        TableColumn<PodEvent, String> type = column(i18n.t("events.type"), 80);
        type.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().type()));
        TableColumn<PodEvent, String> reason = column(i18n.t("events.reason"), 110);
        reason.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reason()));
        TableColumn<PodEvent, String> age = column(i18n.t("events.age"), 150);
        age.setCellValueFactory(c -> new ReadOnlyStringWrapper(age(i18n, c.getValue(), Instant.now())));
        TableColumn<PodEvent, String> from = column(i18n.t("events.from"), 130);
        from.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().from()));
        TableColumn<PodEvent, String> message = column(i18n.t("events.message"), 400);
        // third-party text: secrets masked, control characters removed, as on every output path
        message.setCellValueFactory(c -> new ReadOnlyStringWrapper(dev.pullfix.app.common.UserText.safe(
                dev.pullfix.model.secret.Redactor.redact(c.getValue().message()))));
        message.setCellFactory(WrappingCell::new);
        for (TableColumn<PodEvent, String> c : List.of(type, reason, age, from)) {
            // short values: a little room to grow, the rest of the width goes to the message (the constrained policy
            // otherwise grew every column alike, and the kubelet's error wrapped to twice the lines at 1280 px)
            c.setMaxWidth(c.getPrefWidth() * 1.2);
        }
        getColumns().setAll(List.of(type, reason, age, from, message));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label(i18n.t("events.empty")));
        setMinWidth(0);
        // live ages: while the table is in a showing window, its cells are refreshed every few seconds (ages move on).
        // A running Timeline is held by the toolkit's pulse: keyed on the scene alone, a table whose scene was replaced
        // on its stage (a new window content) kept ticking and held the old window's whole tree (WindowBench: 3 windows
        // of 20,000 pods alive at once)
        Timeline ages = new Timeline(new KeyFrame(Duration.seconds(AGE_TICK_SECONDS), e -> refresh()));
        ages.setCycleCount(Animation.INDEFINITE);
        javafx.beans.value.ObservableValue<Boolean> shown = sceneProperty()
                .flatMap(javafx.scene.Scene::windowProperty)
                .flatMap(javafx.stage.Window::showingProperty).orElse(false);
        shown.addListener((o, a, b) -> {
            if (b) {
                ages.play();
            } else {
                ages.stop();
            }
        });
        events.addListener((javafx.collections.ListChangeListener<PodEvent>) c -> showKeyEvent());
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PodEvent e, boolean empty) {
                super.updateItem(e, empty);
                pseudoClassStateChanged(WARNING, !empty && e != null && "Warning".equals(e.type()));
            }
        });
    }

    /** Scrolls the key event to the top of the list when it is another one, or in another place, than last shown. */
    private void showKeyEvent() {
        int i = keyEvent(getItems());
        // its place too: a newer "Pulling" or "BackOff" moves it down the list (newest last) as the pod retries
        String key = i < 0 ? null : i + "\n" + getItems().get(i).reason() + "\n" + getItems().get(i).message();
        if (key != null && !key.equals(shownKey)) {
            scrollPending = i; // at the next layout: the skin hears of the new rows after this listener
            requestLayout();
        }
        shownKey = key;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (scrollPending >= 0) {
            int i = scrollPending;
            scrollPending = -1;
            if (i < getItems().size()) {
                scrollTo(i);
            }
        }
    }

    /**
     * The event a reader looks for (index, or -1): the newest warning "Failed" whose message is the kubelet's error
     * itself ("Failed to pull image …", not the "Error: ErrImagePull" summary), else the newest warning.
     */
    public static int keyEvent(List<PodEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            PodEvent e = events.get(i);
            if ("Warning".equals(e.type()) && "Failed".equals(e.reason()) && e.message() != null
                    && !e.message().startsWith("Error:")) {
                return i;
            }
        }
        for (int i = events.size() - 1; i >= 0; i--) {
            if ("Warning".equals(events.get(i).type())) {
                return i;
            }
        }
        return -1;
    }

    private static TableColumn<PodEvent, String> column(String title, double width) {
        TableColumn<PodEvent, String> c = new TableColumn<>(title);
        c.setMinWidth(new Text(title).getLayoutBounds().getWidth() * 1.15 + 24);
        c.setPrefWidth(Math.max(width, c.getMinWidth()));
        c.setSortable(false);
        return c;
    }

    /**
     * The message cell: wraps to the column's width, the whole text also in a tooltip. The wrapping follows the column
     * (known before the rows are laid out), not the cell's own width (set during their layout): a row measured before
     * its text re-wrapped kept the height of fewer lines, and the last lines were cut off.
     */
    private static final class WrappingCell extends TableCell<PodEvent, String> {
        private final Text text = new Text();

        WrappingCell(TableColumn<PodEvent, String> column) {
            text.getStyleClass().add("text");
            text.wrappingWidthProperty().bind(column.widthProperty().subtract(16));
            text.fillProperty().bind(textFillProperty());
            setPrefHeight(USE_COMPUTED_SIZE);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            text.setText(item);
            setGraphic(text);
            setTooltip(new Tooltip(item));
        }
    }

    /** kubectl's Age ({@code 4s (x7 over 31s)}) in the window's language: the durations as kubectl prints them. */
    static String age(I18n i18n, PodEvent e, Instant now) {
        String first = e.first() == null ? "?" : PodEvent.humanDuration(java.time.Duration.between(e.first(), now));
        if (e.count() > 1 || e.series()) {
            String last = e.last() == null ? "?" : PodEvent.humanDuration(java.time.Duration.between(e.last(), now));
            return i18n.t("events.age.repeated", last, e.count(), first);
        }
        return first;
    }
}
