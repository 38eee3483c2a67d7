package dev.pullfix.app.fix;

import java.util.List;
import java.util.Optional;

/** The small forms a fix asks before its plan exists; behind an interface so tests can script them. */
public interface FixPrompts {

    /**
     * Picks the new tag for a container (editable: the user may type one).
     *
     * @param tags the repository's tags, newest first (empty when they could not be listed)
     */
    Optional<String> pickTag(String container, String image, List<String> tags);

    /** A docker-registry secret's fields; the password is a char array the caller wipes. */
    record PullSecret(String name, String server, String username, char[] password) {
    }

    /** Asks for a pull secret's name, server, username and password (masked). */
    Optional<PullSecret> pullSecret(String suggestedName, String server);
}
