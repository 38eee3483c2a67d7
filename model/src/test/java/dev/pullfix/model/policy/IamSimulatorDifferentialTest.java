package dev.pullfix.model.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pullfix.model.ExternalTools;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Pullfix's evaluator against an IAM simulator we did not write ({@code @cloud-copilot/iam-simulate}, pinned in
 * {@code src/test/node/package-lock.json}), on a few thousand random ECR-focused cases from a fixed seed, all run
 * in one node process. Every disagreement must fall in a class of {@code policy/differential/adjudicated.json},
 * decided by AWS's documentation (each entry cites the page); any other disagreement fails the test with the case.
 * Prints the agreement figures overall and per feature class.
 */
class IamSimulatorDifferentialTest {
    static final long SEED = 18;
    static final int CASES = 3000;
    private static final ObjectMapper M = new ObjectMapper();

    @Test
    void pullfixAgreesWithTheSimulatorOrTheDifferenceIsAdjudicated() throws Exception {
        List<RandomIamCases.Generated> cases = new RandomIamCases(SEED).generate(CASES);
        ArrayNode batch = M.createArrayNode();
        for (RandomIamCases.Generated g : cases) {
            batch.addObject().put("id", g.id()).set("case", g.json());
        }
        Path input = Path.of("target/iam-differential-cases.json"); // kept for whoever investigates a failure
        M.writeValue(input.toFile(), batch);
        ExternalTools.Result run = ExternalTools.node("simulate.cjs", List.of(input.toString()), 120);
        assertThat(run.exit()).as("simulator run: %s", run.errors()).isZero();
        Map<String, JsonNode> sim = new HashMap<>();
        for (String line : run.output().split("\n")) {
            if (line.startsWith("{")) {
                JsonNode n = M.readTree(line);
                sim.put(n.get("id").asText(), n);
            }
        }
        assertThat(sim).as("one simulator answer per case").hasSize(cases.size());

        PolicyEvaluator evaluator = new PolicyEvaluator(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));
        Adjudications adjudications = Adjudications.load();
        Map<String, int[]> perClass = new TreeMap<>();
        List<String> unexplained = new ArrayList<>();
        List<String> simErrors = new ArrayList<>();
        ArrayNode disagreements = M.createArrayNode();
        int agree = 0;
        int withoutNotPrincipal = 0;
        int agreeWithoutNotPrincipal = 0;
        int adjudicated = 0;
        for (RandomIamCases.Generated g : cases) {
            JsonNode s = sim.get(g.id());
            if (s.has("error")) {
                simErrors.add(g.id() + ": " + s.get("error").asText() + "\n" + g.json());
                continue;
            }
            PolicyCase pc = PolicyCase.parse(g.json().toString());
            EvaluationResult r = evaluator.evaluate(pc.request(), pc.policies());
            String simulator = s.get("result").asText();
            boolean same = Adjudications.same(r.decision(), simulator);
            for (String tag : g.tags()) {
                int[] c = perClass.computeIfAbsent(tag, k -> new int[2]);
                c[0]++;
                c[1] += same ? 1 : 0;
            }
            if (!g.tags().contains("notPrincipal")) {
                withoutNotPrincipal++;
                agreeWithoutNotPrincipal += same ? 1 : 0;
            }
            if (same) {
                agree++;
                continue;
            }
            Adjudications.Entry why = adjudications.explain(g, pc, r, simulator);
            if (why != null) {
                adjudicated++;
                why.count++;
            } else {
                disagreements.addObject().put("id", g.id()).put("pullfix", r.decision().name())
                        .put("reason", r.reasonCode() + " " + r.reasonArgs() + " " + r.statements().stream().map(x -> x.kind().label() + ":" + x.label() + ":" + x.reasonCode()).toList()).put("simulator", simulator)
                        .put("tags", String.join(",", g.tags()));
                unexplained.add(g.id() + " " + g.tags() + ": Pullfix " + r.decision() + " (" + r.reasonCode() + " "
                        + r.reasonArgs() + "), simulator " + simulator + "\n" + g.json().toPrettyString());
            }
        }

        M.writerWithDefaultPrettyPrinter().writeValue(Path.of("target/iam-differential-unexplained.json").toFile(),
                disagreements);
        int total = cases.size() - simErrors.size();
        System.out.printf("iam-simulate differential (seed %d): %d cases, agree %d (%.2f %%), adjudicated %d, "
                        + "unexplained %d, simulator errors %d%n", SEED, cases.size(), agree, 100.0 * agree / total,
                adjudicated, unexplained.size(), simErrors.size());
        System.out.printf("  without NotPrincipal: %d cases, agree %.2f %%%n", withoutNotPrincipal,
                100.0 * agreeWithoutNotPrincipal / withoutNotPrincipal);
        perClass.forEach((k, v) -> System.out.printf("  %-34s %5d cases, agree %6.2f %%%n", k, v[0], 100.0 * v[1] / v[0]));
        adjudications.entries().forEach(e -> System.out.printf("  adjudicated %-40s %4d  (%s)%n", e.name, e.count, e.decidedBy));

        assertThat(simErrors.stream().limit(3).toList()).as("cases the simulator rejected (a generator bug), first 3 of %d", simErrors.size())
                .isEmpty();
        assertThat(unexplained.stream().limit(3).toList())
                .as("disagreements no adjudicated class explains (first 3 of %d)", unexplained.size()).isEmpty();
        assertThat(adjudications.entries()).as("every adjudicated class still occurs on this seed")
                .allSatisfy(e -> assertThat(e.count).as(e.name).isPositive());
        assertThat(100.0 * agree / total).as("overall agreement").isGreaterThan(97.0);
        assertThat(100.0 * agreeWithoutNotPrincipal / withoutNotPrincipal).as("agreement without NotPrincipal")
                .isGreaterThan(99.0);
    }
}
