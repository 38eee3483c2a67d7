package dev.pullfix.cli;

import dev.pullfix.model.fix.Outcome;
import dev.pullfix.model.fix.WritePath;
import java.util.Locale;

/**
 * Whether a previewed write may go ahead: {@code --yes}, or "y" typed at "Apply? [y/N]" on the terminal. No terminal
 * and no {@code --yes} means no write; read-only mode means no write whatever was said.
 *
 * @param confirmed   the write may go ahead
 * @param interactive a person was asked
 */
record Confirmation(boolean confirmed, boolean interactive) {

    static Confirmation ask(Output o, WriteOptions write, Prompter prompter, WritePath path) {
        if (path.readOnly()) {
            return new Confirmation(false, false);
        }
        if (write.yes()) {
            return new Confirmation(true, false);
        }
        if (!prompter.interactive()) {
            return new Confirmation(false, false);
        }
        String answer = prompter.ask(o.t("cli", "cli.fix.apply")).orElse("").strip().toLowerCase(Locale.ROOT);
        return new Confirmation(answer.equals("y") || answer.equals("yes") || answer.equals("はい"), true);
    }

    /** Why nothing was written, in one line. */
    String why(Output o, Outcome refused) {
        if (refused.status() == Outcome.Status.READ_ONLY) {
            return o.t("cli", "cli.fix.readOnly");
        }
        return o.t("cli", interactive ? "cli.fix.cancelled" : "cli.fix.noTerminal");
    }
}
