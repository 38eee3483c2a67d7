package dev.pullfix.model.aws;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.PullThroughCacheRule;
import software.amazon.awssdk.services.ecr.model.Repository;

/** {@link EcrGateway} over the SDK's ECR client (JSON 1.1 protocol). Read-only: writes live in {@link SdkEcrWriter}. */
final class SdkEcrGateway implements EcrGateway {
    /** Bound on DescribeImages pages (1000 images each) when listing. */
    static final int MAX_PAGES = 10;
    static final int NEAREST_LIMIT = 5;

    private final AwsSession session;
    private final java.util.function.Supplier<EcrClient> ecrClient;

    SdkEcrGateway(AwsSession session, java.util.function.Supplier<EcrClient> ecrClient) {
        this.session = session;
        this.ecrClient = ecrClient;
    }

    @Override
    public AwsResult<RepositoryInfo> describeRepository(String registryId, String repositoryName) {
        return session.call("ecr", "DescribeRepositories", () -> {
            List<Repository> repos = ecrClient.get().describeRepositories(r -> r.registryId(registryId)
                    .repositoryNames(repositoryName)).repositories();
            if (repos.isEmpty()) {
                throw new AwsProblemException(AwsProblem.of(AwsProblem.Kind.REPOSITORY_NOT_FOUND, "ecr",
                        "DescribeRepositories", repositoryName));
            }
            Repository r = repos.get(0);
            var enc = r.encryptionConfiguration();
            return new RepositoryInfo(r.registryId(), r.repositoryName(), r.repositoryArn(), r.repositoryUri(),
                    r.createdAt(), enc == null ? "AES256" : enc.encryptionTypeAsString(),
                    enc == null ? null : enc.kmsKey(), r.imageTagMutabilityAsString(),
                    r.imageScanningConfiguration() != null && Boolean.TRUE.equals(r.imageScanningConfiguration().scanOnPush()));
        });
    }

    @Override
    public AwsResult<Optional<dev.pullfix.model.aws.PullThroughCacheRule>> pullThroughCacheRuleFor(
            String registryId, String repositoryName) {
        return session.call("ecr", "DescribePullThroughCacheRules", () -> {
            int pages = 0;
            dev.pullfix.model.aws.PullThroughCacheRule best = null;
            for (var page : ecrClient.get().describePullThroughCacheRulesPaginator(r -> r.registryId(registryId))) {
                for (PullThroughCacheRule rule : page.pullThroughCacheRules()) {
                    var mine = new dev.pullfix.model.aws.PullThroughCacheRule(rule.registryId(),
                            rule.ecrRepositoryPrefix(), rule.upstreamRegistryUrl(), rule.upstreamRegistryAsString(),
                            rule.credentialArn());
                    // the longest matching prefix wins
                    if (mine.covers(repositoryName) && (best == null
                            || mine.ecrRepositoryPrefix().length() > best.ecrRepositoryPrefix().length())) {
                        best = mine;
                    }
                }
                if (++pages >= MAX_PAGES) {
                    break;
                }
            }
            return Optional.ofNullable(best);
        });
    }

    @Override
    public AwsResult<ImageLookup> describeImage(String registryId, String repositoryName, EcrImageId image) {
        ImageIdentifier id = image.byDigest() ? ImageIdentifier.builder().imageDigest(image.digest()).build()
                : ImageIdentifier.builder().imageTag(image.tag()).build();
        AwsResult<List<ImageDetail>> found = session.call("ecr", "DescribeImages", () ->
                ecrClient.get().describeImages(r -> r.registryId(registryId).repositoryName(repositoryName).imageIds(id))
                        .imageDetails().stream().map(SdkEcrGateway::detail).toList());
        if (found.isOk() && !found.value().isEmpty()) {
            return AwsResult.ok(new ImageLookup(image, found.value().get(0), List.of()));
        }
        if (!found.isOk() && found.problem().orElseThrow().kind() != AwsProblem.Kind.IMAGE_NOT_FOUND) {
            return AwsResult.failed(found.problem().orElseThrow());
        }
        // missing: offer the nearest tags; if listing fails the answer is still "missing", without candidates
        List<ImageDetail> all = listImages(registryId, repositoryName).orElse(List.of());
        return AwsResult.ok(new ImageLookup(image, null, NearestTags.rank(image, all, NEAREST_LIMIT)));
    }

    @Override
    public AwsResult<EcrAuthorization> authorizationToken(String registryId) {
        return session.call("ecr", "GetAuthorizationToken", () -> {
            var data = ecrClient.get().getAuthorizationToken(r -> {
                if (registryId != null) {
                    r.registryIds(registryId); // deprecated by AWS but still honoured; the token covers every registry
                }
            }).authorizationData().get(0);
            String decoded = new String(java.util.Base64.getDecoder().decode(data.authorizationToken()),
                    java.nio.charset.StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            dev.pullfix.model.secret.Secrets.register(data.authorizationToken());
            dev.pullfix.model.secret.Secrets.register(decoded.substring(colon + 1));
            return new EcrAuthorization(decoded.substring(0, colon), decoded.substring(colon + 1), data.proxyEndpoint(),
                    data.expiresAt());
        });
    }

    @Override
    public AwsResult<List<ImageDetail>> listImages(String registryId, String repositoryName) {
        return session.call("ecr", "DescribeImages", () -> {
            List<ImageDetail> all = new ArrayList<>();
            int pages = 0;
            for (var page : ecrClient.get().describeImagesPaginator(r -> r.registryId(registryId).repositoryName(repositoryName)
                    .maxResults(1000))) {
                page.imageDetails().forEach(d -> all.add(detail(d)));
                if (++pages >= MAX_PAGES) {
                    break;
                }
            }
            all.sort(Comparator.comparing(ImageDetail::pushedAt, Comparator.nullsLast(Comparator.reverseOrder())));
            return List.copyOf(all);
        });
    }

    @Override
    public AwsResult<Optional<String>> getRepositoryPolicy(String registryId, String repositoryName) {
        AwsResult<Optional<String>> r = session.call("ecr", "GetRepositoryPolicy", () -> Optional.ofNullable(
                ecrClient.get().getRepositoryPolicy(b -> b.registryId(registryId).repositoryName(repositoryName)).policyText()));
        if (!r.isOk() && r.problem().orElseThrow().kind() == AwsProblem.Kind.REPOSITORY_POLICY_NOT_FOUND) {
            return AwsResult.ok(Optional.empty());
        }
        return r;
    }

    private static ImageDetail detail(software.amazon.awssdk.services.ecr.model.ImageDetail d) {
        return new ImageDetail(d.registryId(), d.repositoryName(), d.imageDigest(),
                d.hasImageTags() ? d.imageTags() : List.of(), d.imagePushedAt(), d.imageSizeInBytes(),
                d.imageManifestMediaType(), d.artifactMediaType(), d.lastRecordedPullTime());
    }
}
