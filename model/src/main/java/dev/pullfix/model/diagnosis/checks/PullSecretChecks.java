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
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import dev.pullfix.model.diagnosis.runbook.port.SecretFacts;
import dev.pullfix.model.diagnosis.runbook.port.ServiceAccountFacts;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The pull-secret family (seed 001, "am I using a private registry?"): which secrets the pod and its service account
 * name, and whether one of them holds credentials for the image's registry. Never reads a credential.
 */
public final class PullSecretChecks {
    private PullSecretChecks() {
    }

    public static void register(CheckRegistry r) {
        r.register("pod.pull-secrets", PullSecretChecks::podPullSecrets);
        r.register("secret.docker-config", PullSecretChecks::secretDockerConfig);
        r.register("registry.needs-credentials", PullSecretChecks::registryNeedsCredentials);
    }

    /** Pull secrets the pod references, and whether one of them holds credentials for the image's registry. */
    static CheckOutcome podPullSecrets(Facts f) throws CouldNotCheckException {
        ImageReference ref = f.image();
        if (ref.registry().isEcrPrivate()) {
            return CheckOutcome.skipped(Finding.of("ecrUsesNodeRole", ref.domain())).build();
        }
        PodFacts p = f.pod();
        Optional<ServiceAccountFacts> sa = f.serviceAccount();
        List<List<String>> rows = new ArrayList<>();
        p.imagePullSecrets().forEach(s -> rows.add(List.of("pod", s)));
        sa.ifPresent(a -> a.imagePullSecrets().forEach(s -> rows.add(List.of("serviceaccount/" + a.name(), s))));
        Evidence ev = Evidence.table(Show.TABLE, "evidence.pullSecretRefs", List.of("FROM", "SECRET"), rows);
        if (!p.imagePullSecrets().isEmpty()) {
            return CheckOutcome.ok(Finding.of("podReferencesPullSecrets", String.join(", ", p.imagePullSecrets())))
                    .evidence(ev).build();
        }
        if (sa.isPresent() && !sa.get().imagePullSecrets().isEmpty()) {
            // the service account admission plugin copies them at pod creation: this pod was created before
            return CheckOutcome.problem(Finding.cause("UNAUTHORIZED_NO_CREDENTIALS", "serviceAccountSecretsAddedLater",
                            sa.get().name(), String.join(", ", sa.get().imagePullSecrets())))
                    .evidence(ev)
                    .fix(Proposals.restart(p))
                    .build();
        }
        String secret = unreferencedCovering(f, ref, List.of()).map(SecretFacts::name).orElse(suggestedSecretName(ref));
        return CheckOutcome.problem(Finding.cause("UNAUTHORIZED_NO_CREDENTIALS", "podHasNoPullSecret", ref.domain()))
                .evidence(ev)
                .fix(Proposals.addPullSecret(p, secret))
                .build();
    }

