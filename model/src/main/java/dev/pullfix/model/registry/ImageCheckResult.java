package dev.pullfix.model.registry;

import dev.pullfix.model.diagnosis.PullFailureCategory;
import dev.pullfix.model.image.RegistryKind;
import java.util.List;

/**
 * What the registry itself says about one image, asked as the kubelet would ask (its credentials, its platform).
 * Booleans are null when the registry's answer does not tell (e.g. Docker Hub answers "does not exist" and "private"
 * alike).
 *
 * @param image               the normalised reference
 * @param registryKind        the recognised registry kind
 * @param endpoint            the base URL asked
 * @param repositoryExists    the repository exists
 * @param imageExists         the tag or digest exists
 * @param authRequired        an anonymous pull is refused
 * @param credentialsAccepted the pod's credentials were accepted (null when it has none for this registry)
 * @param credentialSource    which secret's credentials answered (never the credentials), or null
 * @param digest              the manifest digest the tag resolves to, or null
 * @param platforms           the platforms the image holds ({@code linux/amd64}, ...)
 * @param platform            the node's platform checked, or null
 * @param platformMatches     the image holds a platform the node runs (null when not checked)
 * @param rateLimit           Docker Hub's budget from a HEAD, or null
 * @param nearestTags         existing tags nearest the missing one (empty when the image exists)
 * @param tagsListed          the repository's tags were listed (false: could not list)
 * @param failure             why the kubelet's pull would fail at the registry, or null when it would not
 * @param category            the failure's category, or null
 */
public record ImageCheckResult(String image, RegistryKind registryKind, String endpoint, Boolean repositoryExists,
                               Boolean imageExists, Boolean authRequired, Boolean credentialsAccepted,
                               String credentialSource, String digest, List<String> platforms, String platform,
                               Boolean platformMatches, RateLimit rateLimit, List<String> nearestTags,
                               boolean tagsListed, RegistryFailure failure, PullFailureCategory category) {
    public ImageCheckResult {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
        nearestTags = nearestTags == null ? List.of() : List.copyOf(nearestTags);
    }

    /** The kubelet's pull would get past the registry: the image exists, credentials work, the platform is there. */
    public boolean pullable() {
        return failure == null && Boolean.TRUE.equals(imageExists) && !Boolean.FALSE.equals(platformMatches);
    }

    /** The registry could not be asked (network, TLS, timeouts): nothing else here is known. */
    public boolean couldNotAsk() {
        return failure != null && !failure.answered() && failure.kind() != RegistryFailure.Kind.PLAIN_HTTP;
    }
}
