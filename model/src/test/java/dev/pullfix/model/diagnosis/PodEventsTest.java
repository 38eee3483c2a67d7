package dev.pullfix.model.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whole pods from {@code classifier/pods.yaml}: the most specific Failed event wins over status-only events. */
class PodEventsTest {

    private static final PullFailureClassifier CLASSIFIER = PullFailureClassifier.withBuiltInRules();

    static Stream<Arguments> pods() {
        return ClassifierFixtures.load("pods.yaml").stream().map(p -> Arguments.of(p.get("id"), p));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pods")
    void namesTheCauseFromTheMostSpecificEventOfThePod(String id, Map<String, Object> pod) {
        var events = KubeletEvent.parseAll(ClassifierFixtures.string(pod, "events"));
        assertThat(events).isNotEmpty().noneMatch(e -> e.message().startsWith("Type "));
        PullFailure f = CLASSIFIER.classify(ClassifierFixtures.string(pod, "waitingReason"), events);

        // plain assertions: SoftAssertions' proxies are slow on a busy machine
        assertThat(f.category()).as("%s category (rule %s)", id, f.rule())
                .isEqualTo(PullFailureCategory.valueOf(ClassifierFixtures.string(pod, "category")));
        assertThat(f.event()).as("deciding event").isNotNull();
        assertThat(f.event().isGenericPullStatus()).as("decided by a status-only event").isFalse();
        if (pod.containsKey("count")) {
            assertThat(f.event().count()).as("event counter").isEqualTo(pod.get("count"));
        }
        if (pod.containsKey("rule")) {
            assertThat(f.rule()).isEqualTo(pod.get("rule"));
        }
        if (pod.containsKey("ecrRepositoryArn")) {
            assertThat(f.ecrRepositoryArn()).isEqualTo(pod.get("ecrRepositoryArn"));
        }
        if (pod.containsKey("imageProblem")) {
            assertThat(f.imageProblem()).isNotNull();
            assertThat(f.imageProblem().name()).isEqualTo(pod.get("imageProblem"));
        }
    }
}
