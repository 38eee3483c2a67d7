package dev.pullfix.model.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
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

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(f.category()).as("category (rule %s)", f.rule())
                .isEqualTo(PullFailureCategory.valueOf(ClassifierFixtures.string(pod, "category")));
        soft.assertThat(f.event()).as("deciding event").isNotNull();
        if (f.event() != null) {
            soft.assertThat(f.event().isGenericPullStatus()).as("decided by a status-only event").isFalse();
            if (pod.containsKey("count")) {
                soft.assertThat(f.event().count()).as("event counter").isEqualTo(pod.get("count"));
            }
        }
        if (pod.containsKey("rule")) {
            soft.assertThat(f.rule()).isEqualTo(pod.get("rule"));
        }
        if (pod.containsKey("ecrRepositoryArn")) {
            soft.assertThat(f.ecrRepositoryArn()).isEqualTo(pod.get("ecrRepositoryArn"));
        }
        if (pod.containsKey("imageProblem")) {
            soft.assertThat(f.imageProblem()).isNotNull();
            soft.assertThat(f.imageProblem() == null ? null : f.imageProblem().name()).isEqualTo(pod.get("imageProblem"));
        }
        soft.assertAll();
    }
}
