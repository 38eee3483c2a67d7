package dev.pullfix.model.diagnosis.runbook.port;

import java.util.Set;

/**
 * A secret without its data: type and, for docker config secrets, the registry hosts in {@code auths}.
 *
 * @param registries hosts listed under {@code auths} (e.g. {@code registry.example.com}, {@code https://index.docker.io/v1/})
 */
public record SecretFacts(String namespace, String name, String type, Set<String> registries) {
    public SecretFacts {
        registries = registries == null ? Set.of() : Set.copyOf(registries);
    }

    public boolean isDockerConfig() {
        return "kubernetes.io/dockerconfigjson".equals(type) || "kubernetes.io/dockercfg".equals(type);
    }
}
