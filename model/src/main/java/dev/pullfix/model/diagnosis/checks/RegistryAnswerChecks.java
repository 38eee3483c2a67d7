package dev.pullfix.model.diagnosis.checks;

import static dev.pullfix.model.diagnosis.checks.CheckSupport.nz;
import static dev.pullfix.model.diagnosis.checks.RegistryAuth.isPublicRegistry;
import static dev.pullfix.model.diagnosis.checks.RegistryAuth.suggestedSecretName;

import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.CheckRegistry;
import dev.pullfix.model.diagnosis.runbook.Evidence;
import dev.pullfix.model.diagnosis.runbook.Facts;
import dev.pullfix.model.diagnosis.runbook.Finding;
import dev.pullfix.model.diagnosis.runbook.Show;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.ManifestProbe;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import dev.pullfix.model.image.ImageReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry family's questions answered from the registry's own answer (the probe's {@link ManifestProbe.Details},
 * asked as the kubelet would: its credentials, its node's platform): does the repository exist; are credentials
 * needed and does the registry accept the pod's; does the image hold the node's {@code os/arch[/variant]}.
 * Private ECR images are answered by the ECR family.
 */
final class RegistryAnswerChecks {
    private RegistryAnswerChecks() {
    }

    static void register(CheckRegistry r) {
        r.register("registry.repository", RegistryAnswerChecks::repository);
        r.register("registry.credentials", RegistryAnswerChecks::credentials);
        r.register("registry.platform", RegistryAnswerChecks::platform);
    }

    /** The probe with its details, or null for private ECR (its own family answers). */
    private static ManifestProbe probe(Facts f) throws CouldNotCheckException {
        if (f.image().registry().isEcrPrivate()) {
            return null;
        }
        ManifestProbe p = f.probe(f.pod().imagePullSecrets());
        if (p.registry() == null) {
            throw CouldNotCheckException.of(CouldNotCheckException.Reason.NOT_SUPPORTED,
                    "the registry port gives no details");
        }
        return p;
    }

    static Evidence answer(ManifestProbe p) {
        ManifestProbe.Details d = p.registry();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("endpoint", nz(d.endpoint())));
        rows.add(List.of("repository exists", tri(d.repositoryExists())));
        rows.add(List.of("image exists", tri(d.imageExists())));
        if (d.digest() != null) {
            rows.add(List.of("digest", d.digest()));
        }
        rows.add(List.of("credentials required", tri(d.authRequired())));
        rows.add(List.of("secret keys", d.secretKeys().isEmpty() ? "-" : String.join(" ", d.secretKeys())));
        rows.add(List.of("credentials accepted", d.credentialsAccepted() == null ? "-"
                : tri(d.credentialsAccepted()) + (d.credentialSource() == null ? "" : " (" + d.credentialSource() + ")")));
        if (!d.platforms().isEmpty()) {
            rows.add(List.of("platforms", String.join(" ", d.platforms())));
        }
        if (d.nodePlatform() != null) {
            rows.add(List.of("node platform", d.nodePlatform()));
        }
        if (!d.nearestTags().isEmpty()) {
            rows.add(List.of("nearest tags", String.join(" ", d.nearestTags())));
        }
        if (p.rateLimitLimit() != null) {
            rows.add(List.of("ratelimit-remaining / ratelimit-limit", p.rateLimitRemaining() + " / " + p.rateLimitLimit()
                    + (d.rateLimitSource() == null ? "" : " (" + d.rateLimitSource() + ")")));
        }
        if (p.detail() != null && !p.detail().isBlank()) {
            rows.add(List.of("registry said", p.detail().lines().findFirst().orElse("")));
        }
        return Evidence.table(Show.TABLE, "evidence.registryAnswer", List.of("", ""), rows);
    }

    private static String tri(Boolean b) {
        return b == null ? "unknown" : b ? "yes" : "no";
    }

    static CheckOutcome repository(Facts f) throws CouldNotCheckException {
        ImageReference ref = f.image();
        ManifestProbe p = probe(f);
        if (p == null) {
            return CheckOutcome.skipped(Finding.of("ecrAskedThroughApi", ref.domain())).build();
        }
        ManifestProbe.Details d = p.registry();
        Evidence ev = answer(p);
        if (Boolean.TRUE.equals(d.repositoryExists()) || Boolean.TRUE.equals(d.imageExists())) {
            return CheckOutcome.ok(Finding.of("registryRepositoryExists", ref.name())).evidence(ev).build();
        }
        if (Boolean.FALSE.equals(d.repositoryExists())) {
            return CheckOutcome.problem(Finding.cause("REPO_NOT_FOUND_OR_NO_AUTH", "registryRepositoryMissing",
                    ref.name())).evidence(ev).fix(Proposals.imageReferenceChange(f.container(), f.pod())).build();
        }
        // Docker Hub (and registries like it) answer "does not exist" and "may not read it" alike
        return CheckOutcome.skipped(Finding.of("registryCannotTellRepository", ref.name())).evidence(ev).build();
    }

    static CheckOutcome credentials(Facts f) throws CouldNotCheckException {
        ImageReference ref = f.image();
        ManifestProbe p = probe(f);
        if (p == null) {
            return CheckOutcome.skipped(Finding.of("ecrUsesNodeRole", ref.domain())).build();
        }
        ManifestProbe.Details d = p.registry();
        PodFacts pod = f.pod();
        Evidence ev = answer(p);
        if (Boolean.FALSE.equals(d.credentialsAccepted())) {
            String secret = pod.imagePullSecrets().isEmpty() ? suggestedSecretName(ref) : pod.imagePullSecrets().get(0);
            return CheckOutcome.problem(Finding.cause("UNAUTHORIZED_NO_CREDENTIALS", "registryRejectsPodSecret",
                    ref.domain(), nz(d.credentialSource()))).evidence(ev)
                    .fix(Proposals.createSecret(f, secret, ref)).build();
        }
        if (Boolean.TRUE.equals(d.credentialsAccepted())) {
            return CheckOutcome.ok(Finding.of("registryAcceptsPodSecret", ref.domain(), nz(d.credentialSource())))
                    .evidence(ev).build();
        }
        if (Boolean.FALSE.equals(d.authRequired())) {
            return CheckOutcome.ok(Finding.of("registryOpenToAnonymous", ref.domain())).evidence(ev).build();
        }
        if (Boolean.TRUE.equals(d.authRequired()) && !isPublicRegistry(ref.registry())) {
            String secret = suggestedSecretName(ref);
            return CheckOutcome.problem(Finding.cause("UNAUTHORIZED_NO_CREDENTIALS", "registryWantsCredentialsPodHasNone",
                    ref.domain(), d.secretKeys().isEmpty() ? "-" : String.join(", ", d.secretKeys()))).evidence(ev)
                    .fix(Proposals.createSecret(f, secret, ref)).fix(Proposals.addPullSecret(pod, secret))
                    .build();
        }
        return CheckOutcome.skipped(Finding.of("registryCredentialsUnknown", ref.domain())).evidence(ev).build();
    }

    static CheckOutcome platform(Facts f) throws CouldNotCheckException {
        ImageReference ref = f.image();
        ManifestProbe p = probe(f);
        if (p == null) {
            return CheckOutcome.skipped(Finding.of("ecrAskedThroughApi", ref.domain())).build();
        }
        ManifestProbe.Details d = p.registry();
        if (d.nodePlatform() == null) {
            return CheckOutcome.skipped(Finding.of("nodePlatformUnknown", nz(f.pod().nodeName()))).build();
        }
        Evidence ev = answer(p);
        if (Boolean.TRUE.equals(d.platformMatches())) {
            return CheckOutcome.ok(Finding.of("imageHasNodePlatform", ref.familiar(), d.nodePlatform(),
                    String.join(", ", d.platforms()))).evidence(ev).build();
        }
        if (Boolean.FALSE.equals(d.platformMatches())) {
            return CheckOutcome.problem(Finding.cause("PLATFORM_MISMATCH", "imageLacksNodePlatform", ref.familiar(),
                    d.nodePlatform(), d.platforms().isEmpty() ? "-" : String.join(", ", d.platforms())))
                    .evidence(ev).fix(Proposals.imageReferenceChange(f.container(), f.pod())).build();
        }
        return CheckOutcome.skipped(Finding.of("platformNotChecked", ref.familiar())).evidence(ev).build();
    }
}
