package dev.pullfix.app.common;

import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

/**
 * Dialogs and notifications owned by the main window: notifications in its {@link Toasts} column (ControlsFX's popup
 * only for a window without one), dialog buttons in the app's language (JavaFX's own OK/Cancel follow the JVM's
 * locale, not the language chosen in the app). FX thread only.
 */
public final class FxDialogService implements DialogService {
    /** ControlsFX's notification popup, recoloured in app.css with AtlantaFX's colours. */
    private static final String POPUP_CLASS = "pf-notification";
    private final Supplier<Window> owner;
    private final I18n i18n;

    public FxDialogService(Supplier<Window> owner, I18n i18n) {
        this.owner = owner;
        this.i18n = i18n;
    }

    @Override
    public void notifyError(String title, String message, String details) {
        Toasts toasts = toasts();
        if (toasts != null) {
            boolean more = details != null && !details.isBlank();
            toasts.show(true, title, message, more ? i18n.t("dialog.details") : null,
                    more ? () -> showDetails(title, message, details) : null, Duration.seconds(12));
            return;
        }
        Notifications n = Notifications.create().title(title).text(message).position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(12));
        if (owner.get() != null) {
            n.owner(owner.get());
        }
        if (details != null && !details.isBlank()) {
            n.action(new Action(i18n.t("dialog.details"), e -> showDetails(title, message, details)));
        }
        n.graphic(new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2AL.ERROR_OUTLINE))
                .styleClass(POPUP_CLASS).show();
    }

    private void showDetails(String title, String message, String details) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, new ButtonType(i18n.t("dialog.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        a.setTitle(title);
        a.setHeaderText(title);
        TextArea text = new TextArea(details);
        text.setEditable(false);
        text.setWrapText(true);
        // shown at once, not as JavaFX's expandable content: its "Show/Hide Details" link follows the JVM's locale
        javafx.scene.control.Label said = new javafx.scene.control.Label(message);
        said.setWrapText(true);
        a.getDialogPane().setContent(new javafx.scene.layout.VBox(8, said, text));
        if (owner.get() != null) {
            a.initOwner(owner.get());
        }
        a.show();
    }

    /** The main window's notification column, or null when the owner has none (then ControlsFX's popup). */
    private Toasts toasts() {
        Window w = owner.get();
        return w == null || w.getScene() == null ? null : Toasts.of(w.getScene().lookup("#" + Toasts.ID));
    }

    @Override
    public void notifyInfo(String title, String message) {
        Toasts toasts = toasts();
        if (toasts != null) {
            toasts.show(false, title, message, null, null, Duration.seconds(6));
            return;
        }
        Notifications n = Notifications.create().title(title).text(message).position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(5));
        if (owner.get() != null) {
            n.owner(owner.get());
        }
        n.graphic(new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2AL.INFO))
                .styleClass(POPUP_CLASS).show();
    }

    @Override
    public boolean confirm(String title, String message) {
        ButtonType ok = new ButtonType(i18n.t("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, ok,
                new ButtonType(i18n.t("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        a.setTitle(title);
        a.setHeaderText(title);
        if (owner.get() != null) {
            a.initOwner(owner.get());
        }
        return a.showAndWait().filter(b -> b == ok).isPresent();
    }

    @Override
    public void copyToClipboard(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
