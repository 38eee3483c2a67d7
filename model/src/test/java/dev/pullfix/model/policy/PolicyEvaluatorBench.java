package dev.pullfix.model.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the evaluator on the seed 000 case (ReadOnly identity policy + the seed repository policy), and of a
 * full kubelet pull verdict, against a peer measured in the same run: parsing the same repository policy with
 * Jackson. Run: {@code mvn -B -Pbench verify -pl model -am -Dtest=PolicyEvaluatorBench
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class PolicyEvaluatorBench {
    private static final int WARMUP = 20_000;
    private static final int RUNS = 200_000;

    @Test
    void evaluatesTheSeedCaseFast() throws Exception {
        PolicySet set = PolicySet.builder()
                .identity("ReadOnly", PolicyParser.parse(SeedScenarioTest.READ_ONLY))
                .resource("repository policy", PolicyParser.parse(SeedScenarioTest.SEED_POLICY)).build();
        AccessRequest req = new AccessRequest(SeedScenarioTest.SESSION, "ecr:BatchGetImage", SeedScenarioTest.REPO);
        PolicyEvaluator ev = new PolicyEvaluator();
        ObjectMapper mapper = new ObjectMapper();
        KubeletPull pull = new KubeletPull();
        KubeletPull.PullCheck check = KubeletPull.builder(SeedScenarioTest.SESSION, SeedScenarioTest.REPO)
                .identityPolicy("ReadOnly", PolicyParser.parse(SeedScenarioTest.READ_ONLY))
                .repositoryPolicy(PolicyParser.parse(SeedScenarioTest.SEED_POLICY)).build();

        long sink = 0;
        for (int i = 0; i < WARMUP; i++) {
            sink += ev.evaluate(req, set).statements().size();
            sink += mapper.readTree(SeedScenarioTest.SEED_POLICY).size();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            sink += ev.evaluate(req, set).statements().size();
        }
        long evalNs = (System.nanoTime() - t0) / RUNS;
        t0 = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            sink += mapper.readTree(SeedScenarioTest.SEED_POLICY).size();
        }
        long parseNs = (System.nanoTime() - t0) / RUNS;
        t0 = System.nanoTime();
        int pulls = RUNS / 20;
        for (int i = 0; i < pulls; i++) {
            sink += pull.check(check).results().size();
        }
        long pullNs = (System.nanoTime() - t0) / pulls;

        System.out.printf("policy evaluator, seed 000 case: %.2f us/evaluation%n", evalNs / 1000.0);
        System.out.printf("peer: Jackson readTree of the same repository policy: %.2f us/parse%n", parseNs / 1000.0);
        System.out.printf("ratio evaluation/parse: %.2f%n", (double) evalNs / parseNs);
        System.out.printf("kubelet pull verdict (5 requirements): %.2f us/verdict%n", pullNs / 1000.0);
        assertThat(sink).isPositive();
    }
}
