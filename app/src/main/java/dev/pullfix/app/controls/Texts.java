package dev.pullfix.app.controls;

import dev.pullfix.app.common.I18n;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;

/**
 * Labels that cannot push a window wider than it is: text either wraps to the width it is given (and takes the
 * height it needs), or stays on one line with an ellipsis, the whole text in a tooltip and "Copy" on right-click.
 */
public final class Texts {
    /** Labels that must be read in full (causes, fixes, step titles): they wrap, never cut. Tests look for it. */
    public static final String FULL_TEXT = "full-text";

    private Texts() {
    }

    /** Text that wraps: as wide as its container allows, as tall as it needs. */
    public static Label wrapping(String text, String... styleClasses) {
        Label l = new Label(text);
        wrap(l);
        l.getStyleClass().addAll(styleClasses);
        return l;
    }

    /** Makes a label or button wrap within its container's width and keep the height its lines need. */
    public static <T extends Labeled> T wrap(T l) {
        l.setWrapText(true);
        l.setMinWidth(0);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** Text that must be read in full: wraps, and is marked so the layout test checks it is never cut. */
    public static <T extends Labeled> T full(T l) {
        wrap(l);
        if (!l.getStyleClass().contains(FULL_TEXT)) {
            l.getStyleClass().add(FULL_TEXT);
        }
        return l;
    }

    /** One line, ellipsized when too long; the whole text in a tooltip and a "Copy" context menu. */
    public static Label oneLine(String text, I18n i18n, String... styleClasses) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styleClasses);
        oneLine(l, i18n);
        return l;
    }

    /** Makes a label one line with ellipsis, tooltip and copy (the text may be bound later). */
    public static Label oneLine(Label l, I18n i18n) {
        l.setWrapText(false);
        l.setMinWidth(0);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setTextOverrun(OverrunStyle.ELLIPSIS);
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        tip.textProperty().bind(l.textProperty());
        l.setTooltip(tip);
        MenuItem copy = new MenuItem(i18n.t("action.copy"));
        copy.setOnAction(e -> copy(l.getText()));
        l.setContextMenu(new ContextMenu(copy));
        return l;
    }

    /** Puts text on the system clipboard (FX thread). */
    public static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text == null ? "" : text);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
