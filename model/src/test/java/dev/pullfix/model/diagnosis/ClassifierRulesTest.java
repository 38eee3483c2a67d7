package dev.pullfix.model.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Guards the rule table: every rule can be displayed in both languages and is exercised by a real message. */
class ClassifierRulesTest {

    private static final ClassifierRules RULES = ClassifierRules.builtIn();

    /** Rules kept for wordings documented by the vendors but not yet seen in a public report. */
    private static final Set<String> RULES_WITHOUT_A_REAL_FIXTURE = Set.of("dns-phrase", "registry-gateway-error",
            "ecr-repository-not-found", "registry-server-error");

    @Test
    void everySummaryAndCheckHasEnglishAndJapaneseText() {
        for (Locale locale : List.of(Locale.ROOT, Locale.JAPANESE)) {
            ResourceBundle bundle = ResourceBundle.getBundle(PullFailureText.BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (ClassifierRule rule : RULES.rules()) {
                assertThat(bundle.containsKey("summary." + rule.summary())).as("%s summary in %s", rule.name(), locale)
                        .isTrue();
                rule.checks().forEach(c -> assertThat(bundle.containsKey("check." + c))
                        .as("check %s of %s in %s", c, rule.name(), locale).isTrue());
            }
            for (PullFailureCategory c : PullFailureCategory.values()) {
                assertThat(bundle.containsKey("category." + c.name())).isTrue();
            }
        }
    }

    @Test
    void everyRuleIsExercisedByAtLeastOneRealMessage() {
        PullFailureClassifier classifier = new PullFailureClassifier(RULES);
        Set<String> used = new HashSet<>();
        ClassifierFixtures.load("fixtures.yaml")
                .forEach(f -> used.add(classifier.classifyLine(ClassifierFixtures.string(f, "line")).rule()));
        Set<String> unused = new HashSet<>();
        RULES.rules().forEach(r -> {
            if (!used.contains(r.name())) {
                unused.add(r.name());
            }
        });
        assertThat(unused).as("rules with no fixture (add one, or list the rule as documented-only)")
                .isSubsetOf(RULES_WITHOUT_A_REAL_FIXTURE);
    }

    @Test
    void rulesAreEvaluatedByPrecedence() {
        List<ClassifierRule> rules = RULES.rules();
        for (int i = 1; i < rules.size(); i++) {
            assertThat(rules.get(i).precedence()).isGreaterThanOrEqualTo(rules.get(i - 1).precedence());
        }
    }

    @Test
    void aTableWithAnUnknownFieldIsRejected() {
        String yaml = "- name: x\n  category: OTHER\n  precedence: 1\n  anyy: [a]\n";
        assertThatThrownBy(() -> ClassifierRules.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("anyy");
    }

    @Test
    void aRuleWithoutAConditionIsRejected() {
        String yaml = "- name: x\n  category: OTHER\n  precedence: 1\n";
        assertThatThrownBy(() -> ClassifierRules.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("no condition");
    }

    @Test
    void aMaintainerExtendsTheTableWithOneRule() throws Exception {
        String yaml = "- name: harbor-quota\n  category: DISK_OR_SNAPSHOT\n  precedence: 1\n"
                + "  any: [\"quota exceeded\"]\n  checks: [node-disk]\n";
        PullFailureClassifier c = new PullFailureClassifier(
                ClassifierRules.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
        assertThat(c.classifyMessage("Failed to pull image \"h/a:1\": project quota exceeded").rule())
                .isEqualTo("harbor-quota");
    }
}
