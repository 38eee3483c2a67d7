package dev.pullfix.app.common;

/**
 * Everything a view-model asks of the desktop: notifications, confirmations, the clipboard. One interface so
 * view-model tests pass a fake and can assert what the user would have seen (DESIGN.md "Views and view-models").
 */
public interface DialogService {

    /** A readable error notification; {@code details} are shown only on demand (never a stack trace). */
    void notifyError(String title, String message, String details);

    /** A short informational notification. */
    void notifyInfo(String title, String message);

    /** Asks a yes/no question; false when the user cancels or closes the dialog. */
    boolean confirm(String title, String message);

    /** Puts text on the system clipboard. */
    void copyToClipboard(String text);
}
