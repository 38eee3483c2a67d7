package dev.pullfix.app.fix;

import dev.pullfix.app.common.I18n;
import dev.pullfix.app.controls.Texts;
import dev.pullfix.model.fix.DryRun;
import dev.pullfix.model.fix.Preview;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The confirmation dialog: what changes (diff, secrets masked), where, the exact API calls and the equivalent
 * CLI, and the dry-run's answer. "Cancel" is the default button; only "Write" confirms.
 */
public final class FxFixDialogs implements FixDialogs {
    private final I18n i18n;
    private final Window owner;

    public FxFixDialogs(I18n i18n, Window owner) {
        this.i18n = i18n;
        this.owner = owner;
    }

    @Override
    public boolean confirm(Preview p) {
        return build(p).showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).isPresent();
    }

    @Override
    public boolean confirmUndo(Preview p) {
        return buildUndo(p).showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).isPresent();
    }

    /** The undo's dialog, not shown: titled as an undo in the app's language, otherwise as {@link #build}. */
    public Dialog<ButtonType> buildUndo(Preview p) {
        Dialog<ButtonType> d = build(p);
        d.setTitle(i18n.t("fix.undo.title"));
        d.setHeaderText(i18n.t("fix.undo.header", p.plan().target()));
        return d;
    }

    /** The dialog, not shown (tests look at its content). */
    public Dialog<ButtonType> build(Preview p) {
        Dialog<ButtonType> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle(i18n.t("fix.confirm.title"));
        d.setHeaderText(i18n.text(p.plan().summaryText()));
        // wrapped, never cut: the screenshots showed the dry-run's answer ending in "…" in Japanese
        Label where = Texts.full(new Label(i18n.t("fix.confirm.target", p.plan().target())));
        Label dry = Texts.full(new Label(i18n.t("fix.confirm.dryRun." + p.dryRun().status(), p.dryRun().detail())));
        dry.setId("fixDryRun");
        dry.getStyleClass().add(p.dryRun().status() == DryRun.Status.FAILED ? "error-text" : "muted");
        TextArea diff = new TextArea(p.diff().isEmpty() ? i18n.t("fix.confirm.noChange") : p.diff());
        diff.setId("fixDiff");
        diff.setEditable(false);
        diff.getStyleClass().add("mono");
        diff.setPrefRowCount(16);
        diff.setPrefColumnCount(90);
        TextArea calls = new TextArea(String.join("\n", p.plan().apiCalls()) + "\n\n"
                + String.join("\n", p.plan().equivalentCommands()));
        calls.setId("fixCommands");
        calls.setEditable(false);
        calls.getStyleClass().add("mono");
        calls.setPrefRowCount(4);
        d.getDialogPane().setContent(new VBox(8, where, dry, new Label(i18n.t("fix.confirm.diff")), diff,
                new Label(i18n.t("fix.confirm.calls")), calls));
        d.getDialogPane().setPrefWidth(880); // a diff line and a CLI line read without scrolling at 1280 px
        d.getDialogPane().setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        d.getDialogPane().setMaxWidth(Double.MAX_VALUE); // AtlantaFX caps .dialog-pane at 600 px: diff lines scrolled
        d.setResizable(true);
        ButtonType write = new ButtonType(i18n.t("fix.confirm.write"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.t("fix.confirm.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().setAll(cancel, write);
        ((javafx.scene.control.Button) d.getDialogPane().lookupButton(write)).setDefaultButton(false);
        ((javafx.scene.control.Button) d.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        d.getDialogPane().lookupButton(write).setId("fixWrite");
        d.getDialogPane().lookupButton(write).setDisable(p.dryRun().status() == DryRun.Status.FAILED || p.isNoOp());
        d.getDialogPane().lookupButton(cancel).setId("fixCancel");
        return d;
    }
}
