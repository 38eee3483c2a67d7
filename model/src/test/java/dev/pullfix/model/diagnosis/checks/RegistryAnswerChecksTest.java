package dev.pullfix.model.diagnosis.checks;

import static dev.pullfix.model.diagnosis.runbook.CheckHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.Scenarios;
import dev.pullfix.model.diagnosis.runbook.Verdict;
import dev.pullfix.model.diagnosis.runbook.port.ManifestProbe;
import dev.pullfix.model.aws.NodeFacts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry family's checks on the registry's own answer: repository, credentials, platform, nearest tags. */
class RegistryAnswerChecksTest {

    static ManifestProbe.Details details(Boolean repo, Boolean image, List<String> nearest, Boolean authRequired,
                                        Boolean accepted, List<String> platforms, String node, Boolean matches) {
        return new ManifestProbe.Details("https://registry.example.com", repo, image, nearest, authRequired, accepted,
                accepted == null ? null : "secret default/regcred (registry.example.com)", List.of("registry.example.com"),
                image == Boolean.TRUE ? "sha256:" + "a".repeat(64) : null, platforms, node, matches, null, null, null);
    }

    static Scenarios.World privateWith(ManifestProbe p) {
        Scenarios.World w = Scenarios.privateRegistryWithoutSecret();
        String image = w.cluster().pods.values().iterator().next().containers().get(0).image();
        w.registry().answer(image, p);
        return w;
    }

    static Scenarios.World onNode(Scenarios.World w, String arch) {
        String node = w.cluster().pods.values().iterator().next().nodeName();
        w.cluster().nodes.put(node, new NodeFacts(node, Map.of("kubernetes.io/arch", arch, "kubernetes.io/os", "linux"),
                "aws:///us-east-2b/i-0f00ba7"));
        return w;
    }

    @Test
    void aMissingTagOffersTheRegistrysNearestTagsAsTheFix() {
        Scenarios.World w = Scenarios.dockerHubTagMissing();
        w.registry().answer("nginx:foo", new ManifestProbe(ManifestProbe.Status.TAG_NOT_FOUND, 404, false, 98, 100,
                "MANIFEST_UNKNOWN", details(true, false, List.of("stable", "latest", "1.27"), false, null, List.of(), null, null)));
        CheckOutcome o = run("registry.manifest", w);
        assertThat(o.finding().code()).isEqualTo("registryTagMissingNearest");
        assertThat(o.finding().args()).contains("stable, latest, 1.27");
        FixProposal.ImageTagChange fix = (FixProposal.ImageTagChange) o.fixes().get(0);
        assertThat(fix.kind()).isEqualTo(FixKind.IMAGE_TAG_CHANGE);
        assertThat(fix.suggestedTag()).hasValue("stable");
        assertThat(fix.candidates()).containsExactly("stable", "latest", "1.27");
        assertThat(run("registry.repository", w).finding().code()).isEqualTo("registryRepositoryExists");
    }

    @Test
    void aRepositoryTheRegistryDoesNotKnowIsMissingAndDockerHubCannotTell() {
        CheckOutcome missing = run("registry.repository", privateWith(new ManifestProbe(
                ManifestProbe.Status.NOT_FOUND_OR_UNAUTHORIZED, 404, true, null, null, "NAME_UNKNOWN",
                details(false, false, List.of(), true, true, List.of(), null, null))));
        assertThat(missing.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(missing.finding().code()).isEqualTo("registryRepositoryMissing");
        assertThat(missing.fixes()).extracting(FixProposal::kind).containsExactly(FixKind.IMAGE_REFERENCE_CHANGE);
        Scenarios.World hub = Scenarios.dockerHubRepositoryMissing();
        hub.registry().answers.replaceAll((k, v) -> new ManifestProbe(v.status(), v.httpStatus(), false, null, null,
                v.detail(), details(null, null, List.of(), null, null, List.of(), null, null)));
        assertThat(run("registry.repository", hub).finding().code()).isEqualTo("registryCannotTellRepository");
    }

    @Test
    void credentialsAreJudgedAsTheKubeletWouldUseThem() {
        CheckOutcome none = run("registry.credentials", privateWith(new ManifestProbe(
                ManifestProbe.Status.NOT_FOUND_OR_UNAUTHORIZED, 401, false, null, null, "UNAUTHORIZED",
                details(null, null, List.of(), true, null, List.of(), null, null))));
        assertThat(none.finding().code()).isEqualTo("registryWantsCredentialsPodHasNone");
        assertThat(none.fixes()).extracting(FixProposal::kind).containsExactly(FixKind.CREATE_PULL_SECRET,
                FixKind.ADD_IMAGE_PULL_SECRET);
        CheckOutcome wrong = run("registry.credentials", privateWith(new ManifestProbe(ManifestProbe.Status.UNAUTHORIZED,
                401, false, null, null, "UNAUTHORIZED", details(null, null, List.of(), true, false, List.of(), null, null))));
        assertThat(wrong.finding().code()).isEqualTo("registryRejectsPodSecret");
        assertThat(wrong.finding().cause()).isEqualTo("UNAUTHORIZED_NO_CREDENTIALS");
        CheckOutcome right = run("registry.credentials", privateWith(new ManifestProbe(ManifestProbe.Status.FOUND, 200,
                true, null, null, null, details(true, true, List.of(), true, true, List.of(), null, null))));
        assertThat(right.verdict()).isEqualTo(Verdict.OK);
        assertThat(right.finding().args()).contains("secret default/regcred (registry.example.com)");
        assertThat(right.evidence().get(0).rows()).contains(List.of("credentials accepted",
                "yes (secret default/regcred (registry.example.com))"));
    }

    @Test
    void anImageWithoutTheNodesPlatformIsAPlatformMismatch() {
        Scenarios.World w = onNode(privateWith(new ManifestProbe(ManifestProbe.Status.FOUND, 200, true, null, null,
                "no match for platform", details(true, true, List.of(), true, true, List.of("linux/amd64"),
                "linux/arm64", false))), "arm64");
        CheckOutcome o = run("registry.platform", w);
        assertThat(o.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(o.finding().cause()).isEqualTo("PLATFORM_MISMATCH");
        assertThat(o.finding().args()).containsSubsequence("linux/arm64", "linux/amd64");
        Scenarios.World ok = onNode(privateWith(new ManifestProbe(ManifestProbe.Status.FOUND, 200, true, null, null, null,
                details(true, true, List.of(), true, true, List.of("linux/amd64", "linux/arm64"), "linux/arm64", true))),
                "arm64");
        assertThat(run("registry.platform", ok).finding().code()).isEqualTo("imageHasNodePlatform");
    }

    @Test
    void aPortWithoutDetailsCannotAnswerTheseChecks() {
        assertThat(run("registry.platform", Scenarios.privateRegistryWithoutSecret()).verdict())
                .isEqualTo(Verdict.COULD_NOT_CHECK);
    }
}
