package dev.pullfix.cli;

import java.io.Console;
import java.util.Optional;

/**
 * Questions to the person at the terminal ("Apply? [y/N]", a missing tag, a password read without echo). With no
 * terminal there is nobody to ask: every question answers empty, so nothing is written without {@code --yes}.
 */
interface Prompter {

    /** The answer typed, or empty when there is no terminal. */
    Optional<String> ask(String question);

    /** A secret typed without echo, or empty when there is no terminal. */
    Optional<char[]> askSecret(String question);

    /** True when a person can answer. */
    boolean interactive();

    /** The process's terminal ({@link System#console()}), or nobody. */
    static Prompter terminal() {
        Console c = System.console();
        if (c == null) {
            return nobody();
        }
        return new Prompter() {
            @Override
            public Optional<String> ask(String question) {
                return Optional.ofNullable(c.readLine("%s", question));
            }

            @Override
            public Optional<char[]> askSecret(String question) {
                return Optional.ofNullable(c.readPassword("%s", question));
            }

            @Override
            public boolean interactive() {
                return true;
            }
        };
    }

    /** No terminal: scripts, CI, tests. */
    static Prompter nobody() {
        return new Prompter() {
            @Override
            public Optional<String> ask(String question) {
                return Optional.empty();
            }

            @Override
            public Optional<char[]> askSecret(String question) {
                return Optional.empty();
            }

            @Override
            public boolean interactive() {
                return false;
            }
        };
    }
}
