package dev.pullfix.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pullfix ecr check}: what ECR and IAM say about one image. */
@Command(name = "ecr", mixinStandardHelpOptions = true,
        description = "Ask Amazon ECR and IAM about an image (read-only calls).",
        subcommands = {EcrCheckCommand.class})
public final class EcrCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
