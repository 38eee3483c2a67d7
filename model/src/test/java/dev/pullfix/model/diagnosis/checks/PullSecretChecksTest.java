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

    static Scenarios.World withNamespaceSecret(Scenarios.World w, String ns, String name, String host) {
        w.cluster().secrets.put(ns + "/" + name, new SecretFacts(ns, name, "kubernetes.io/dockerconfigjson", Set.of(host)));
        return w;
    }

    @Test
    void anUnreferencedSecretOfTheNamespaceForTheRegistryIsProposedForReferencingNotANewOne() {
        Scenarios.World w = withNamespaceSecret(withNamespaceSecret(Scenarios.privateRegistryWithoutSecret(),
                "default", "acme-pull", "https://your.private.registry.example.com"),
                "default", "another-registry", "ghcr.io");

        CheckOutcome secret = run("secret.docker-config", w);
        assertThat(secret.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(secret.finding().code()).isEqualTo("pullSecretNotReferenced");
        assertThat(secret.finding().args()).containsExactly("acme-pull", "your.private.registry.example.com");
        assertThat(secret.fixes()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FixKind.ADD_IMAGE_PULL_SECRET);
            assertThat(((FixProposal.AddImagePullSecret) f).secret()).isEqualTo("acme-pull");
        });
        assertThat(secret.evidence().get(0).rows()).singleElement()
                .satisfies(r -> assertThat(r).containsExactly("acme-pull", "kubernetes.io/dockerconfigjson",
                        "https://your.private.registry.example.com", "unreferenced"));

        assertThat(run("pod.pull-secrets", w).fixes()).singleElement()
                .satisfies(f -> assertThat(((FixProposal.AddImagePullSecret) f).secret()).isEqualTo("acme-pull"));
        assertThat(run("registry.needs-credentials", w).fixes()).singleElement()
                .satisfies(f -> assertThat(((FixProposal.AddImagePullSecret) f).secret()).isEqualTo("acme-pull"));
    }

    @Test
    void aMissingReferencedSecretGivesWayToAnExistingOneForTheSameRegistry() {
        Scenarios.World w = withNamespaceSecret(withPodSecrets(Scenarios.privateRegistryWithoutSecret(),
                List.of("regcred")), "default", "acme-pull", "your.private.registry.example.com");

        CheckOutcome o = run("secret.docker-config", w);

        assertThat(o.finding().code()).isEqualTo("pullSecretNotReferenced");
        assertThat(o.evidence().get(0).rows()).extracting(r -> r.get(0) + " " + r.get(3))
                .containsExactly("regcred missing", "acme-pull unreferenced");
        assertThat(o.fixes()).extracting(FixProposal::kind).containsExactly(FixKind.ADD_IMAGE_PULL_SECRET);
    }

    @Test
    void secretsOfOtherNamespacesOrForHostsTheKubeletWouldNotMatchAreNotProposed() {
        Scenarios.World w = withNamespaceSecret(withNamespaceSecret(Scenarios.privateRegistryWithoutSecret(),
                "other", "acme-pull", "your.private.registry.example.com"),
                "default", "port-5000", "your.private.registry.example.com:5000");

        CheckOutcome o = run("secret.docker-config", w);

        assertThat(o.finding().code()).isEqualTo("noPullSecretForRegistry");
        assertThat(o.fixes()).extracting(FixProposal::kind).containsExactly(FixKind.CREATE_PULL_SECRET);
    }

    @Test
    void aSecretIsMatchedToTheRegistryAsTheKubeletMatchesIt() {
        Scenarios.World glob = withPodSecrets(withNamespaceSecret(Scenarios.privateRegistryWithoutSecret(),
                "default", "wildcard", "*.private.registry.example.com"), List.of("wildcard"));
        assertThat(run("secret.docker-config", glob).finding().code()).isEqualTo("pullSecretCoversRegistry");

        Scenarios.World wrongPath = withPodSecrets(withNamespaceSecret(Scenarios.privateRegistryWithoutSecret(),
                "default", "team", "your.private.registry.example.com/alice"), List.of("team"));
        assertThat(run("secret.docker-config", wrongPath).finding().code())
                .as("a key with a path covers only repositories under it (the image is bob/...)")
                .isEqualTo("pullSecretWrongRegistry");
    }

    @Test
    void withoutTheRightToListSecretsTheChecksProposeAsBefore() {
        Scenarios.World w = withNamespaceSecret(Scenarios.privateRegistryWithoutSecret(), "default", "acme-pull",
                "your.private.registry.example.com");
        w.cluster().listSecretsFails = dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException.accessDenied(
                "list secrets", "the API server refused: list secrets");

        CheckOutcome o = run("secret.docker-config", w);

        assertThat(o.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(o.finding().code()).isEqualTo("noPullSecretForRegistry");
        assertThat(o.fixes()).extracting(FixProposal::kind).containsExactly(FixKind.CREATE_PULL_SECRET);
        assertThat(w.cluster().calls("dockerConfigSecrets")).isEqualTo(1);
    }
}
