package dev.pullfix.model.aws;

import java.util.Locale;

/**
 * An ECR pull-through cache rule: repositories named {@code <prefix>/...} are filled from the upstream
 * registry on first pull, which needs {@code ecr:BatchImportUpstreamImage} (and {@code ecr:CreateRepository}
 * when the cache repository does not exist yet) besides the usual pull actions.
 */
public record PullThroughCacheRule(String registryId, String ecrRepositoryPrefix, String upstreamRegistryUrl,
                                   String upstreamRegistry, String credentialArn) {

    /** Whether {@code repositoryName} lives under this rule's prefix. */
    public boolean covers(String repositoryName) {
        if (repositoryName == null || ecrRepositoryPrefix == null) {
            return false;
        }
        String p = ecrRepositoryPrefix.toLowerCase(Locale.ROOT);
        String r = repositoryName.toLowerCase(Locale.ROOT);
        return "root".equals(p) || r.startsWith(p + "/");
    }
}
