package dev.pullfix.model.diagnosis.checks;

import dev.pullfix.model.diagnosis.runbook.port.SecretFacts;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.Registry;
import dev.pullfix.model.image.RegistryKind;
import dev.pullfix.model.registry.Keyring;

/** Which registries want credentials and whether a docker config secret holds some for an image's registry. */
final class RegistryAuth {
    private RegistryAuth() {
    }

    static boolean isPublicRegistry(Registry r) {
        return r.kind() == RegistryKind.DOCKER_HUB || r.kind() == RegistryKind.ECR_PUBLIC;
    }

    static String suggestedSecretName(ImageReference ref) {
        return ref.registry().kind() == RegistryKind.DOCKER_HUB ? "dockerhub" : "regcred";
    }

    /**
     * Whether a docker config secret holds credentials the kubelet would use for the image: its {@code auths} keys
     * matched as the kubelet's keyring matches them (host globs, port, path prefix, Docker Hub's
     * {@code https://index.docker.io/v1/}).
     */
    static boolean covers(SecretFacts s, ImageReference ref) {
        return Keyring.covers(s.registries(), ref.name());
    }
}
