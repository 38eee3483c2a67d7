package dev.pullfix.model.diagnosis.checks;

import dev.pullfix.model.diagnosis.runbook.port.SecretFacts;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.Registry;
import dev.pullfix.model.image.RegistryKind;
import java.util.Locale;

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

    /** Whether a docker config secret has an {@code auths} entry for the image's registry. */
    static boolean covers(SecretFacts s, ImageReference ref) {
        for (String host : s.registries()) {
            String h = host.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "");
            int slash = h.indexOf('/');
            if (slash >= 0) {
                h = h.substring(0, slash);
            }
            if (h.equals(ref.domain().toLowerCase(Locale.ROOT))) {
                return true;
            }
            if (ref.registry().kind() == RegistryKind.DOCKER_HUB && Registry.recognise(h).kind() == RegistryKind.DOCKER_HUB) {
                return true;
            }
        }
        return false;
    }
}
