package dev.pullfix.model.lab;

import dev.pullfix.model.lab.world.Scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.PullFailureCategory;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.image.ImageReference;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScenarioCatalogTest {

    @Test
    void everyScenarioFromS1ToS10IsShippedWithEnglishAndJapaneseTitles() {
        assertThat(LabSession.scenarios()).extracting(LabSession.ScenarioInfo::id).containsExactlyElementsOf(Scenario.IDS);
        assertThat(LabSession.scenarios()).allSatisfy(s -> {
            assertThat(s.title(Locale.ENGLISH)).isNotBlank();
            assertThat(s.title(Locale.JAPANESE)).isNotBlank().isNotEqualTo(s.titleEn());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10"})
    void scenarioParsesWithAValidExpectationAndAParsableImage(String id) {
        Scenario s = Scenario.find(id).orElseThrow();
        PullFailureCategory.valueOf(s.expect().cause());
        FixKind.valueOf(s.expect().fix());
        assertThat(s.kubernetes()).anySatisfy(o -> {
            assertThat(o.path("kind").asText()).isEqualTo("Deployment");
            assertThat(o.path("metadata").path("name").asText()).isEqualTo(s.broken().deployment());
            ImageReference.parse(o.path("spec").path("template").path("spec").path("containers").path(0).path("image").asText());
        });
    }

    @Test
    void unknownScenarioIsRefusedWithTheKnownIds() {
        assertThat(Scenario.find("S99")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LabSession.start("S99", LabSession.Options.defaults()))
                .hasMessageContaining("unknown scenario S99").hasMessageContaining("S1, S2");
    }
}
