package dev.pullfix.cli;

import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.InvalidImageReferenceException;
import dev.pullfix.model.registry.HttpRegistryClient;
import dev.pullfix.model.registry.ImageCheckResult;
import dev.pullfix.model.registry.ImageChecker;
import dev.pullfix.model.registry.Platform;
import dev.pullfix.model.registry.RateLimit;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pullfix image check IMAGE [--pull-secret NS/NAME]... [--platform linux/arm64] [--json]}: asks the image's
 * registry what the kubelet's pull would meet: repository, tag or digest (else the nearest tags), whether credentials
 * are needed and whether the pull secret's are accepted, the platforms against the node's, Docker Hub's budget.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Asks the image's registry (registry API v2, as containerd asks it) whether the kubelet could "
                + "pull the image: the repository and the tag or digest exist (else the nearest tags), credentials are "
                + "needed and the pull secret's are accepted (the secret is read in memory and matched as the kubelet "
                + "matches it), the image has the node's platform, and Docker Hub's remaining pull budget (from a HEAD, "
                + "which does not count as a pull).",
            "For private ECR the token comes from ecr:GetAuthorizationToken with your AWS identity, not the node role's.",
            "Exit 0 when the pull would get past the registry, 1 when it would not, 4 when the registry could not be "
                + "asked, 2 for bad usage."},
        footer = {"", "JSON fields: image, registry, kind, endpoint, repositoryExists, imageExists, authRequired, "
                + "credentialsAccepted, credentialSource, platforms, platform, platformMatches, rateLimit {limit, "
                + "remaining, windowSeconds, source}, nearestTags, digest, pullable, category, failure, detail, "
                + "secretProblems, note."})
public final class ImageCheckCommand implements Callable<Integer>, ExitCode.Checker {

    @Parameters(index = "0", paramLabel = "IMAGE", description = "e.g. nginx:1.27, ghcr.io/owner/app:v2")
    String image;

