package dev.pullfix.model.diagnosis.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled runbooks load and validate; broken ones are refused with every problem named. */
class RunbookCatalogTest {
    static final RunbookCatalog CATALOG = RunbookCatalog.load(dev.pullfix.model.diagnosis.checks.Checks.all());

    @Test
    void bundledRunbooksLoadAndValidate() {
        assertThat(CATALOG.all()).extracting(Runbook::id).containsExactly("ecr-private-image", "image-not-found",
                "private-registry-credentials", "registry-unreachable", "rate-limit", "node-iam-role",
                "vpc-endpoint-network", "restart-after-fix");
    }

    @Test
    void ecrRunbookFollowsTheWorkshopNumberingInBothLanguages() {
        Runbook b = CATALOG.get("ecr-private-image").orElseThrow();
        assertThat(b.steps()).extracting(Runbook.Step::number).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(b.steps()).extracting(s -> s.numberIn(Locale.JAPANESE)).containsExactly("1", "2", "2", "3", "4", "5", "6");
    }

    @Test
    void everyCheckIdUsedByTheRunbooksExists() {
        CATALOG.all().forEach(b -> b.steps().forEach(s -> assertThat(CATALOG.checks().byId(s.check())).as(s.check()).isPresent()));
    }

    @Test
    void routesStartFromTheClassifierCauseAndTheRegistry() {
        assertThat(CATALOG.route("FORBIDDEN_POLICY", "ECR_PRIVATE").id()).isEqualTo("ecr-private-image");
        assertThat(CATALOG.route("FORBIDDEN_POLICY", "PRIVATE").id()).isEqualTo("private-registry-credentials");
        assertThat(CATALOG.route("RATE_LIMITED", "DOCKER_HUB").id()).isEqualTo("rate-limit");
        assertThat(CATALOG.route(null, "ECR_PRIVATE").id()).isEqualTo("ecr-private-image");
        assertThat(CATALOG.route("PLATFORM_MISMATCH", "DOCKER_HUB").id()).isEqualTo("image-not-found");
    }

    private static Runbook.Step step(String id, String number, String check, Runbook.Next next, Text title) {
        return new Runbook.Step(id, number, Map.of(), title, new Text("Explain.", "説明します。"), List.of("kubectl get pods -n {namespace}"),
                check, Show.TEXT, next, false);
    }

    @Test
    void refusesAWrongNextReferenceAnUnknownCheckADuplicateNumberAndAMissingTranslation() {
        List<Runbook.Step> steps = new ArrayList<>();
        steps.add(step("a", "1", "pod.status", new Runbook.Next("b", "nowhere", "end", null, null), new Text("A", "確認する")));
        steps.add(step("b", "1", "pod.teleport", new Runbook.Next("end", "runbook:missing", "end", null, null), new Text("B", "B")));
        Runbook bad = new Runbook("bad", new Text("Bad", "悪い例"), new Text("S", "概要"), List.of(), "a", steps);

        assertThatThrownBy(() -> RunbookCatalog.of(List.of(bad), List.of(), "bad", dev.pullfix.model.diagnosis.checks.Checks.all()))
                .isInstanceOfSatisfying(RunbookException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "bad: step b: duplicate number 1",
                        "bad: step b: title: Japanese text is not translated",
                        "bad: step b: unknown check id pod.teleport",
                        "bad: step a: next names unknown step nowhere",
                        "bad: step b: next names unknown runbook missing"));
    }

    @Test
    void refusesAnUnknownPlaceholderAndAnUnreachableStep() {
        Runbook.Step a = new Runbook.Step("a", "1", Map.of(), new Text("A", "確認"), new Text("E", "説明"),
                List.of("kubectl get pod {podd} -o jsonpath='{.spec}'"), "pod.status", Show.TEXT,
                new Runbook.Next("end", "end", "end", null, null), false);
        Runbook.Step b = step("b", "2", "pod.status", new Runbook.Next("end", "end", "end", null, null), new Text("B", "確認"));
        Runbook bad = new Runbook("bad", new Text("Bad", "悪い例"), new Text("S", "概要"), List.of(), "a", List.of(a, b));

        assertThatThrownBy(() -> RunbookCatalog.of(List.of(bad), List.of(), "bad", dev.pullfix.model.diagnosis.checks.Checks.all()))
                .isInstanceOfSatisfying(RunbookException.class, e -> assertThat(e.problems()).containsExactly(
                        "bad: step a: unknown placeholder {podd}"));
        Runbook unreachable = new Runbook("u", new Text("U", "到達不能"), new Text("S", "概要"), List.of(), "b",
                List.of(step("a", "1", "pod.status", new Runbook.Next("end", "end", "end", null, null), new Text("A", "確認")), b));
        assertThatThrownBy(() -> RunbookCatalog.of(List.of(unreachable), List.of(), "u", dev.pullfix.model.diagnosis.checks.Checks.all()))
                .hasMessageContaining("u: step a is unreachable from b");
    }

    @Test
    void placeholdersAreFilledAndJsonPathBracesAreLeftAlone() {
        assertThat(DiagnosisEngine.fill(List.of("kubectl get deploy {workload} -n {namespace} -o jsonpath='{.spec.template.spec.containers[*].image}' --role {role}"),
                Map.of("workload", "ui-private", "namespace", "default")))
                .containsExactly("kubectl get deploy ui-private -n default -o jsonpath='{.spec.template.spec.containers[*].image}' --role <role>");
    }
}
