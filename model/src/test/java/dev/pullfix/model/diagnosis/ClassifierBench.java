package dev.pullfix.model.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the classifier on the real fixtures, against its own evidence extraction as the peer (how much the
 * rule table adds on top of reading the message). Run with
 * {@code mvn -B -Pbench verify -pl model -am -Dtest=ClassifierBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class ClassifierBench {

    private static final int ROUNDS = 200;

    @Test
    void classifiesRealMessagesQuickly() {
        PullFailureClassifier classifier = PullFailureClassifier.withBuiltInRules();
        List<String> lines = ClassifierFixtures.load("fixtures.yaml").stream()
                .map((Map<String, Object> f) -> ClassifierFixtures.string(f, "line")).toList();
        for (int i = 0; i < 20; i++) { // warm-up
            lines.forEach(classifier::classifyLine);
            lines.forEach(PullEvidence::of);
        }
        long sink = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            for (String l : lines) {
                sink += PullEvidence.of(l).lower().length();
            }
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            for (String l : lines) {
                sink += classifier.classifyLine(l).summaryArgs().size();
            }
        }
        long t2 = System.nanoTime();
        int n = ROUNDS * lines.size();
        double evidenceUs = (t1 - t0) / 1000.0 / n;
        double classifyUs = (t2 - t1) / 1000.0 / n;
        System.out.printf("classifier bench: %d messages x %d rounds; evidence only %.1f us/msg, full classify "
                + "%.1f us/msg (%.0f msg/s), ratio classify/evidence %.2f (sink %d)%n", lines.size(), ROUNDS,
                evidenceUs, classifyUs, 1e6 / classifyUs, classifyUs / evidenceUs, sink);
        assertThat(classifyUs).isPositive();
    }
}
