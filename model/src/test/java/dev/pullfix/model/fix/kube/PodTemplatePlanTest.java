package dev.pullfix.model.fix.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.fix.AuditLog;
import dev.pullfix.model.fix.BackupStore;
import dev.pullfix.model.fix.DryRun;
import dev.pullfix.model.fix.FixException;
import dev.pullfix.model.fix.Outcome;
import dev.pullfix.model.fix.Preview;
import dev.pullfix.model.fix.WritePath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodTemplatePlanTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String DEPLOYMENT = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"ui-private","namespace":"default",
             "resourceVersion":"7"},
             "spec":{"replicas":1,"selector":{"matchLabels":{"app":"ui-private"}},
              "template":{"metadata":{"labels":{"app":"ui-private"}},
               "spec":{"containers":[{"name":"ui","image":"682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0"}]}}},
             "status":{"replicas":1,"unavailableReplicas":1}}""";

    @TempDir
    Path data;
    InMemoryKubeObjects kube;
    WritePath path;
    final ObjectRef deploy = new ObjectRef("lab", "apps/v1", "Deployment", "default", "ui-private");

    @BeforeEach
    void setUp() throws Exception {
        kube = new InMemoryKubeObjects();
        kube.objects.put("Deployment/default/ui-private", JSON.readTree(DEPLOYMENT));
        path = new WritePath(new BackupStore(data), new AuditLog(data), Clock.systemUTC(), "tester", false);
    }

    JsonNode deployment() {
        return kube.objects.get("Deployment/default/ui-private");
    }

    @Test
    void setImagePatchesOnlyTheTemplateAfterAServerSideDryRun() throws Exception {
        PodTemplatePlan plan = PodTemplatePlan.setImage(kube, deploy, "ui", "nginx:1.27");
        Preview p = path.preview(plan);
        assertThat(p.dryRun().status()).isEqualTo(DryRun.Status.PASSED);
        assertThat(p.diff()).contains("+      \"image\" : \"nginx:1.27\"");
        assertThat(deployment().at("/spec/template/spec/containers/0/image").asText()).endsWith(":0.4.0");
        Outcome o = path.apply(p, s -> true);
        assertThat(o.status()).isEqualTo(Outcome.Status.APPLIED);
        assertThat(deployment().at("/spec/template/spec/containers/0/image").asText()).isEqualTo("nginx:1.27");
        assertThat(deployment().at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(kube.calls).anyMatch(c -> c.startsWith("patch-dry-run {\"spec\":{\"template\":{\"spec\":{\"containers\""));
        assertThat(plan.equivalentCommands()).containsExactly("kubectl set image deployment/ui-private ui=nginx:1.27 --context lab -n default");
    }

    @Test
    void aStatusUpdateBetweenPreviewAndApplyIsNotAChangeOfTheTarget() throws Exception {
        Preview p = path.preview(PodTemplatePlan.setImage(kube, deploy, "ui", "nginx:1.27"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) deployment().get("status")).put("observedGeneration", 9);
        assertThat(path.apply(p, s -> true).status()).isEqualTo(Outcome.Status.APPLIED);
    }

    @Test
    void aTemplateEditByAnotherHandBetweenPreviewAndApplyIsRefused() throws Exception {
        Preview p = path.preview(PodTemplatePlan.setImage(kube, deploy, "ui", "nginx:1.27"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) deployment().at("/spec/template/spec/containers/0")).put("image", "other:1");
        Outcome o = path.apply(p, s -> true);
        assertThat(o.status()).isEqualTo(Outcome.Status.TARGET_CHANGED);
        assertThat(deployment().at("/spec/template/spec/containers/0/image").asText()).isEqualTo("other:1");
    }

    @Test
    void aRejectedServerDryRunStopsTheFix() throws Exception {
        kube.rejectDryRunWith = "admission webhook \"policy.example.com\" denied the request";
        Preview p = path.preview(PodTemplatePlan.setImage(kube, deploy, "ui", "nginx:1.27"));
        assertThat(p.dryRun().status()).isEqualTo(DryRun.Status.FAILED);
        assertThat(path.apply(p, s -> true).status()).isEqualTo(Outcome.Status.DRY_RUN_FAILED);
        assertThat(kube.calls).noneMatch(c -> c.startsWith("patch {"));
    }

    @Test
    void addImagePullSecretAndUndoPutTheTemplateBack() throws Exception {
        PodTemplatePlan plan = PodTemplatePlan.addImagePullSecret(kube, deploy, "regcred");
        Outcome o = path.apply(path.preview(plan), s -> true);
        assertThat(deployment().at("/spec/template/spec/imagePullSecrets/0/name").asText()).isEqualTo("regcred");
        Outcome undone = path.apply(path.previewUndo(plan, o.backup().orElseThrow()), s -> true);
        assertThat(undone.status()).isEqualTo(Outcome.Status.APPLIED);
        assertThat(deployment().at("/spec/template/spec").has("imagePullSecrets")).isFalse();
    }

    @Test
    void restartSetsTheRestartedAtAnnotationAsKubectlDoes() throws Exception {
        Instant at = Instant.parse("2026-11-25T12:00:00Z");
        path.apply(path.preview(PodTemplatePlan.restart(kube, deploy, at)), s -> true);
        assertThat(deployment().at("/spec/template/metadata/annotations").get("kubectl.kubernetes.io/restartedAt").asText())
                .isEqualTo("2026-11-25T12:00:00Z");
    }

    @Test
    void aMissingContainerIsAClearError() {
        PodTemplatePlan plan = PodTemplatePlan.setImage(kube, deploy, "nope", "nginx:1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> path.preview(plan))
                .isInstanceOf(FixException.class).hasMessageContaining("No container named 'nope'");
    }

    @Test
    void pullSecretPasswordNeverLeavesTheRequestBody() throws Exception {
        ObjectRef secret = new ObjectRef("lab", "v1", "Secret", "default", "regcred");
        char[] pw = "s3cr3t-Pa55word".toCharArray();
        CreatePullSecretPlan plan = new CreatePullSecretPlan(kube, secret, "registry.example.com", "robot", pw);
        Preview p = path.preview(plan);
        assertThat(p.diff()).contains("kubernetes.io/dockerconfigjson").doesNotContain("s3cr3t");
        assertThat(plan.equivalentCommands().get(0)).doesNotContain("s3cr3t");
        Outcome o = path.apply(p, s -> true);
        assertThat(o.status()).isEqualTo(Outcome.Status.APPLIED);
        String stored = new String(java.util.Base64.getDecoder().decode(
                kube.objects.get("Secret/default/regcred").at("/data/.dockerconfigjson").asText()));
        assertThat(stored).contains("\"password\":\"s3cr3t-Pa55word\"");
        assertThat(Files.readString(new AuditLog(data).file())).doesNotContain("s3cr3t").doesNotContain(
                java.util.Base64.getEncoder().encodeToString("robot:s3cr3t-Pa55word".getBytes()));
        assertThat(kube.calls).containsSubsequence("create-dry-run", "create");
        Outcome undone = path.apply(path.previewUndo(plan, o.backup().orElseThrow()), s -> true);
        assertThat(undone.status()).isEqualTo(Outcome.Status.APPLIED);
        assertThat(kube.objects).doesNotContainKey("Secret/default/regcred");
    }

    @Test
    void anExistingSecretIsNeverOverwritten() throws Exception {
        ObjectRef secret = new ObjectRef("lab", "v1", "Secret", "default", "regcred");
        kube.objects.put("Secret/default/regcred", JSON.readTree("{\"metadata\":{\"name\":\"regcred\"},\"type\":\"Opaque\"}"));
        CreatePullSecretPlan plan = new CreatePullSecretPlan(kube, secret, "r.example.com", "u", "p4ss".toCharArray());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> path.preview(plan)).hasMessageContaining("already exists");
    }
}
