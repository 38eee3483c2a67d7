package dev.pullfix.model.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullfix.model.fault.FaultServer;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.policy.PolicyEvaluator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Fault injection for the SDK's deadlines: an endpoint that accepts TCP and never answers, and one that stalls
 * mid-answer. Before: four sequential 60 s calls (242 s) and then exit 0 from {@code ecr check}, because a call
 * timeout was not taken for an unreachable endpoint.
 */
class AwsDeadlinesTest {

    private static final String IMAGE = "682844965773.dkr.ecr.us-west-2.amazonaws.com/team/app:v1";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final long SLACK_MILLIS = 25_000;

    private static AwsSession session(URI endpoint) {
        return AwsSession.open(AwsStub.profiles(Map.of()), AwsSessionOptions.defaults().withRegion("us-west-2")
                .withEndpoint(endpoint).withApiCallTimeout(TIMEOUT));
    }

    @Test
    void anEcrCheckAgainstABlackholeCostsOneTimeoutAndIsUnreachable() throws Exception {
        try (FaultServer server = new FaultServer(FaultServer.Mode.BLACKHOLE, "");
             AwsSession s = session(URI.create(server.url()))) {
            EcrCheck check = new EcrCheck(s.ecr(), s.iam(), new PolicyEvaluator());
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> check.run(ImageReference.parse(IMAGE), "node-role", false))
                    .isInstanceOfSatisfying(AwsProblemException.class, e -> {
                        assertThat(e.problem().kind()).isEqualTo(AwsProblem.Kind.ENDPOINT_UNREACHABLE);
                        assertThat(e.problem().detail()).isEqualTo("no answer within 3 s");
                    });
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).isGreaterThanOrEqualTo(TIMEOUT.toMillis() - 500).isLessThan(TIMEOUT.toMillis() + SLACK_MILLIS);
        }
    }

    @Test
    void anAnswerThatStallsMidBodyEndsWithinTheTimeoutAsUnreachable() throws Exception {
        try (FaultServer server = new FaultServer(FaultServer.Mode.STALL_MID_BODY, "{\"repositories\":[{\"repositoryName\"");
             AwsSession s = session(URI.create(server.url()))) {
            long t0 = System.nanoTime();
            AwsResult<RepositoryInfo> r = s.ecr().describeRepository("682844965773", "team/app");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.problem()).get().extracting(AwsProblem::kind).isEqualTo(AwsProblem.Kind.ENDPOINT_UNREACHABLE);
            assertThat(ms).isLessThan(TIMEOUT.toMillis() + SLACK_MILLIS);
        }
    }

    @Test
    void theDefaultsStateFifteenSecondsAndThreeAttempts() {
        assertThat(AwsSessionOptions.defaults().effectiveApiCallTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(AwsSessionOptions.DEFAULT_MAX_ATTEMPTS).isEqualTo(3);
    }

    @Test
    void theChecksIndependentReadsRunAtTheSameTime() {
        CountDownLatch allStarted = new CountDownLatch(4);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        EcrGateway slow = new EcrGateway() {
            private <T> AwsResult<T> answer(AwsResult<T> r) {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                allStarted.countDown();
                try {
                    // sequential reads would each wait the full 10 s here
                    allStarted.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inFlight.decrementAndGet();
                return r;
            }

            @Override
            public AwsResult<RepositoryInfo> describeRepository(String registryId, String repositoryName) {
                return answer(AwsResult.failed(AwsProblem.of(AwsProblem.Kind.REPOSITORY_NOT_FOUND, "ecr",
                        "DescribeRepositories", null)));
            }

            @Override
            public AwsResult<Optional<PullThroughCacheRule>> pullThroughCacheRuleFor(String registryId, String repo) {
                return answer(AwsResult.ok(Optional.empty()));
            }

            @Override
            public AwsResult<ImageLookup> describeImage(String registryId, String repositoryName, EcrImageId image) {
                return answer(AwsResult.failed(AwsProblem.of(AwsProblem.Kind.REPOSITORY_NOT_FOUND, "ecr",
                        "DescribeImages", null)));
            }

            @Override
            public AwsResult<List<ImageDetail>> listImages(String registryId, String repositoryName) {
                throw new AssertionError("not a read of the check");
            }

            @Override
            public AwsResult<Optional<String>> getRepositoryPolicy(String registryId, String repositoryName) {
                return answer(AwsResult.ok(Optional.empty()));
            }
        };
        EcrCheckReport r = new EcrCheck(slow, null, new PolicyEvaluator()).run(ImageReference.parse(IMAGE), null, false);
        assertThat(r.repositoryExists()).isFalse();
        assertThat(most.get()).isEqualTo(4);
    }
}
