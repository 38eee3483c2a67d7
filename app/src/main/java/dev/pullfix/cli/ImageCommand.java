package dev.pullfix.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.InvalidImageReferenceException;
import dev.pullfix.model.image.Registry;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pullfix image <ref> [--json]}: normalises an image reference and prints what its registry host says
 * (kind, ECR account/region/ARN). A malformed reference is the kubelet's InvalidImageName: one line on stderr,
 * exit status 2.
 */
@Command(name = "image", mixinStandardHelpOptions = true,
        description = {"Parses an image reference the way the kubelet does (nginx -> docker.io/library/nginx:latest) "
                + "and prints the registry facts: kind, host, ECR account, region and repository ARN.",
            "A malformed reference prints 'InvalidImageName: <reason>' on stderr and exits with status 2."},
        footer = {"", "JSON fields: input, reference, familiar, registry, kind, repository, tag, digest, tagDefaulted, "
                + "account, region, partition, fips, dualStack, ecrRepositoryArn."})
public final class ImageCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<ref>", description = "Image reference, e.g. nginx or "
            + "123456789012.dkr.ecr.us-west-2.amazonaws.com/team/app:1.0")
    String reference;

    @Option(names = "--json", description = "Print a JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        ImageReference ref;
        try {
            ref = ImageReference.parse(reference);
        } catch (InvalidImageReferenceException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("InvalidImageName: " + e.reason().english()
                    + (e.detail() == null ? "" : " (" + e.detail() + ")"));
            err.flush();
            return 2;
        }
        Registry registry = ref.registry();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("input", reference);
        o.put("reference", ref.normalized());
        o.put("familiar", ref.familiar());
        o.put("registry", registry.host());
        o.put("kind", registry.kind().name());
        o.put("repository", ref.repository());
        o.put("tag", ref.tag());
        o.put("digest", ref.digest());
        o.put("tagDefaulted", ref.tagDefaulted());
        o.put("account", registry.account());
        o.put("region", registry.region());
        o.put("partition", registry.partition());
        o.put("fips", registry.fips());
        o.put("dualStack", registry.dualStack());
        o.put("ecrRepositoryArn", ref.ecrRepositoryArn().orElse(null));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(o));
        } else {
            o.forEach((k, v) -> {
                if (v != null && !k.equals("input") && !(v instanceof Boolean b && !b)) {
                    out.printf("%-17s %s%n", k + ":", v);
                }
            });
        }
        out.flush();
        return 0;
    }
}
