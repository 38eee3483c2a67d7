package dev.pullfix.model.fix.planner;

import dev.pullfix.model.text.Message;
import java.util.List;

/**
 * One value a fix needs from the user before its plan exists (a new tag, a secret's fields, an edited policy).
 *
 * @param key       the name under which {@link FixInputs} carries the value ({@code pullfix fix --set key=value})
 * @param label     what to call it, in bundle {@code fix}
 * @param suggested the value to offer first, or null
 * @param choices   values known to be valid (newest first), possibly empty; the user may type another
 * @param required  the plan cannot be built without it
 */
public record FixInput(String key, Kind kind, Message label, String suggested, List<String> choices, boolean required) {

    public enum Kind {
        /** One line of text. */
        TEXT,
        /** A password or token: asked masked, carried as a char array, never logged. */
        SECRET,
        /** One of {@link #choices()}. */
        CHOICE,
        /** A JSON policy document (defaults to {@link #suggested()}). */
        POLICY_JSON
    }

    public FixInput {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}
