package dev.pullfix.model.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real message in {@code classifier/fixtures.yaml} is classified as its source says, with its evidence. */
class PullFailureFixturesTest {

    private static final PullFailureClassifier CLASSIFIER = PullFailureClassifier.withBuiltInRules();
    private static final List<Map<String, Object>> FIXTURES = ClassifierFixtures.load("fixtures.yaml");

    static Stream<Arguments> fixtures() {
        return FIXTURES.stream().map(f -> Arguments.of(f.get("id"), f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void classifiesTheRealMessageAsItsSourceSays(String id, Map<String, Object> fixture) {
        PullFailure f = CLASSIFIER.classifyLine(ClassifierFixtures.string(fixture, "line"));
        // plain comparisons (SoftAssertions' proxies cost ~0.2 s per case on a busy machine)
        Map<String, String> actual = new LinkedHashMap<>();
        actual.put("category", f.category().name());
        actual.put("registry", f.registry());
        actual.put("registryKind", f.registryKind() == null ? null : f.registryKind().name());
        actual.put("repository", f.repository());
        actual.put("tag", f.tag());
        actual.put("digest", f.digest());
        actual.put("summaryCode", f.summaryCode());
        actual.put("imageProblem", f.imageProblem() == null ? null : f.imageProblem().name());
        actual.put("httpStatus", f.httpStatus() == null ? null : f.httpStatus().toString());
        List<String> wrong = new ArrayList<>();
        actual.forEach((key, value) -> {
            String expected = ClassifierFixtures.string(fixture, key);
            if ("category".equals(key) && fixture.containsKey(KNOWN_MISS)) {
                expected = ClassifierFixtures.string(fixture, CLASSIFIED_AS); // pinned: a rule change must revisit it
            }
            if (fixture.containsKey(key) && !Objects.equals(expected, value)) {
                wrong.add(key + ": expected " + fixture.get(key) + " but was " + value);
            }
        });
        assertThat(wrong).as("%s (rule %s)", id, f.rule()).isEmpty();
    }

    @Test
    void everyFixtureCitesItsSourceAndIdsAreUnique() {
        assertThat(FIXTURES).hasSizeGreaterThanOrEqualTo(60);
        assertThat(FIXTURES).allSatisfy(f -> {
            assertThat(ClassifierFixtures.string(f, "source")).as("source of %s", f.get("id")).isNotBlank();
            assertThat(ClassifierFixtures.string(f, "line")).as("line of %s", f.get("id")).isNotBlank();
        });
        assertThat(FIXTURES.stream().map(f -> f.get("id")).distinct().count()).isEqualTo(FIXTURES.size());
    }

    @Test
    void fixturesCoverEveryCategoryThatOccursInPractice() {
        assertThat(FIXTURES.stream().map(f -> ClassifierFixtures.string(f, "category")).distinct())
                .containsAll(List.of("TAG_NOT_FOUND", "REPO_NOT_FOUND_OR_NO_AUTH", "UNAUTHORIZED_NO_CREDENTIALS",
                        "FORBIDDEN_POLICY", "ECR_TOKEN_OR_AUTH", "RATE_LIMITED", "NETWORK_TIMEOUT", "DNS_FAILURE",
                        "TLS_CERTIFICATE", "PLATFORM_MISMATCH", "INVALID_IMAGE_NAME", "NEVER_PULL",
                        "DISK_OR_SNAPSHOT", "KMS_OR_ENCRYPTION", "OTHER"));
    }

    /**
     * A fixture whose wording is identical to messages of another category (the cause is only in its context) keeps
     * the category its source gives, states why the text cannot tell ({@code knownMiss}) and pins what the
     * classifier answers ({@code classifiedAs}). It counts as a miss in every figure.
     */
    private static final String KNOWN_MISS = "knownMiss";
    private static final String CLASSIFIED_AS = "classifiedAs";

    @Test
    void everyKnownMissSaysWhyAndDiffersFromItsCategory() {
        FIXTURES.stream().filter(f -> f.containsKey(KNOWN_MISS)).forEach(f -> {
            assertThat(ClassifierFixtures.string(f, KNOWN_MISS)).as("reason of %s", f.get("id")).isNotBlank();
            assertThat(ClassifierFixtures.string(f, CLASSIFIED_AS)).as("classifiedAs of %s", f.get("id"))
                    .isNotBlank().isNotEqualTo(ClassifierFixtures.string(f, "category"));
        });
    }

    /** First-run figures of each held-out batch (gathered after the rules, classified once before any tuning). */
    private static final Map<String, String> FIRST_RUN = Map.of(
            "true", "25/26",
            "issue-18", "16/18",
            "issue-18b", "64/82",
            "issue-18c", "44/49",
            "issue-18d", "27/29",
            "issue-18e", "56/68",
            "issue-18f", "30/34");

    /** Prints the accuracy per category and per held-out batch (the figures reported in the closing notes). */
    @Test
    void reportsAccuracyPerCategory() {
        Map<String, int[]> perCategory = new TreeMap<>();
        Map<String, int[]> perBatch = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (Map<String, Object> fixture : FIXTURES) {
            String want = ClassifierFixtures.string(fixture, "category");
            PullFailure got = CLASSIFIER.classifyLine(ClassifierFixtures.string(fixture, "line"));
            boolean right = got.category().name().equals(want);
            count(perCategory.computeIfAbsent(want, k -> new int[2]), right);
            String batch = ClassifierFixtures.string(fixture, "heldOut");
            if (batch != null) {
                count(perBatch.computeIfAbsent(batch, k -> new int[2]), right);
            }
            String miss = fixture.get("id") + ": want " + want + ", got " + got.category() + " (" + got.rule() + ")";
            if (right) {
                continue;
            }
            if (fixture.containsKey(KNOWN_MISS)
                    && got.category().name().equals(ClassifierFixtures.string(fixture, CLASSIFIED_AS))) {
                System.out.println("  known miss " + miss);
            } else {
                misses.add(miss);
            }
        }
        int right = perCategory.values().stream().mapToInt(c -> c[0]).sum();
        int total = perCategory.values().stream().mapToInt(c -> c[1]).sum();
        Map<String, String> table = new LinkedHashMap<>();
        perCategory.forEach((k, c) -> table.put(k, c[0] + "/" + c[1]));
        System.out.printf("classifier accuracy on %d real messages: %d/%d = %.1f %%%n  per category: %s%n",
                total, right, total, 100.0 * right / total, table);
        perBatch.forEach((batch, c) -> System.out.printf(
                "  held-out batch %s (gathered after the rules; %s on its first run): %d/%d%n",
                batch, FIRST_RUN.getOrDefault(batch, "?"), c[0], c[1]));
        misses.forEach(m -> System.out.println("  miss " + m));
        assertThat(FIRST_RUN.keySet()).as("every held-out batch records its first-run figure")
                .containsAll(perBatch.keySet());
        assertThat(misses).as("misclassified fixtures").isEmpty();
    }

    private static void count(int[] counts, boolean right) {
        counts[0] += right ? 1 : 0;
        counts[1]++;
    }
}
