package dev.pullfix.model.aws;

import java.util.List;
import java.util.Optional;

/**
 * Port: read-only questions to ECR, answered by the SDK adapter ({@link SdkEcrGateway}) or the practice lab.
 * {@code registryId} is the 12-digit account of the registry (null = the caller's own).
 */
public interface EcrGateway {

    /** The repository; {@link AwsProblem.Kind#REPOSITORY_NOT_FOUND} when it does not exist. */
    AwsResult<RepositoryInfo> describeRepository(String registryId, String repositoryName);

    /** True/false, or a problem when it could not be checked (e.g. access denied). */
    default AwsResult<Boolean> repositoryExists(String registryId, String repositoryName) {
        AwsResult<RepositoryInfo> r = describeRepository(registryId, repositoryName);
        if (!r.isOk() && r.problem().orElseThrow().kind() == AwsProblem.Kind.REPOSITORY_NOT_FOUND) {
            return AwsResult.ok(false);
        }
        return r.map(x -> true);
    }

    /** The pull-through cache rule whose prefix covers the repository name, if any. */
    AwsResult<Optional<PullThroughCacheRule>> pullThroughCacheRuleFor(String registryId, String repositoryName);

    /** The image by tag or digest; when missing, {@link ImageLookup#nearestTags()} holds what exists. */
    AwsResult<ImageLookup> describeImage(String registryId, String repositoryName, EcrImageId image);

    /** All images of the repository, newest pushed first (bounded: at most a few thousand). */
    AwsResult<List<ImageDetail>> listImages(String registryId, String repositoryName);

    /**
     * {@code ecr:GetAuthorizationToken} for the registry, as the caller's identity (the user's, never the node role's);
     * ports that cannot answer say {@link AwsProblem.Kind#INVALID_REQUEST}.
     */
    default AwsResult<EcrAuthorization> authorizationToken(String registryId) {
        return AwsResult.failed(AwsProblem.of(AwsProblem.Kind.INVALID_REQUEST, "ecr", "GetAuthorizationToken", "not offered"));
    }

    /** The repository policy text; {@code Optional.empty()} when the repository has none (a normal state). */
    AwsResult<Optional<String>> getRepositoryPolicy(String registryId, String repositoryName);
}
