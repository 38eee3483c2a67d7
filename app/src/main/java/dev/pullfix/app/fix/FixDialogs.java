package dev.pullfix.app.fix;

import dev.pullfix.model.fix.Preview;

/** The dialogs of the write path, behind an interface so "cancel writes nothing" is a plain unit test. */
public interface FixDialogs {

    /** Shows the preview (target, diff, dry-run, API calls, equivalent commands); true only on an explicit yes. */
    boolean confirm(Preview preview);

    /** The same for undoing the last write (the dialog says it is an undo); by default as {@link #confirm}. */
    default boolean confirmUndo(Preview preview) {
        return confirm(preview);
    }
}
