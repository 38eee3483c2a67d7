package dev.pullfix.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.InvalidImageReferenceException;
import dev.pullfix.model.image.Registry;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pullfix image <ref> [--json]}: normalises an image reference and prints what its registry host says
 * (kind, ECR account/region/ARN). A malformed reference is the kubelet's InvalidImageName: one line on stderr,
 * exit status 2.
 */
@Command(name = "image", mixinStandardHelpOptions = true, subcommands = {ImageCheckCommand.class},
        description = {"Parses an image reference the way the kubelet does (nginx -> docker.io/library/nginx:latest) "
                + "and prints the registry facts: kind, host, ECR account, region and repository ARN.",
            "A malformed reference prints 'InvalidImageName: <reason>' on stderr and exits with status 2."},
        footer = {"", "JSON fields: input, reference, familiar, registry, kind, repository, tag, digest, tagDefaulted, "
                + "account, region, partition, fips, dualStack, ecrRepositoryArn."})
public final class ImageCommand implements Callable<Integer> {

    // optional for picocli so that "image check ..." reaches the subcommand; required by call()
    @Parameters(index = "0", arity = "0..1", paramLabel = "<ref>", description = "Image reference, e.g. nginx or "
            + "123456789012.dkr.ecr.us-west-2.amazonaws.com/team/app:1.0")
    String reference;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    /** The JSON answer. */
    record Image(String input, String reference, String familiar, String registry, String kind, String repository,
                 String tag, String digest, boolean tagDefaulted, String account, String region, String partition,
                 boolean fips, boolean dualStack, String ecrRepositoryArn) {}

    @Override
    public Integer call() {
        if (reference == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: '<ref>'");
        }
        ImageReference ref;
        try {
            ref = ImageReference.parse(reference);
        } catch (InvalidImageReferenceException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("InvalidImageName: " + e.reason().english()
                    + (e.detail() == null ? "" : " (" + e.detail() + ")"));
            err.flush();
            return ExitCode.USAGE;
        }
        Registry registry = ref.registry();
        Image image = new Image(reference, ref.normalized(), ref.familiar(), registry.host(), registry.kind().name(),
                ref.repository(), ref.tag(), ref.digest(), ref.tagDefaulted(), registry.account(), registry.region(),
                registry.partition(), registry.fips(), registry.dualStack(), ref.ecrRepositoryArn().orElse(null));
        Output o = Output.of(spec, output);
        PrintWriter out = o.out();
        if (o.json()) {
            o.printJsonLine(image);
            return ExitCode.OK;
        }
        Map<String, Object> fields = Output.mapper().convertValue(image, new TypeReference<LinkedHashMap<String, Object>>() { });
        fields.forEach((k, v) -> {
            if (v != null && !k.equals("input") && !(v instanceof Boolean b && !b)) {
                out.printf("%-17s %s%n", k + ":", v);
            }
        });
        out.flush();
        return ExitCode.OK;
    }
}
