package dev.pullfix.model.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Data-driven evaluator cases from AWS's documented examples (IAM evaluation logic, cross-account, resource-based
 * policies, ECR repository policy examples, condition operators, NotPrincipal, boundaries/SCPs/endpoints), one
 * file per topic under {@code policy/cases/}, each case in the CLI's CASE format plus the expected answer.
 */
class DocumentedCasesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(DocumentedCasesTest.class.getResource("/policy/cases").toURI());
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                for (JsonNode c : MAPPER.readTree(f.toFile())) {
                    out.add(Arguments.of(f.getFileName() + ": " + c.get("name").asText(), c));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluatesAsDocumented(String name, JsonNode c) {
        PolicyCase pc = PolicyCase.parse(c.get("case").toString());
        EvaluationResult r = new PolicyEvaluator().evaluate(pc.request(), pc.policies());
        JsonNode expect = c.get("expect");

        assertThat(r.decision()).as(name + " → " + r).isEqualTo(Decision.valueOf(expect.get("decision").asText()));
        if (expect.has("sids")) {
            List<String> sids = new ArrayList<>();
            expect.get("sids").forEach(s -> sids.add(s.asText()));
            assertThat(r.statements()).as(name).extracting(StatementRef::sid).containsAll(sids);
        }
        if (expect.has("reasonCode")) {
            assertThat(r.reasonCode()).as(name).isEqualTo(expect.get("reasonCode").asText());
        }
        if (expect.has("possible")) {
            List<Decision> possible = new ArrayList<>();
            expect.get("possible").forEach(s -> possible.add(Decision.valueOf(s.asText())));
            assertThat(r.possible()).as(name).containsExactlyInAnyOrderElementsOf(possible);
        }
        if (r.decision() == Decision.EXPLICIT_DENY) {
            assertThat(r.statements()).as("an explicit deny names its statements").isNotEmpty()
                    .allSatisfy(s -> assertThat(s.effect()).isEqualTo(Effect.DENY));
        }
    }
}