    /**
     * Whether a secret with credentials for the image's registry exists: the referenced ones first, then every
     * docker-registry secret of the namespace (an existing one is proposed for referencing before a new one).
     */
    static CheckOutcome secretDockerConfig(Facts f) throws CouldNotCheckException {
        ImageReference ref = f.image();
        if (ref.registry().isEcrPrivate()) {
            return CheckOutcome.skipped(Finding.of("ecrUsesNodeRole", ref.domain())).build();
        }
        PodFacts p = f.pod();
        List<String> names = new ArrayList<>(p.imagePullSecrets());
        f.serviceAccount().ifPresent(sa -> sa.imagePullSecrets().stream().filter(n -> !names.contains(n)).forEach(names::add));
        List<List<String>> rows = new ArrayList<>();
        String missing = null;
        String wrong = null;
        for (String n : names) {
            Optional<SecretFacts> s = f.secret(n);
            if (s.isEmpty()) {
                rows.add(List.of(n, "-", "-", "missing"));
                missing = missing == null ? n : missing;
                continue;
            }
            boolean covers = s.get().isDockerConfig() && covers(s.get(), ref);
            rows.add(List.of(n, nz(s.get().type()), String.join(" ", new TreeSet<>(s.get().registries())),
                    covers ? "ok" : "no entry for " + ref.domain()));
            if (covers) {
                return CheckOutcome.ok(Finding.of("pullSecretCoversRegistry", n, ref.domain()))
                        .evidence(Evidence.table(Show.TABLE, "evidence.pullSecrets", List.of("NAME", "TYPE", "REGISTRIES", "STATUS"), rows))
                        .build();
            }
            wrong = wrong == null ? n : wrong;
        }
        Optional<SecretFacts> existing = unreferencedCovering(f, ref, names);
        existing.ifPresent(s -> rows.add(List.of(s.name(), nz(s.type()), String.join(" ", new TreeSet<>(s.registries())),
                "unreferenced")));
        Evidence ev = Evidence.table(Show.TABLE, "evidence.pullSecrets", List.of("NAME", "TYPE", "REGISTRIES", "STATUS"), rows);
        if (existing.isPresent()) {
            return CheckOutcome.problem(Finding.cause("UNAUTHORIZED_NO_CREDENTIALS", "pullSecretNotReferenced",
                    existing.get().name(), ref.domain())).evidence(ev).fix(Proposals.addPullSecret(p, existing.get().name()))
                    .build();
        }
        String name = missing != null ? missing : wrong != null ? wrong : suggestedSecretName(ref);
        Finding finding = missing != null
                ? Finding.cause("UNAUTHORIZED_NO_CREDENTIALS", "pullSecretMissing", missing)
                : wrong != null ? Finding.cause("UNAUTHORIZED_NO_CREDENTIALS", "pullSecretWrongRegistry", wrong, ref.domain())
                : Finding.cause("UNAUTHORIZED_NO_CREDENTIALS", "noPullSecretForRegistry", ref.domain());
        return CheckOutcome.problem(finding).evidence(ev).fix(Proposals.createSecret(f, name, ref)).build();
    }

    /** "Am I using a private registry?" (seed 001). */
    static CheckOutcome registryNeedsCredentials(Facts f) throws CouldNotCheckException {
        ImageReference ref = f.image();
        Registry r = ref.registry();
        if (r.isEcrPrivate()) {
            return CheckOutcome.skipped(Finding.of("ecrUsesNodeRole", ref.domain())).build();
        }
        if (isPublicRegistry(r)) {
            return CheckOutcome.skipped(Finding.of("publicRegistry", ref.domain(), ref.familiar())).build();
        }
        PodFacts p = f.pod();
        for (String n : p.imagePullSecrets()) {
            Optional<SecretFacts> s = f.secret(n);
            if (s.isPresent() && s.get().isDockerConfig() && covers(s.get(), ref)) {
                return CheckOutcome.ok(Finding.of("privateRegistryHasSecret", ref.domain(), n)).build();
            }
        }
        Optional<SecretFacts> existing = unreferencedCovering(f, ref, p.imagePullSecrets());
        if (existing.isPresent()) {
            return CheckOutcome.problem(Finding.cause("UNAUTHORIZED_NO_CREDENTIALS", "privateRegistryNoCredentials",
                    ref.domain())).fix(Proposals.addPullSecret(p, existing.get().name())).build();
        }
        String secret = suggestedSecretName(ref);
        return CheckOutcome.problem(Finding.cause("UNAUTHORIZED_NO_CREDENTIALS", "privateRegistryNoCredentials",
                        ref.domain()))
                .fix(Proposals.createSecret(f, secret, ref))
                .fix(Proposals.addPullSecret(p, secret))
                .build();
    }

    /**
     * The first (by name) docker-registry secret of the namespace that the pod does not name and that holds
     * credentials for the image's registry, matched as the kubelet matches; empty when there is none or the secrets
     * cannot be listed (then the checks propose as if there were none).
     */
    static Optional<SecretFacts> unreferencedCovering(Facts f, ImageReference ref, List<String> named) {
        try {
            return f.dockerConfigSecrets().stream().filter(s -> !named.contains(s.name()) && covers(s, ref)).findFirst();
        } catch (CouldNotCheckException e) {
            return Optional.empty();
        }
    }
}
