package dev.pullfix.model.aws;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The reads of one {@link EcrCheck}, asked at once: none depends on another's answer, so a slow or dead endpoint
 * costs one call's time instead of one per read (they were sequential: four 60 s timeouts against a server that
 * never answered). Close it to stop the reads nobody waits for any more.
 */
final class EcrCheckReads implements AutoCloseable {

    private final ExecutorService pool;
    final CompletableFuture<AwsResult<RepositoryInfo>> repository;
    final CompletableFuture<AwsResult<Optional<PullThroughCacheRule>>> pullThroughCache;
    final CompletableFuture<AwsResult<ImageLookup>> image;
    final CompletableFuture<AwsResult<Optional<String>>> repositoryPolicy;
    /** Null when no role is checked. */
    final CompletableFuture<AwsResult<RolePolicies>> rolePolicies;

    EcrCheckReads(EcrGateway ecr, IamGateway iam, String registryId, String repo, EcrImageId wanted, String role) {
        pool = Executors.newFixedThreadPool(role == null ? 4 : 5, r -> {
            Thread t = new Thread(r, "pullfix-ecr-check");
            t.setDaemon(true);
            return t;
        });
        repository = start(() -> ecr.describeRepository(registryId, repo));
        pullThroughCache = start(() -> ecr.pullThroughCacheRuleFor(registryId, repo));
        image = start(() -> ecr.describeImage(registryId, repo, wanted));
        repositoryPolicy = start(() -> ecr.getRepositoryPolicy(registryId, repo));
        rolePolicies = role == null ? null : start(() -> iam.rolePolicies(role));
    }

    private <T> CompletableFuture<T> start(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, pool);
    }

    /** The read's answer; a gateway's unchecked failure is rethrown as it was. */
    static <T> T get(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
