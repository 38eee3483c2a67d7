package dev.pullfix.model.diagnosis.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.report.DiagnosisReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every seed scenario reads completely in English and in Japanese: no missing key, every step's own texts. */
class BilingualReportsTest {

    static Stream<Arguments> scenarios() {
        return Stream.<Supplier<Scenarios.World>>of(() -> Scenarios.ecrPolicyDeny(false), () -> Scenarios.ecrPolicyDeny(true),
                        Scenarios::dockerHubTagMissing, Scenarios::dockerHubRepositoryMissing,
                        Scenarios::privateRegistryWithoutSecret, Scenarios::registryTimeout, Scenarios::rateLimited,
                        () -> Scenarios.nodeRoleWithoutEcr(false), () -> Scenarios.nodeRoleWithoutEcr(true),
                        Scenarios::vpcEndpointPolicyDenies, Scenarios::tagNeverPushed)
                .flatMap(s -> Stream.of(Arguments.of(s, Locale.ENGLISH), Arguments.of(s, Locale.JAPANESE)));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void reportHasEveryStepInTheReadersLanguageAndNoMissingText(Supplier<Scenarios.World> scenario, Locale locale) {
        Diagnosis d = Engines.diagnose(scenario.get());
        String md = new DiagnosisReport(Engines.CATALOG, locale).markdown(d);

        assertThat(md).doesNotContainPattern("![a-zA-Z.]+[A-Za-z_]+!");
        for (StepResult s : d.steps()) {
            assertThat(md).contains(s.step().title().in(locale).replace("*", "\\*"));
            assertThat(md).contains(s.step().explain().in(locale).replace("_", "\\_").replace("*", "\\*").substring(0, 12));
        }
        if (locale.getLanguage().equals("ja")) {
            assertThat(md).contains("ステップ").contains("結果").contains("修正案");
        }
        assertThat(d.fixes()).allSatisfy(f -> assertThat(md).contains(f.kind().name()));
    }

    @Test
    void everyFixAndEvidenceKeyTheChecksUseIsInBothBundles() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(Path.of("src/main/java/dev/pullfix/model/diagnosis/checks"))) {
            for (Path p : files.filter(x -> x.toString().endsWith(".java")).sorted().toList()) {
                all.append(Files.readString(p));
            }
        }
        String source = all.toString();
        Matcher m = Pattern.compile("\"((?:fix|evidence)\\.[A-Za-z]+)\"").matcher(source);
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        ResourceBundle en = ResourceBundle.getBundle("dev.pullfix.i18n.diagnosis", Locale.ENGLISH, noFallback);
        ResourceBundle ja = ResourceBundle.getBundle("dev.pullfix.i18n.diagnosis", Locale.JAPANESE, noFallback);
        int found = 0;
        while (m.find()) {
            found++;
            assertThat(en.containsKey(m.group(1))).as(m.group(1)).isTrue();
            assertThat(ja.keySet()).as(m.group(1)).contains(m.group(1));
        }
        assertThat(found).isGreaterThan(30);
        Matcher f = Pattern.compile("Finding\\.(?:of|cause)\\((?:\"[A-Z_]+\",\\s*)?(?:[^\"()]*\\?\\s*)?\"([a-zA-Z]+)\"(?:\\s*:\\s*\"([a-zA-Z]+)\")?")
                .matcher(source);
        int findings = 0;
        while (f.find()) {
            for (int g = 1; g <= 2; g++) {
                if (f.group(g) != null && !f.group(g).equals("couldNotCheck")) {
                    findings++;
                    assertThat(en.containsKey("finding." + f.group(g))).as("finding." + f.group(g)).isTrue();
                }
            }
        }
        assertThat(findings).isGreaterThan(40);
    }
}
