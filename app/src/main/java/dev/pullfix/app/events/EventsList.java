package dev.pullfix.app.events;

import dev.pullfix.app.common.I18n;
import dev.pullfix.app.controls.Texts;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * A few events as wizard evidence: one block per event (type, reason, age, from on one line; the message below it,
 * wrapped and read in full, as {@code kubectl describe pod} shows them). Warnings are marked.
 */
public final class EventsList extends VBox {

    /** One event as {@code kubectl describe} lists it. */
    public record Item(String type, String reason, String age, String from, String message) {
    }

    public EventsList(I18n i18n, List<Item> events) {
        super(8);
        getStyleClass().add("events-list");
        if (events.isEmpty()) {
            getChildren().add(Texts.wrapping(i18n.t("events.empty"), "muted"));
        }
        for (Item e : events) {
            Label type = new Label(e.type());
            type.getStyleClass().addAll("event-type", "Warning".equals(e.type()) ? "warning" : "normal");
            Label reason = new Label(e.reason());
            reason.getStyleClass().add("event-reason");
            Label meta = new Label(age(i18n, e.age()) + " · " + e.from());
            meta.getStyleClass().add("muted");
            FlowPane head = new FlowPane(8, 2, type, reason, meta);
            head.setMinWidth(0);
            Label message = Texts.wrapping(e.message(), "event-message");
            VBox box = new VBox(2, head, message);
            box.getStyleClass().add("event");
            getChildren().add(box);
        }
    }

    private static final java.util.regex.Pattern REPEATED = java.util.regex.Pattern.compile("(\\S+) \\(x(\\d+) over (\\S+)\\)");

    /** kubectl's repeated-event age ({@code 4s (x8 over 49s)}, as the model's evidence carries it) in the window's language. */
    static String age(I18n i18n, String kubectl) {
        java.util.regex.Matcher m = kubectl == null ? null : REPEATED.matcher(kubectl);
        return m != null && m.matches() ? i18n.t("events.age.repeated", m.group(1), Integer.parseInt(m.group(2)), m.group(3))
                : kubectl;
    }
}
