package dev.pullfix.model.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One repository's policy in memory, for write-path tests: reads and writes logged, writes deniable. */
public final class InMemoryEcr implements EcrGateway, EcrWriter {
    public Optional<String> policy;
    public final List<String> calls = new ArrayList<>();
    public boolean denyWrites;

    public InMemoryEcr(String policy) {
        this.policy = Optional.ofNullable(policy);
    }

    @Override
    public AwsResult<RepositoryInfo> describeRepository(String registryId, String repositoryName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AwsResult<Optional<PullThroughCacheRule>> pullThroughCacheRuleFor(String registryId, String repositoryName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AwsResult<ImageLookup> describeImage(String registryId, String repositoryName, EcrImageId image) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AwsResult<List<ImageDetail>> listImages(String registryId, String repositoryName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AwsResult<Optional<String>> getRepositoryPolicy(String registryId, String repositoryName) {
        calls.add("get");
        return AwsResult.ok(policy);
    }

    @Override
    public AwsResult<String> setRepositoryPolicy(String registryId, String repositoryName, String policyText) {
        calls.add("set");
        if (denyWrites) {
            return AwsResult.failed(AwsProblem.of(AwsProblem.Kind.ACCESS_DENIED, "ecr", "SetRepositoryPolicy", "denied"));
        }
        policy = Optional.of(policyText);
        return AwsResult.ok(policyText);
    }

    @Override
    public AwsResult<String> deleteRepositoryPolicy(String registryId, String repositoryName) {
        calls.add("delete");
        String old = policy.orElse("");
        policy = Optional.empty();
        return AwsResult.ok(old);
    }
}
