package dev.pullfix.app.common;

import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

/** Dialogs and notifications over ControlsFX, owned by the main window. FX thread only. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final I18n i18n;

    public FxDialogService(Supplier<Window> owner, I18n i18n) {
        this.owner = owner;
        this.i18n = i18n;
    }

    @Override
    public void notifyError(String title, String message, String details) {
        Notifications n = Notifications.create().title(title).text(message).position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(12));
        if (owner.get() != null) {
            n.owner(owner.get());
        }
        if (details != null && !details.isBlank()) {
            n.action(new Action(i18n.t("dialog.details"), e -> showDetails(title, message, details)));
        }
        n.showError();
    }

    private void showDetails(String title, String message, String details) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.CLOSE);
        a.setTitle(title);
        a.setHeaderText(title);
        TextArea text = new TextArea(details);
        text.setEditable(false);
        text.setWrapText(true);
        a.getDialogPane().setExpandableContent(text);
        a.getDialogPane().setExpanded(true);
        if (owner.get() != null) {
            a.initOwner(owner.get());
        }
        a.show();
    }

    @Override
    public void notifyInfo(String title, String message) {
        Notifications n = Notifications.create().title(title).text(message).position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(5));
        if (owner.get() != null) {
            n.owner(owner.get());
        }
        n.showInformation();
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.OK, ButtonType.CANCEL);
        a.setTitle(title);
        a.setHeaderText(title);
        if (owner.get() != null) {
            a.initOwner(owner.get());
        }
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public void copyToClipboard(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
