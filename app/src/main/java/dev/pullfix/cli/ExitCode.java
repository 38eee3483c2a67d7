package dev.pullfix.cli;

import dev.pullfix.app.common.I18n;
import dev.pullfix.model.aws.AwsProblem;
import dev.pullfix.model.aws.AwsProblemException;
import dev.pullfix.model.cluster.ClusterError;
import dev.pullfix.model.limits.InputProblem;
import dev.pullfix.model.policy.InvalidPolicyException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * What the exit status of a command means, the same for every command: 0 answered; 1 could not reach or was
 * refused (the reason is on stderr); 2 bad usage; 3 the thing asked about does not exist. Checkers (lint-like
 * commands, {@link Checker}) exit 1 when they found a problem and 4 when they could not check. Every command's
 * {@code --help} lists the codes it uses.
 */
final class ExitCode {
    static final int OK = 0;
    static final int UNREACHABLE = 1;
    static final int USAGE = 2;
    static final int NOT_FOUND = 3;
    /** Checkers: found a problem. */
    static final int PROBLEM_FOUND = 1;
    /** Checkers: could not check. */
    static final int COULD_NOT_CHECK = 4;

    /** A command that checks something and answers "fine" (0) or "found a problem" (1); 4 when it could not check. */
    interface Checker {
    }

    /** Exit codes by command (qualified name without "pullfix "): code -> bundle key of its meaning. */
    private static final Map<String, List<String>> DOCUMENTED = Map.ofEntries(
            Map.entry("image", List.of("0:answered", "2:badImage")),
            Map.entry("classify", List.of("0:answered", "2:usage")),
            Map.entry("contexts", List.of("0:answered", "1:kubeconfigUnreadable", "2:usage")),
            Map.entry("policy eval", List.of("0:decided", "2:badInput")),
            Map.entry("policy lint", List.of("0:checkerOk", "1:checkerProblem", "2:badInput", "4:checkerCouldNotCheck")),
            Map.entry("policy diff", List.of("0:equivalent", "1:differ", "2:badInput")),
            Map.entry("policy propose", List.of("0:resolves", "1:cannotResolve", "2:badInput")),
            Map.entry("lab", List.of("0:stopped", "1:couldNotStart", "2:usage")),
            Map.entry("fix", List.of("0:fixWritten", "1:fixNotWritten", "2:usage", "3:notFound")),
            Map.entry("undo", List.of("0:undone", "1:undoNotWritten", "2:usage", "3:noBackup")),
            Map.entry("apiserver", List.of("0:stopped", "1:couldNotStart", "2:usage")));
    private static final List<String> ANSWERING = List.of("0:answered", "1:unreachable", "2:usage", "3:notFound");

    private ExitCode() {
    }

    /** The exit code for a failure that ended a command. */
    static int of(Throwable e, boolean checker) {
        if (checker && e instanceof InputProblem p) {
            return p.code() == InputProblem.Code.NOT_READABLE ? USAGE : COULD_NOT_CHECK;
        }
        int code = of(e);
        return checker && code != USAGE ? COULD_NOT_CHECK : code;
    }

    static int of(Throwable e) {
        if (e instanceof CommandLine.ParameterException || e instanceof InvalidPolicyException || e instanceof InputProblem
                || e instanceof IllegalArgumentException) {
            return USAGE;
        }
        if (e instanceof ClusterError ce) {
            return switch (ce.code()) {
                case POD_NOT_FOUND, NAMESPACE_NOT_FOUND -> NOT_FOUND;
                case KUBECONFIG_NOT_FOUND, UNKNOWN_CONTEXT, NO_CURRENT_CONTEXT -> USAGE;
                default -> UNREACHABLE;
            };
        }
        if (e instanceof AwsProblemException ap) {
            AwsProblem.Kind k = ap.problem().kind();
            return switch (k) {
                case REPOSITORY_NOT_FOUND, IMAGE_NOT_FOUND, NOT_FOUND -> NOT_FOUND;
                case PROFILE_NOT_FOUND, NO_REGION -> USAGE;
                default -> UNREACHABLE;
            };
        }
        if (e instanceof NoSuchFileException || e instanceof AccessDeniedException
                || e instanceof CharacterCodingException || e instanceof FileSystemException) {
            return USAGE;
        }
        if (e instanceof dev.pullfix.model.fix.FixException f) {
            return f.message().key().startsWith("input.") ? USAGE : UNREACHABLE;
        }
        if (e instanceof IOException) {
            return UNREACHABLE;
        }
        return UNREACHABLE;
    }

    /** Adds an "Exit codes:" section to the help of the command and all its subcommands. */
    static void document(CommandLine root, I18n i18n) {
        for (CommandLine sub : root.getSubcommands().values()) {
            String name = sub.getCommandSpec().qualifiedName(" ").replaceFirst("^pullfix ", "");
            List<String> codes = DOCUMENTED.get(name);
            if (codes == null) {
                codes = sub.getCommand() instanceof Checker ? DOCUMENTED.get("policy lint") : ANSWERING;
            }
            if (!sub.getSubcommands().isEmpty()) {
                document(sub, i18n);
                if (!DOCUMENTED.containsKey(name)) {
                    continue; // a group of commands: only its subcommands answer
                }
            }
            Map<String, String> list = new LinkedHashMap<>();
            for (String c : codes) {
                String[] p = c.split(":", 2);
                list.put(p[0], i18n.text("cli", "cli.exit." + p[1]));
            }
            sub.getCommandSpec().usageMessage().exitCodeListHeading(i18n.text("cli", "cli.exit.heading") + "%n")
                    .exitCodeList(list);
        }
    }
}
