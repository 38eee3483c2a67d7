package dev.pullfix.model.diagnosis.checks;

import static dev.pullfix.model.diagnosis.runbook.CheckHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.CheckRegistry;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.Scenarios;
import dev.pullfix.model.diagnosis.runbook.Verdict;
import dev.pullfix.model.diagnosis.runbook.port.ContainerFacts;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pod family: status, kubelet events and image reference, as kubectl describe shows them. */
class PodChecksTest {

    @Test
    void registersTheThreePodChecks() {
        CheckRegistry r = new CheckRegistry();
        PodChecks.register(r);
        assertThat(r.ids()).containsExactly("pod.status", "pod.events", "pod.image");
    }

    @Test
    void aContainerWaitingOnItsImageIsAProblemWithTheKubectlRow() {
        CheckOutcome o = run("pod.status", Scenarios.ecrPolicyDeny(false));

        assertThat(o.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(o.finding().code()).isEqualTo("podWaiting");
        assertThat(o.finding().args()).containsExactly("ui-private-7655bf59b9-jprrj", "ImagePullBackOff", "ui");
        assertThat(o.evidence().get(0).rows()).singleElement()
                .satisfies(row -> assertThat(row).containsExactly("ui-private-7655bf59b9-jprrj", "0/1", "ImagePullBackOff", "0", "4m42s"));
    }

    @Test
    void theNewestFailedToPullEventNamesTheCause() {
        CheckOutcome o = run("pod.events", Scenarios.dockerHubTagMissing());

        assertThat(o.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(o.finding().cause()).isEqualTo("TAG_NOT_FOUND");
        assertThat(o.evidence().get(0).rows()).hasSize(6);
    }

    @Test
    void expiredEventsCannotBeCheckedAndSaySo() {
        CheckOutcome o = run("pod.events", Scenarios.ecrPolicyDeny(true));

        assertThat(o.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(o.reason()).isEqualTo(CouldNotCheckException.Reason.EVENTS_GONE);
    }

    @Test
    void anEcrImageIsSplitIntoAccountRegionRepositoryAndTag() {
        CheckOutcome o = run("pod.image", Scenarios.ecrPolicyDeny(false));

        assertThat(o.verdict()).isEqualTo(Verdict.OK);
        assertThat(o.finding().code()).isEqualTo("imageIsEcr");
        assertThat(o.evidence().get(1).rows()).contains(List.of("account", Scenarios.ACCOUNT), List.of("region", "us-west-2"),
                List.of("repository", "retail-sample-app-ui"), List.of("tag", "0.4.0"));
    }

    @Test
    void aMalformedImageIsInvalidImageNameAndProposesCorrectingTheReference() {
        Scenarios.World w = Scenarios.dockerHubTagMissing();
        PodFacts p = w.cluster().pods.values().iterator().next();
        w.cluster().pod(new PodFacts(p.namespace(), p.name(), p.phase(), p.nodeName(), p.serviceAccount(), List.of(), p.owner(),
                List.of(new ContainerFacts("nginx", "NGINX:Foo Bar", false, false, "InvalidImageName", "", 0)), p.created()));

        CheckOutcome o = run("pod.image", w);

        assertThat(o.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(o.finding().cause()).isEqualTo("INVALID_IMAGE_NAME");
        assertThat(o.fixes()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FixKind.IMAGE_REFERENCE_CHANGE);
            FixProposal.ImageReferenceChange change = (FixProposal.ImageReferenceChange) f;
            assertThat(change.container()).isEqualTo("nginx");
            assertThat(change.currentImage()).isEqualTo("NGINX:Foo Bar");
        });
    }
}
