package dev.pullfix.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pullfix policy eval|lint|diff|propose}: the local IAM policy evaluator, linter, diff and proposal. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Evaluate, lint, compare and fix IAM policies locally (no AWS calls).",
        subcommands = {PolicyEvalCommand.class, PolicyLintCommand.class, PolicyDiffCommand.class,
                PolicyProposeCommand.class})
public final class PolicyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
