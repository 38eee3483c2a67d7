package dev.pullfix.model.diagnosis.checks;

import static dev.pullfix.model.diagnosis.runbook.CheckHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.CheckRegistry;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.Scenarios;
import dev.pullfix.model.diagnosis.runbook.Verdict;
import dev.pullfix.model.diagnosis.runbook.port.ManifestProbe;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry family: what the registry answers for the image, and Docker Hub's pull budget. */
class RegistryChecksTest {

    @Test
    void registersTheManifestAndRateLimitChecks() {
        CheckRegistry r = new CheckRegistry();
        RegistryChecks.register(r);
        assertThat(r.ids()).containsExactly("registry.manifest", "registry.rate-limit", "registry.repository",
                "registry.credentials", "registry.platform");
    }

    @Test
    void aMissingTagIsTagNotFoundWithATagChange() {
        CheckOutcome o = run("registry.manifest", Scenarios.dockerHubTagMissing());

        assertThat(o.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(o.finding().cause()).isEqualTo("TAG_NOT_FOUND");
        assertThat(o.evidence().get(0).body()).startsWith("HEAD https://registry-1.docker.io/v2/library/nginx/manifests/foo -> 404");
        assertThat(o.fixes()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FixKind.IMAGE_TAG_CHANGE);
            FixProposal.ImageTagChange tag = (FixProposal.ImageTagChange) f;
            assertThat(tag.container()).isEqualTo("nginx");
            assertThat(tag.currentImage()).isEqualTo("nginx:foo");
            assertThat(tag.candidates()).isEmpty();
        });
    }

    @Test
    void aPrivateRegistryAskedAnonymouslyWantsCredentials() {
        CheckOutcome o = run("registry.manifest", Scenarios.privateRegistryWithoutSecret());

        assertThat(o.finding().code()).isEqualTo("registryNeedsCredentials");
        assertThat(o.finding().cause()).isEqualTo("UNAUTHORIZED_NO_CREDENTIALS");
    }

    @Test
    void aRegistryThatTimesOutHereAndForTheNodeIsANetworkTimeout() {
        // the kubelet's own error is a timeout (seed 002): this machine's timeout corroborates it
        Scenarios.World w = Scenarios.registryTimeout();
        w.registry().answer("nginx:stable", new ManifestProbe(ManifestProbe.Status.TIMEOUT, 0, false, null, null, null));

        CheckOutcome o = run("registry.manifest", w);

        assertThat(o.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(o.finding().cause()).isEqualTo("NETWORK_TIMEOUT");
        assertThat(o.finding().code()).isEqualTo("registryUnreachableFromHere");
    }

    @Test
    void aRegistryThatAnsweredTheNodeButNotThisMachineCouldNotBeCheckedFromHere() {
        // the kubelet got "not found" from Docker Hub; this laptop cannot reach it: not the pod's cause
        for (ManifestProbe.Status s : List.of(ManifestProbe.Status.TIMEOUT, ManifestProbe.Status.DNS_FAILURE,
                ManifestProbe.Status.TLS_ERROR)) {
            Scenarios.World w = Scenarios.dockerHubTagMissing();
            w.registry().answer("nginx:foo", new ManifestProbe(s, 0, false, null, null, "lookup registry-1.docker.io: no such host"));

            CheckOutcome o = run("registry.manifest", w);

            assertThat(o.verdict()).as("%s", s).isEqualTo(Verdict.COULD_NOT_CHECK);
            assertThat(o.finding().cause()).as("%s", s).isNull();
            assertThat(o.evidence()).as("%s", s).isNotEmpty();
        }
    }

    @Test
    void anonymousPullsOverTheLimitProposeASecretAndAMirror() {
        CheckOutcome o = run("registry.rate-limit", Scenarios.rateLimited());

        assertThat(o.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(o.finding().code()).isEqualTo("anonymousPullsRateLimited");
        assertThat(o.fixes()).extracting(FixProposal::kind).containsExactly(FixKind.CREATE_PULL_SECRET,
                FixKind.ADD_IMAGE_PULL_SECRET, FixKind.MANUAL);
        assertThat(((FixProposal.CreatePullSecret) o.fixes().get(0)).server()).isEqualTo("https://index.docker.io/v1/");
        assertThat(o.evidence().get(0).rows()).contains(java.util.List.of("ratelimit-remaining / ratelimit-limit", "0 / 100"));
    }

    @Test
    void theRateLimitIsOnlyForDockerHub() {
        assertThat(run("registry.rate-limit", Scenarios.privateRegistryWithoutSecret()).verdict()).isEqualTo(Verdict.SKIPPED);
    }
}
