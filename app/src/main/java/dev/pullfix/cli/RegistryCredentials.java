package dev.pullfix.cli;

import dev.pullfix.model.aws.AwsEnvironment;
import dev.pullfix.model.aws.AwsProfiles;
import dev.pullfix.model.aws.AwsResult;
import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.aws.AwsSessionOptions;
import dev.pullfix.model.aws.EcrAuthorization;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.connect.Fabric8PullSecretReader;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.registry.Credential;
import dev.pullfix.model.registry.KubeletCredentials;
import dev.pullfix.model.registry.PullSecretReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The credentials a command asks a registry with: the kubelet's choice among pull secrets read from the cluster
 * (in memory only), or for private ECR a token from {@code ecr:GetAuthorizationToken} with the user's AWS identity
 * (said so: it is not the node role's). Anonymous otherwise.
 */
final class RegistryCredentials {
    /** Secrets by namespace, in the order given, and what could not be read. */
    record Resolved(List<Credential> credentials, List<KubeletCredentials.SecretProblem> problems, String ecrNote) {
    }

    private RegistryCredentials() {
    }

    /** {@code NS/NAME} (or {@code NAME} in {@code defaultNamespace}) → namespace → names. */
    static Map<String, List<String>> byNamespace(List<String> refs, String defaultNamespace) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String r : refs) {
            int slash = r.indexOf('/');
            String ns = slash > 0 ? r.substring(0, slash) : defaultNamespace;
            String name = slash > 0 ? r.substring(slash + 1) : r;
            out.computeIfAbsent(ns, k -> new ArrayList<>()).add(name);
        }
        return out;
    }

    /** The kubelet's credentials for an image from pull secrets in several namespaces (each namespace's keyring in turn). */
    static Resolved fromSecrets(PullSecretReader reader, Map<String, List<String>> secrets, ImageReference image)
            throws CouldNotCheckException {
        List<Credential> creds = new ArrayList<>();
        List<KubeletCredentials.SecretProblem> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : secrets.entrySet()) {
            KubeletCredentials kc = KubeletCredentials.resolve(reader, e.getKey(), e.getValue());
            creds.addAll(kc.credentialsFor(image));
            problems.addAll(kc.problems());
        }
        return new Resolved(creds, problems, null);
    }

    static PullSecretReader reader(ClusterConnection conn) {
        return new Fabric8PullSecretReader(conn);
    }

    /**
     * An ECR token for a private ECR image, with the user's AWS identity; empty credentials and a note when none can
     * be had (the check then runs anonymously, and ECR answers 401).
     */
    static Resolved ecrToken(ImageReference image, AwsOptions aws, Duration perCall, Output o) {
        AwsSessionOptions options = AwsSessionOptions.defaults().withProfile(aws.profile()).withRegion(aws.region())
                .withResourceRegion(image.registry().region()).withEndpoint(aws.endpoint()).withApiCallTimeout(perCall);
        try (AwsSession s = AwsSession.open(AwsProfiles.load(AwsEnvironment.system()), options)) {
            AwsResult<EcrAuthorization> t = s.ecr().authorizationToken(image.registry().account());
            if (!t.isOk()) {
                return new Resolved(List.of(), List.of(), o.t("registry", "check.ecrNoToken",
                        t.problem().map(p -> p.kind().name()).orElse("?")));
            }
            String who = s.profileName() == null ? "default" : s.profileName();
            Credential c = Credential.basic(t.value().username(), t.value().password(),
                    o.t("registry", "source.ecrToken", who));
            return new Resolved(List.of(c), List.of(), o.t("registry", "check.ecrIdentity", who));
        } catch (RuntimeException e) {
            return new Resolved(List.of(), List.of(), o.t("registry", "check.ecrNoToken", e.getClass().getSimpleName()));
        }
    }
}
