package dev.pullfix.model.diagnosis.checks;

import static dev.pullfix.model.diagnosis.checks.CheckSupport.nz;
import static dev.pullfix.model.diagnosis.checks.RegistryAuth.covers;
import static dev.pullfix.model.diagnosis.checks.RegistryAuth.isPublicRegistry;
import static dev.pullfix.model.diagnosis.checks.RegistryAuth.suggestedSecretName;

import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.CheckRegistry;
import dev.pullfix.model.diagnosis.runbook.Evidence;
import dev.pullfix.model.diagnosis.runbook.Facts;
import dev.pullfix.model.diagnosis.runbook.Finding;
import dev.pullfix.model.diagnosis.runbook.Show;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException.Reason;
import dev.pullfix.model.diagnosis.runbook.port.ManifestProbe;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import dev.pullfix.model.diagnosis.runbook.port.SecretFacts;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.Registry;
import dev.pullfix.model.image.RegistryKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * The registry family: what the registry itself answers for the image (the manifest exists, the tag is missing, the
 * credentials are refused, the Docker Hub pull budget), asked from this machine through the registry port. Private
 * ECR images go to the ECR family instead.
 */
public final class RegistryChecks {
    private RegistryChecks() {
    }

    public static void register(CheckRegistry r) {
        r.register("registry.manifest", RegistryChecks::registryManifest);
        r.register("registry.rate-limit", RegistryChecks::registryRateLimit);
        RegistryAnswerChecks.register(r);
    }

    static CheckOutcome registryManifest(Facts f) throws CouldNotCheckException {
        ImageReference ref = f.image();
        if (ref.registry().isEcrPrivate()) {
            return EcrChecks.ecrImage(f);
        }
        PodFacts p = f.pod();
        ManifestProbe probe = f.probe(p.imagePullSecrets());
        String url = "https://" + (ref.domain().equals(Registry.DOCKER_HUB_DOMAIN) ? "registry-1.docker.io" : ref.domain())
                + "/v2/" + ref.repository() + "/manifests/" + (ref.digest() != null ? ref.digest() : ref.tag());
        Evidence ev = Evidence.text(Show.TEXT, "evidence.manifestProbe", "HEAD " + url + " -> "
                + (probe.httpStatus() == 0 ? probe.status().name() : Integer.toString(probe.httpStatus()))
                + (probe.authenticated() ? " (with pull secret)" : " (anonymous)")
                + (probe.detail() == null ? "" : "\n" + probe.detail()));
        return switch (probe.status()) {
            case FOUND -> CheckOutcome.ok(Finding.of("registryHasImage", ref.familiar())).evidence(ev).build();
            case TAG_NOT_FOUND -> {
                // the registry's own tags, nearest the missing one and newest first, become the fix's candidates
                List<String> nearest = probe.registry() == null ? List.of() : probe.registry().nearestTags();
                yield CheckOutcome.problem(nearest.isEmpty()
                                ? Finding.cause("TAG_NOT_FOUND", "registryTagMissing", ref.familiar(), nz(ref.tag()))
                                : Finding.cause("TAG_NOT_FOUND", "registryTagMissingNearest", ref.familiar(), nz(ref.tag()),
                                        String.join(", ", nearest.subList(0, Math.min(5, nearest.size())))))
                        .evidence(ev).fix(Proposals.tagChange(f, nearest)).build();
            }
            case NOT_FOUND_OR_UNAUTHORIZED -> {
                if (!isPublicRegistry(ref.registry()) && !probe.authenticated()) {
                    // "does not exist or may require authorization" from a private registry, asked without credentials
                    yield CheckOutcome.problem(Finding.cause("UNAUTHORIZED_NO_CREDENTIALS", "registryNeedsCredentials",
                            ref.domain())).evidence(ev).build();
                }
                CheckOutcome.Builder b = CheckOutcome.problem(Finding.cause("REPO_NOT_FOUND_OR_NO_AUTH",
                        "registryRepositoryMissingOrPrivate", ref.name())).evidence(ev);
                if (isPublicRegistry(ref.registry())) {
                    b.fix(Proposals.imageReferenceChange(f.container(), p));
                }
                yield b.build();
            }
            case UNAUTHORIZED -> CheckOutcome.problem(Finding.cause("UNAUTHORIZED_NO_CREDENTIALS",
                            "registryRejectsCredentials", ref.domain()))
                    .evidence(ev)
                    .fix(Proposals.createSecret(f, p.imagePullSecrets().isEmpty() ? suggestedSecretName(ref)
                            : p.imagePullSecrets().get(0), ref))
                    .build();
            case RATE_LIMITED -> CheckOutcome.problem(Finding.cause("RATE_LIMITED", "registryRateLimited",
                    ref.domain())).evidence(ev).build();
            case TIMEOUT -> unreachableFromHere(f, "NETWORK_TIMEOUT", ref, probe, ev);
            case DNS_FAILURE -> unreachableFromHere(f, "DNS_FAILURE", ref, probe, ev);
            case TLS_ERROR -> unreachableFromHere(f, "TLS_CERTIFICATE", ref, probe, ev);
            case ERROR -> CheckOutcome.couldNotCheck(CouldNotCheckException.of(Reason.ERROR, probe.detail()))
                    .withEvidence(List.of(ev));
        };
    }

