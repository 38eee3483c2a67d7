package dev.pullfix.model.fix.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.cluster.WorkloadRef;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.Engines;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.Scenarios;
import dev.pullfix.model.fix.AuditLog;
import dev.pullfix.model.fix.BackupStore;
import dev.pullfix.model.fix.FixException;
import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.fix.Outcome;
import dev.pullfix.model.fix.WritePath;
import dev.pullfix.model.fix.kube.InMemoryKubeObjects;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fix planner over in-memory Kubernetes objects: offers, inputs, and the plans each proposal becomes. */
class FixPlannerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final WorkloadRef WEB = new WorkloadRef("Deployment", "web");
    static final Instant NOW = Instant.parse("2024-10-11T15:00:00Z");

    @TempDir
    Path tmp;
    InMemoryKubeObjects kube;
    FixPlanner planner;
    WritePath write;

    @BeforeEach
    void deployment() throws Exception {
        kube = new InMemoryKubeObjects();
        kube.objects.put("Deployment/shop/web", JSON.readTree("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop"},
                 "spec":{"template":{"metadata":{"labels":{"app":"web"}},
                  "spec":{"containers":[{"name":"web","image":"nginx:foo"}]}}}}"""));
        planner = new FixPlanner("lab-a", kube, null, Clock.fixed(NOW, ZoneOffset.UTC));
        write = new WritePath(new BackupStore(tmp), new AuditLog(tmp), Clock.systemUTC(), "tester", false);
    }

    String image() {
        return kube.objects.get("Deployment/shop/web").path("spec").path("template").path("spec").path("containers")
                .path(0).path("image").asText();
    }

    void writeAll(List<FixPlan> plans) throws FixException {
        for (FixPlan p : plans) {
            Outcome o = write.apply(write.preview(p), shown -> true);
            assertThat(o.wrote()).as(o.toString()).isTrue();
        }
    }

    @Test
    void aTagChangeKeepsTheRepositoryAsWrittenAndSetsOnlyTheTag() throws Exception {
        FixProposal p = FixProposal.ImageTagChange.of(WEB, "shop", "web", "nginx:foo", List.of("1.27.3", "1.27.2"));

        assertThat(FixPlanner.inputs(p)).singleElement().satisfies(i -> {
            assertThat(i.key()).isEqualTo(FixInputs.TAG);
            assertThat(i.suggested()).isEqualTo("1.27.3");
            assertThat(i.choices()).containsExactly("1.27.3", "1.27.2");
            assertThat(i.required()).isTrue();
        });
        assertThat(planner.choices(p, FixInputs.TAG)).containsExactly("1.27.3", "1.27.2");
        List<FixPlan> plans = planner.plan(p, FixInputs.none().with(FixInputs.TAG, "stable"));
        assertThat(plans.get(0).summaryText()).as("a code the front ends render in the user's language")
                .isEqualTo(dev.pullfix.model.text.Message.of("fix", "plan.setImage", "web", "deployment/web", "nginx:stable"));
        assertThat(plans.get(0).summary()).isEqualTo("Set the image of container web in deployment/web to nginx:stable");
        assertThat(new dev.pullfix.model.text.Texts(java.util.Locale.JAPANESE).render(plans.get(0).summaryText()))
                .isEqualTo("deployment/web のコンテナ web のイメージを nginx:stable に変更します");
        writeAll(plans);

        assertThat(image()).isEqualTo("nginx:stable");
    }

    @Test
    void withoutATagTheNewestExistingOneIsUsedAndWithoutAnyTheInputIsMissing() throws Exception {
        writeAll(planner.plan(FixProposal.ImageTagChange.of(WEB, "shop", "web", "nginx:foo", List.of("1.27.3")),
                FixInputs.none()));
        assertThat(image()).isEqualTo("nginx:1.27.3");

        assertThatThrownBy(() -> planner.plan(FixProposal.ImageTagChange.of(WEB, "shop", "web", "nginx:foo", List.of()),
                FixInputs.none())).isInstanceOfSatisfying(FixException.class, e -> {
                    assertThat(e.message().key()).isEqualTo("input.missing");
                    assertThat(e.getMessage()).isEqualTo("New tag is needed for this fix.");
                });
    }

    @Test
    void anInvalidTagIsRefusedBeforeAnyPlanExists() {
        FixProposal p = FixProposal.ImageTagChange.of(WEB, "shop", "web", "nginx:foo", List.of());

        assertThatThrownBy(() -> planner.plan(p, FixInputs.none().with(FixInputs.TAG, "-bad tag")))
                .isInstanceOfSatisfying(FixException.class, e -> assertThat(e.message().key()).isEqualTo("input.invalidTag"));
        assertThat(kube.calls).isEmpty();
    }

    @Test
    void anImageReferenceChangeTakesAWholeValidReference() throws Exception {
        FixProposal p = FixProposal.ImageReferenceChange.of(WEB, "shop", "web", "nginxx");

        assertThatThrownBy(() -> planner.plan(p, FixInputs.none().with(FixInputs.IMAGE, "NGINX:Latest")))
                .isInstanceOfSatisfying(FixException.class, e -> assertThat(e.message().key()).isEqualTo("input.invalidImage"));
        writeAll(planner.plan(p, FixInputs.none().with(FixInputs.IMAGE, "nginx:latest")));
        assertThat(image()).isEqualTo("nginx:latest");
    }

    @Test
    void aNewPullSecretIsCreatedThenReferencedAndItsPasswordNeverShown() throws Exception {
        FixProposal.CreatePullSecret p = FixProposal.CreatePullSecret.of("shop", "regcred",
                dev.pullfix.model.image.ImageReference.parse("registry.example.com/team/web:1"), WEB);
        assertThat(FixPlanner.inputs(p)).extracting(FixInput::key).containsExactly(FixInputs.SECRET_NAME, FixInputs.SERVER,
                FixInputs.USERNAME, FixInputs.PASSWORD);
        assertThat(FixPlanner.inputs(p).get(3).kind()).isEqualTo(FixInput.Kind.SECRET);
        char[] password = "s3cret-pass".toCharArray();
        FixInputs in = FixInputs.none().with(FixInputs.USERNAME, "ci").withSecret(FixInputs.PASSWORD, password);

        List<FixPlan> plans = planner.plan(p, in);
        in.wipe();

        assertThat(plans).extracting(FixPlan::kind).containsExactly("CREATE_PULL_SECRET", "ADD_IMAGE_PULL_SECRET");
        assertThat(String.valueOf(password)).as("the caller's array is not taken over").isEqualTo("s3cret-pass");
        assertThat(write.preview(plans.get(0)).diff()).doesNotContain("s3cret-pass");
        writeAll(plans);
        assertThat(kube.objects.get("Secret/shop/regcred").path("type").asText()).isEqualTo("kubernetes.io/dockerconfigjson");
        assertThat(kube.objects.get("Deployment/shop/web").path("spec").path("template").path("spec")
                .path("imagePullSecrets").path(0).path("name").asText()).isEqualTo("regcred");
    }

    @Test
    void aPullSecretNeedsItsUserAndPassword() {
        FixProposal.CreatePullSecret p = FixProposal.CreatePullSecret.of("shop", "regcred",
                dev.pullfix.model.image.ImageReference.parse("registry.example.com/team/web:1"), null);

        assertThatThrownBy(() -> planner.plan(p, FixInputs.none().with(FixInputs.USERNAME, "ci")))
                .isInstanceOfSatisfying(FixException.class, e -> assertThat(e.message().args()).singleElement()
                        .isEqualTo(dev.pullfix.model.text.Message.of("fix", "input.password")));
    }

    @Test
    void aRestartAnnotatesThePodTemplateWithThePlannersClock() throws Exception {
        writeAll(planner.plan(FixProposal.RolloutRestart.of(WEB, "shop"), FixInputs.none()));

        assertThat(kube.objects.get("Deployment/shop/web").path("spec").path("template").path("metadata")
                .path("annotations").path("kubectl.kubernetes.io/restartedAt").asText()).isEqualTo(NOW.toString());
    }

    @Test
    void manualStepsAndAwsFixesWithoutAnAccountAreNotPlanned() {
        FixProposal manual = FixProposal.Manual.of(FixKind.MANUAL, new FixProposal.Target("Subnet", "subnet-1", "eu-west-1"),
                "fix.addNatRoute", "subnet-1");
        assertThatThrownBy(() -> planner.plan(manual, FixInputs.none()))
                .isInstanceOfSatisfying(FixException.class, e -> assertThat(e.message().key()).isEqualTo("plan.manual"));

        FixProposal attach = FixProposal.NodeRoleAttachPolicy.readOnly(
                dev.pullfix.model.diagnosis.runbook.port.RoleRef.ofArn("arn:aws:iam::111122223333:role/nodes", "test"));
        assertThat(FixPlanner.inputs(attach)).singleElement().satisfies(i -> assertThat(i.choices()).hasSize(2));
        assertThatThrownBy(() -> planner.plan(attach, FixInputs.none()))
                .isInstanceOfSatisfying(FixException.class, e -> assertThat(e.message().key()).isEqualTo("plan.noAws"));
        assertThatThrownBy(() -> planner.plan(attach, FixInputs.none().with(FixInputs.POLICY_ARN, "arn:aws:iam::aws:policy/AdministratorAccess")))
                .isInstanceOfSatisfying(FixException.class, e -> assertThat(e.message().key()).isEqualTo("input.notAChoice"));
    }

    @Test
    void offersFollowTheDiagnosisAndSayWhatEachNeeds() {
        Diagnosis d = Engines.diagnose(Scenarios.privateRegistryWithoutSecret());

        List<FixOffer> offers = planner.offers(d);

        assertThat(offers).extracting(o -> o.proposal().kind()).containsExactly(FixKind.CREATE_PULL_SECRET,
                FixKind.ADD_IMAGE_PULL_SECRET, FixKind.ROLLOUT_RESTART);
        assertThat(offers.get(0).inputs()).extracting(FixInput::key).contains(FixInputs.PASSWORD);
        assertThat(offers.get(2).inputs()).isEmpty();
        assertThat(offers).allMatch(FixOffer::writable);
    }
}
