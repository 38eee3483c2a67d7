package dev.pullfix.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every runbook file matches runbook.schema.json and the index matches index.schema.json (the build fails otherwise).
 * The references between steps, the check ids and the translations are validated by the model's RunbookCatalog.
 */
class RunbookFilesTest {
    static final Path DIR = Path.of("src/main/resources/dev/pullfix/runbooks");
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static Stream<Path> runbooks() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).filter(p -> !p.getFileName().toString().equals("index.yaml"))
                    .sorted().toList().stream();
        }
    }

    static List<Error> validate(String schemaFile, Path yaml) throws IOException {
        Schema schema = REGISTRY.getSchema(Files.readString(DIR.resolve(schemaFile), StandardCharsets.UTF_8), InputFormat.JSON);
        return schema.validate(Files.readString(yaml, StandardCharsets.UTF_8), InputFormat.YAML);
    }

    @ParameterizedTest
    @MethodSource("runbooks")
    void runbookFileMatchesTheSchema(Path runbook) throws IOException {
        assertThat(validate("runbook.schema.json", runbook)).as(runbook.getFileName().toString()).isEmpty();
    }

    @Test
    void indexMatchesItsSchemaAndListsEveryRunbookFile() throws IOException {
        assertThat(validate("index.schema.json", DIR.resolve("index.yaml"))).isEmpty();
        String index = Files.readString(DIR.resolve("index.yaml"), StandardCharsets.UTF_8);
        runbooks().forEach(p -> assertThat(index).contains("  - " + p.getFileName().toString().replace(".yaml", "") + "\n"));
    }

    @Test
    void schemaRefusesAStepWithoutJapaneseTextOrWithAMalformedNextTarget() throws IOException {
        Path broken = Files.createTempFile("runbook", ".yaml");
        try {
            Files.writeString(broken, """
                    id: broken
                    title: {en: "Broken", ja: "壊れた例"}
                    summary: {en: "S", ja: "概要"}
                    sources: [{seed: "000", lang: en, title: "T"}]
                    start: one
                    steps:
                      - id: one
                        number: "1"
                        title: {en: "One"}
                        explain: {en: "E", ja: "説明"}
                        check: pod.status
                        show: TABLE
                        next: {ok: "Step Two", problem: end, unknown: end}
                    """);
            List<Error> errors = validate("runbook.schema.json", broken);
            assertThat(errors).extracting(Error::getKeyword).contains("required", "pattern");
            assertThat(errors).extracting(e -> e.getInstanceLocation().toString())
                    .anySatisfy(l -> assertThat(l).contains("title"))
                    .anySatisfy(l -> assertThat(l).contains("next"));
        } finally {
            Files.deleteIfExists(broken);
        }
    }
}
