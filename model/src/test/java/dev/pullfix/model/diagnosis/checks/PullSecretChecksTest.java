package dev.pullfix.model.diagnosis.checks;

import static dev.pullfix.model.diagnosis.runbook.CheckHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.CheckRegistry;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.Scenarios;
import dev.pullfix.model.diagnosis.runbook.Verdict;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import dev.pullfix.model.diagnosis.runbook.port.SecretFacts;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pull-secret family: the secrets the pod names and whether one holds credentials for the image's registry. */
class PullSecretChecksTest {

    static Scenarios.World withPodSecrets(Scenarios.World w, List<String> names) {
        PodFacts p = w.cluster().pods.values().iterator().next();
        w.cluster().pod(new PodFacts(p.namespace(), p.name(), p.phase(), p.nodeName(), p.serviceAccount(), names, p.owner(),
                p.containers(), p.created()));
        return w;
    }

    @Test
    void registersTheThreeCredentialChecks() {
        CheckRegistry r = new CheckRegistry();
        PullSecretChecks.register(r);
        assertThat(r.ids()).containsExactly("pod.pull-secrets", "secret.docker-config", "registry.needs-credentials");
    }

    @Test
    void aPodWithoutPullSecretsForAPrivateRegistryIsProposedOne() {
        CheckOutcome o = run("pod.pull-secrets", Scenarios.privateRegistryWithoutSecret());

        assertThat(o.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(o.finding().code()).isEqualTo("podHasNoPullSecret");
        assertThat(o.fixes()).extracting(FixProposal::kind).containsExactly(FixKind.ADD_IMAGE_PULL_SECRET);
        assertThat(((FixProposal.AddImagePullSecret) o.fixes().get(0)).secret()).isEqualTo("regcred");
    }

    @Test
    void noSecretForThePrivateRegistryProposesCreatingOneForItsHost() {
        CheckOutcome o = run("secret.docker-config", Scenarios.privateRegistryWithoutSecret());

        assertThat(o.finding().code()).isEqualTo("noPullSecretForRegistry");
        assertThat(o.fixes()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FixKind.CREATE_PULL_SECRET);
            FixProposal.CreatePullSecret create = (FixProposal.CreatePullSecret) f;
            assertThat(create.server()).isEqualTo("your.private.registry.example.com");
            assertThat(create.referenceFrom()).as("the pod does not name it yet").isNotNull();
        });
    }

    @Test
    void aReferencedSecretWithTheRegistrysHostCoversIt() {
        Scenarios.World w = withPodSecrets(Scenarios.privateRegistryWithoutSecret(), List.of("regcred"));
        w.cluster().secrets.put("default/regcred", new SecretFacts("default", "regcred", "kubernetes.io/dockerconfigjson",
                Set.of("https://your.private.registry.example.com/v2/")));

        assertThat(run("secret.docker-config", w).finding().code()).isEqualTo("pullSecretCoversRegistry");
        assertThat(run("registry.needs-credentials", w).verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void aReferencedSecretForAnotherRegistryIsTheWrongOne() {
        Scenarios.World w = withPodSecrets(Scenarios.privateRegistryWithoutSecret(), List.of("hub"));
        w.cluster().secrets.put("default/hub", new SecretFacts("default", "hub", "kubernetes.io/dockerconfigjson",
                Set.of("https://index.docker.io/v1/")));

        CheckOutcome o = run("secret.docker-config", w);

        assertThat(o.finding().code()).isEqualTo("pullSecretWrongRegistry");
        assertThat(o.evidence().get(0).rows()).singleElement()
                .satisfies(r -> assertThat(r.get(3)).isEqualTo("no entry for your.private.registry.example.com"));
    }

    @Test
    void ecrImagesUseTheNodeRoleNotPullSecrets() {
        Scenarios.World w = Scenarios.ecrPolicyDeny(false);
        assertThat(run("pod.pull-secrets", w).verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(run("secret.docker-config", w).finding().code()).isEqualTo("ecrUsesNodeRole");
    }

    @Test
    void dockerHubIsPublicSoItsCredentialsAreNotRequired() {
        assertThat(run("registry.needs-credentials", Scenarios.dockerHubTagMissing()).finding().code())
                .isEqualTo("publicRegistry");
    }
}
