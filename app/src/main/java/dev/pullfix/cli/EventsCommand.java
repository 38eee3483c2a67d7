package dev.pullfix.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so on stderr and exits 2. */
@Command(name = "events", mixinStandardHelpOptions = true, description = "(not yet available)")
public final class EventsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("pullfix events: not available in this build yet");
        return 2;
    }
}