    /** Categories the kubelet reports only when the registry answered it (so the node reached the registry). */
    private static final Set<String> REGISTRY_ANSWERED_THE_NODE = Set.of("TAG_NOT_FOUND", "REPO_NOT_FOUND_OR_NO_AUTH",
            "UNAUTHORIZED_NO_CREDENTIALS", "FORBIDDEN_POLICY", "ECR_TOKEN_OR_AUTH", "RATE_LIMITED", "PLATFORM_MISMATCH",
            "KMS_OR_ENCRYPTION");

    /**
     * The registry does not answer this machine. When the kubelet's own error shows the registry answered the node
     * (a missing tag, a refusal), that is this machine's network, not the pod's cause: the check could not be made
     * from here. Otherwise it corroborates a network cause ("does not answer from here either").
     */
    private static CheckOutcome unreachableFromHere(Facts f, String cause, ImageReference ref, ManifestProbe probe,
                                                    Evidence ev) throws CouldNotCheckException {
        if (f.symptom().filter(REGISTRY_ANSWERED_THE_NODE::contains).isPresent()) {
            return CheckOutcome.couldNotCheck(CouldNotCheckException.of(Reason.UNREACHABLE,
                    ref.domain() + ": " + nz(probe.detail()))).withEvidence(List.of(ev));
        }
        return CheckOutcome.problem(Finding.cause(cause, "registryUnreachableFromHere", ref.domain())).evidence(ev).build();
    }

    static CheckOutcome registryRateLimit(Facts f) throws CouldNotCheckException {
        ImageReference ref = f.image();
        if (ref.registry().kind() != RegistryKind.DOCKER_HUB) {
            return CheckOutcome.skipped(Finding.of("notDockerHub", ref.domain())).build();
        }
        PodFacts p = f.pod();
        String hubSecret = null;
        for (String n : p.imagePullSecrets()) {
            Optional<SecretFacts> s = f.secret(n);
            if (s.isPresent() && s.get().isDockerConfig() && covers(s.get(), ref)) {
                hubSecret = n;
            }
        }
        ManifestProbe probe = null;
        try {
            probe = f.probe(p.imagePullSecrets());
        } catch (CouldNotCheckException e) {
            // the probe is optional here: the verdict also stands on the pull secrets and the events
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("authenticated pulls", hubSecret == null ? "no (anonymous, limit per source IP)" : "yes (" + hubSecret + ")"));
        if (probe != null && probe.rateLimitLimit() != null) {
            rows.add(List.of("ratelimit-remaining / ratelimit-limit", probe.rateLimitRemaining() + " / " + probe.rateLimitLimit()));
        }
        Evidence ev = Evidence.table(Show.TABLE, "evidence.rateLimit", List.of("", ""), rows);
        boolean limitedNow = probe != null && (probe.status() == ManifestProbe.Status.RATE_LIMITED
                || (probe.rateLimitRemaining() != null && probe.rateLimitRemaining() <= 0));
        boolean eventsSayLimited = f.symptom().filter("RATE_LIMITED"::equals).isPresent();
        if (!limitedNow && !eventsSayLimited) {
            return CheckOutcome.ok(Finding.of("rateLimitNotHit", ref.domain())).evidence(ev).build();
        }
        if (hubSecret != null) {
            return CheckOutcome.problem(Finding.cause("RATE_LIMITED", "authenticatedPullsRateLimited", hubSecret))
                    .evidence(ev).fix(Proposals.mirror(ref)).build();
        }
        String secret = "dockerhub";
        return CheckOutcome.problem(Finding.cause("RATE_LIMITED", "anonymousPullsRateLimited", ref.domain()))
                .evidence(ev)
                .fix(Proposals.createSecret(f, secret, ref))
                .fix(Proposals.addPullSecret(p, secret))
                .fix(Proposals.mirror(ref))
                .build();
    }
}
