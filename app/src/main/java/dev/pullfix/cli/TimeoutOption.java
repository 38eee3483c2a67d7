package dev.pullfix.cli;

import dev.pullfix.model.limits.Deadline;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --timeout SECONDS}: the time the whole command may take (default {@value #DEFAULT_SECONDS} s); each call to
 * the cluster or AWS is bounded by it and by {@value #PER_CALL_SECONDS} s, so a server that never answers costs at
 * most {@value #PER_CALL_SECONDS} s (or the timeout, if shorter) and a slow but working one still gets its answer.
 */
public final class TimeoutOption {
    static final int DEFAULT_SECONDS = 60;
    static final int PER_CALL_SECONDS = 15;
    static final int MAX_SECONDS = 3600;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private int seconds = DEFAULT_SECONDS;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "The whole command ends within this time "
            + "(1.." + MAX_SECONDS + ", default: " + DEFAULT_SECONDS + "); each call to the cluster or AWS within it "
            + "and within " + PER_CALL_SECONDS + " s.")
    void setSeconds(int value) {
        if (value < 1 || value > MAX_SECONDS) {
            throw new ParameterException(mixee.commandLine(),
                    "--timeout must be between 1 and " + MAX_SECONDS + " seconds, not " + value);
        }
        seconds = value;
    }

    /** The whole command's limit. */
    public Duration duration() {
        return Duration.ofSeconds(seconds);
    }

    /** One call's limit: the whole command's, and never more than {@value #PER_CALL_SECONDS} s. */
    public Duration perCall() {
        return Duration.ofSeconds(Math.min(seconds, PER_CALL_SECONDS));
    }

    /** A deadline starting now. */
    public Deadline start() {
        return Deadline.in(duration());
    }
}
