package dev.pullfix.model.fix;

/**
 * Asks the user to confirm a previewed write (the GUI's dialog service, the CLI's prompt, a test's answer).
 * Returning false writes nothing.
 */
@FunctionalInterface
public interface Confirmer {
    boolean confirm(Preview preview);
}
