package dev.pullfix.app.fix;

import dev.pullfix.app.common.I18n;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The fix forms as JavaFX dialogs: a tag picker (editable combo, newest first) and the pull-secret form. */
public final class FxFixPrompts implements FixPrompts {
    private final I18n i18n;
    private final Supplier<Window> owner;

    public FxFixPrompts(I18n i18n, Supplier<Window> owner) {
        this.i18n = i18n;
        this.owner = owner;
    }

    @Override
    public Optional<String> pickTag(String container, String image, List<String> tags) {
        Dialog<String> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle(i18n.t("fix.tag.title"));
        d.setHeaderText(i18n.t("fix.tag.header", container, image));
        ComboBox<String> box = new ComboBox<>();
        box.setId("tagPicker");
        box.setEditable(true);
        box.getItems().setAll(tags);
        if (!tags.isEmpty()) {
            box.getSelectionModel().select(0);
        }
        box.setPrefWidth(360);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        g.addRow(0, new Label(i18n.t("fix.tag.label")), box);
        if (tags.isEmpty()) {
            g.add(new Label(i18n.t("fix.tag.noList")), 0, 1, 2, 1);
        }
        d.getDialogPane().setContent(g);
        ButtonType ok = okCancel(d);
        d.setResultConverter(b -> b == ok ? box.getEditor().getText() : null);
        return d.showAndWait().map(String::trim).filter(s -> !s.isEmpty());
    }

    @Override
    public Optional<PullSecret> pullSecret(String suggestedName, String server) {
        Dialog<PullSecret> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle(i18n.t("fix.secret.title"));
        d.setHeaderText(i18n.t("fix.secret.header"));
        TextField name = new TextField(suggestedName);
        name.setId("secretName");
        TextField srv = new TextField(server);
        srv.setId("secretServer");
        TextField user = new TextField();
        user.setId("secretUser");
        PasswordField pass = new PasswordField();
        pass.setId("secretPassword");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        g.addRow(0, new Label(i18n.t("fix.secret.name")), name);
        g.addRow(1, new Label(i18n.t("fix.secret.server")), srv);
        g.addRow(2, new Label(i18n.t("fix.secret.user")), user);
        g.addRow(3, new Label(i18n.t("fix.secret.password")), pass);
        d.getDialogPane().setContent(g);
        ButtonType ok = okCancel(d);
        d.setResultConverter(b -> b == ok && !name.getText().isBlank() && !srv.getText().isBlank()
                ? new PullSecret(name.getText().trim(), srv.getText().trim(), user.getText().trim(),
                pass.getText().toCharArray()) : null);
        Optional<PullSecret> r = d.showAndWait();
        pass.clear();
        return r;
    }

    /** OK and Cancel in the app's language (JavaFX's own follow the JVM's locale); returns OK. */
    private ButtonType okCancel(Dialog<?> d) {
        ButtonType ok = new ButtonType(i18n.t("dialog.ok"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok,
                new ButtonType(i18n.t("dialog.cancel"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        return ok;
    }
}