    @Option(names = "--pull-secret", paramLabel = "NS/NAME", description = "A docker-registry secret in the cluster "
            + "(repeatable; the kubelet tries them in order). Read in memory only, never printed.")
    List<String> pullSecrets = List.of();

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "The node's platform, e.g. "
            + "linux/arm64 (reads the manifest: on Docker Hub that counts as one pull).")
    String platform;

    @Mixin
    RegistryOptions registries;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    AwsOptions aws;

    @Mixin
    OutputOptions output;

    @Mixin
    TimeoutOption timeout;

    @Spec
    CommandSpec spec;

    /** The JSON answer: the registry's facts, never credentials. */
    record Answer(String image, String registry, String kind, String endpoint, Boolean repositoryExists,
                  Boolean imageExists, Boolean authRequired, Boolean credentialsAccepted, String credentialSource,
                  List<String> platforms, String platform, Boolean platformMatches, RateLimit rateLimit,
                  List<String> nearestTags, String digest, boolean pullable, String category, String failure,
                  String detail, List<String> secretProblems, String note) {
    }

    @Override
    public Integer call() {
        Output o = Output.of(spec, output);
        ImageReference ref;
        try {
            ref = ImageReference.parse(image);
        } catch (InvalidImageReferenceException e) {
            throw o.usage("InvalidImageName: " + e.reason().english() + (e.detail() == null ? "" : " (" + e.detail() + ")"));
        }
        Platform node = platform == null ? null : Platform.parse(platform).orElseThrow(() ->
                o.usage("--platform must be OS/ARCH[/VARIANT], e.g. linux/arm64, not '" + platform + "'"));
        return timeout.start().run(() -> {
            RegistryCredentials.Resolved creds = credentials(o, ref);
            HttpRegistryClient client = new HttpRegistryClient(registries.clientOptions(timeout.perCall(),
                    timeout.duration()));
            ImageCheckResult r = new ImageChecker(client).check(ref, creds.credentials(), node);
            print(o, r, creds);
            return r.pullable() ? ExitCode.OK : r.couldNotAsk() ? ExitCode.COULD_NOT_CHECK : ExitCode.PROBLEM_FOUND;
        });
    }

    private RegistryCredentials.Resolved credentials(Output o, ImageReference ref) throws CouldNotCheckException {
        if (!pullSecrets.isEmpty()) {
            try (ClusterConnection conn = cluster.connect(timeout.perCall())) {
                return RegistryCredentials.fromSecrets(RegistryCredentials.reader(conn),
                        RegistryCredentials.byNamespace(pullSecrets, cluster.namespaceOr(conn)), ref);
            }
        }
        if (ref.registry().isEcrPrivate()) {
            return RegistryCredentials.ecrToken(ref, aws, timeout.perCall(), o);
        }
        return new RegistryCredentials.Resolved(List.of(), List.of(), null);
    }

    static Answer answer(ImageCheckResult r, RegistryCredentials.Resolved creds) {
        return new Answer(r.image(), ImageReference.parse(r.image()).domain(), r.registryKind().name(), r.endpoint(),
                r.repositoryExists(), r.imageExists(), r.authRequired(), r.credentialsAccepted(), r.credentialSource(),
                r.platforms(), r.platform(), r.platformMatches(), r.rateLimit(), r.nearestTags(), r.digest(),
                r.pullable(), r.category() == null ? null : r.category().name(),
                r.failure() == null ? null : r.failure().kind().name(),
                r.failure() == null ? null : Output.untrusted(r.failure().detail()),
                creds.problems().stream().map(p -> p.name() + ": " + p.problem()).toList(), creds.ecrNote());
    }

    private void print(Output o, ImageCheckResult r, RegistryCredentials.Resolved creds) {
        Answer a = answer(r, creds);
        if (o.json()) {
            o.printJson(a);
            return;
        }
        PrintWriter out = o.out();
        Map<String, Object> rows = new java.util.LinkedHashMap<>();
        rows.put("check.image", a.image());
        rows.put("check.registry", a.registry() + " (" + a.kind() + ") " + a.endpoint());
        rows.put("check.repositoryExists", yesNo(o, a.repositoryExists()));
        rows.put("check.imageExists", yesNo(o, a.imageExists()) + (a.digest() == null ? "" : "  " + a.digest()));
        if (!a.nearestTags().isEmpty()) {
            rows.put("check.nearestTags", String.join(", ", a.nearestTags()));
        }
        rows.put("check.authRequired", yesNo(o, a.authRequired()));
        rows.put("check.credentials", a.credentialSource() == null ? o.t("registry", "check.anonymous")
                : a.credentialSource() + ": " + yesNo(o, a.credentialsAccepted()));
        if (!a.platforms().isEmpty() || a.platform() != null) {
            rows.put("check.platforms", String.join(", ", a.platforms()) + (a.platform() == null ? ""
                    : "  (" + a.platform() + ": " + yesNo(o, a.platformMatches()) + ")"));
        }
        if (a.rateLimit() != null) {
            rows.put("check.rateLimit", o.t("registry", "check.rateLimitValue", a.rateLimit().remaining(),
                    a.rateLimit().limit(), a.rateLimit().windowSeconds() == null ? "?" : a.rateLimit().windowSeconds(),
                    a.rateLimit().source() == null ? "-" : a.rateLimit().source()));
        }
        rows.forEach((k, v) -> out.printf("%-22s %s%n", o.t("registry", k) + ":", v));
        for (String p : a.secretProblems()) {
            out.println(o.t("registry", "check.secretProblem", p));
        }
        if (a.note() != null) {
            out.println(a.note());
        }
        out.println(a.pullable() ? o.t("registry", "check.verdictOk")
                : r.couldNotAsk() ? o.t("registry", "check.verdictCouldNotAsk", a.category(), firstLine(a.detail()))
                : o.t("registry", "check.verdictFails", a.category(), a.failure(), firstLine(a.detail())));
        out.flush();
    }

    static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    static String yesNo(Output o, Boolean b) {
        return o.t("registry", b == null ? "check.unknown" : b ? "check.yes" : "check.no");
    }
}
