package dev.pullfix.cli;

import dev.pullfix.model.limits.Deadline;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --timeout SECONDS}: the time the whole command may take (default 15 s); every call to the cluster or to
 * AWS is bounded by it too, so a server that never answers costs at most this long.
 */
public final class TimeoutOption {
    static final int DEFAULT_SECONDS = 15;
    /** The default of commands that make many calls ({@link LongRunning}): each call still has 15 s at most. */
    static final int LONG_DEFAULT_SECONDS = 60;
    static final int MAX_SECONDS = 3600;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** A command that makes many calls (a whole runbook): its default is {@value #LONG_DEFAULT_SECONDS} s. */
    interface LongRunning {
    }

    private Integer seconds;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "The whole command ends within this time "
            + "(1.." + MAX_SECONDS + "; default: " + DEFAULT_SECONDS + ", diagnose and fix: " + LONG_DEFAULT_SECONDS
            + "); each call to the cluster or AWS within it, and within " + DEFAULT_SECONDS + " s.")
    void setSeconds(int value) {
        if (value < 1 || value > MAX_SECONDS) {
            throw new ParameterException(mixee.commandLine(),
                    "--timeout must be between 1 and " + MAX_SECONDS + " seconds, not " + value);
        }
        seconds = value;
    }

    /** The whole command's limit. */
    public Duration duration() {
        if (seconds != null) {
            return Duration.ofSeconds(seconds);
        }
        return Duration.ofSeconds(mixee != null && mixee.userObject() instanceof LongRunning ? LONG_DEFAULT_SECONDS
                : DEFAULT_SECONDS);
    }

    /** One call's limit: the whole command's, and never more than {@value #DEFAULT_SECONDS} s. */
    public Duration perCall() {
        Duration whole = duration();
        return whole.compareTo(Duration.ofSeconds(DEFAULT_SECONDS)) < 0 ? whole : Duration.ofSeconds(DEFAULT_SECONDS);
    }

    /** A deadline starting now. */
    public Deadline start() {
        return Deadline.in(duration());
    }
}
