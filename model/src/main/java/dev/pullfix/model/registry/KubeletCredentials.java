package dev.pullfix.model.registry;

import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.image.ImageReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The credentials the kubelet would use for a pod's images ({@code MakeDockerKeyring} over the pod's
 * {@code imagePullSecrets}): a missing secret is skipped (the kubelet warns "Unable to retrieve pull secret"), a secret
 * of another type is ignored, a {@code dockerconfigjson}/{@code dockercfg} secret whose data does not parse makes every
 * pull of the pod fail. Held in memory for one check.
 */
public final class KubeletCredentials {

    /** Why a named secret gives no credentials. */
    public enum Problem { MISSING, NOT_DOCKER_CONFIG, MALFORMED }

    /** A secret that gives no credentials, and why (never its content). */
    public record SecretProblem(String name, Problem problem, String detail) {
    }

    private final List<String> secretNames;
    private final Keyring keyring;
    private final List<SecretProblem> problems;

    private KubeletCredentials(List<String> secretNames, Keyring keyring, List<SecretProblem> problems) {
        this.secretNames = List.copyOf(secretNames);
        this.keyring = keyring;
        this.problems = List.copyOf(problems);
    }

    /** No pull secrets: anonymous pulls. */
    public static KubeletCredentials none() {
        return new KubeletCredentials(List.of(), new Keyring(), List.of());
    }

    /**
     * Reads the secrets in the kubelet's order.
     *
     * @param secretNames the pod's {@code imagePullSecrets} (for a pod not yet created, its service account's after them)
     */
    public static KubeletCredentials resolve(PullSecretReader reader, String namespace, List<String> secretNames)
            throws CouldNotCheckException {
        Keyring keyring = new Keyring();
        List<SecretProblem> problems = new ArrayList<>();
        List<String> names = List.copyOf(new LinkedHashSet<>(secretNames));
        for (String name : names) {
            Optional<PullSecret> s = reader.read(namespace, name);
            if (s.isEmpty()) {
                problems.add(new SecretProblem(name, Problem.MISSING, "secret " + namespace + "/" + name + " not found"));
                continue;
            }
            PullSecret p = s.get();
            String source = "secret " + namespace + "/" + name;
            try {
                if (PullSecret.TYPE_CONFIG_JSON.equals(p.type()) && p.dockerConfigJson() != null
                        && p.dockerConfigJson().length > 0) {
                    keyring.add(DockerConfig.parseConfigJson(p.dockerConfigJson(), source));
                } else if (PullSecret.TYPE_DOCKERCFG.equals(p.type()) && p.dockercfg() != null && p.dockercfg().length > 0) {
                    keyring.add(DockerConfig.parseDockercfg(p.dockercfg(), source));
                } else {
                    problems.add(new SecretProblem(name, Problem.NOT_DOCKER_CONFIG, "type " + p.type()));
                }
            } catch (IOException e) {
                problems.add(new SecretProblem(name, Problem.MALFORMED, e.getMessage()));
            }
        }
        return new KubeletCredentials(names, keyring, problems);
    }

    /** The credentials the kubelet tries for this image, in order; empty: an anonymous pull. */
    public List<Credential> credentialsFor(ImageReference image) {
        return keyring.lookup(image.name());
    }

    /** True when a secret's data does not parse: the kubelet fails every pull of the pod. */
    public boolean keyringBroken() {
        return problems.stream().anyMatch(p -> p.problem() == Problem.MALFORMED);
    }

    public List<String> secretNames() {
        return secretNames;
    }

    /** The registry keys the secrets hold (as the kubelet indexes them), most specific first. */
    public List<String> keys() {
        return keyring.keys();
    }

    public List<SecretProblem> problems() {
        return problems;
    }

    @Override
    public String toString() {
        return "KubeletCredentials[secrets=" + secretNames + ", keys=" + keyring.keys() + ", problems=" + problems + "]";
    }
}
