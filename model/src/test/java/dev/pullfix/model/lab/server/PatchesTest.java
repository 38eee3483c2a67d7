package dev.pullfix.model.lab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PatchesTest {
    private static final String DEPLOYMENT = "{\"spec\":{\"template\":{\"metadata\":{\"labels\":{\"app\":\"ui\"}},\"spec\":{"
            + "\"containers\":[{\"name\":\"ui\",\"image\":\"repo/ui:1\",\"env\":[{\"name\":\"A\",\"value\":\"1\"}]},"
            + "{\"name\":\"proxy\",\"image\":\"envoy:1\"}],\"imagePullSecrets\":[{\"name\":\"old\"}]}}}}";

    private static ObjectNode apply(Patches.Type type, String target, String patch) throws Exception {
        return Patches.apply(type, Json.parseObject(target.getBytes()), Json.MAPPER.readTree(patch));
    }

    private static JsonNode spec(ObjectNode d) {
        return d.path("spec").path("template").path("spec");
    }

    @Test
    void strategicMergeReplacesTheImageOfTheNamedContainerOnlyAsKubectlSetImageSends() throws Exception {
        ObjectNode out = apply(Patches.Type.STRATEGIC, DEPLOYMENT, "{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":"
                + "[{\"name\":\"ui\"},{\"name\":\"proxy\"}],\"containers\":[{\"image\":\"repo/ui:2\",\"name\":\"ui\"}]}}}}");
        assertThat(spec(out).path("containers").get(0).path("image").asText()).isEqualTo("repo/ui:2");
        assertThat(spec(out).path("containers").get(0).path("env").get(0).path("value").asText()).isEqualTo("1");
        assertThat(spec(out).path("containers").get(1).path("image").asText()).isEqualTo("envoy:1");
        assertThat(spec(out).has("$setElementOrder/containers")).isFalse();
    }

    @Test
    void strategicMergeAddsImagePullSecretsByNameAndDeletesWithThePatchDirective() throws Exception {
        ObjectNode out = apply(Patches.Type.STRATEGIC, DEPLOYMENT,
                "{\"spec\":{\"template\":{\"spec\":{\"imagePullSecrets\":[{\"name\":\"ecr\"},{\"name\":\"old\",\"$patch\":\"delete\"}]}}}}");
        assertThat(spec(out).path("imagePullSecrets").findValuesAsText("name")).containsExactly("ecr");
    }

    @Test
    void strategicMergeAddsTemplateAnnotationsAsRolloutRestartDoes() throws Exception {
        ObjectNode out = apply(Patches.Type.STRATEGIC, DEPLOYMENT, "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":"
                + "{\"kubectl.kubernetes.io/restartedAt\":\"2026-11-25T22:51:29Z\"}}}}}");
        assertThat(out.path("spec").path("template").path("metadata").path("annotations").path("kubectl.kubernetes.io/restartedAt").asText())
                .isEqualTo("2026-11-25T22:51:29Z");
        assertThat(out.path("spec").path("template").path("metadata").path("labels").path("app").asText()).isEqualTo("ui");
    }

    @Test
    void mergePatchReplacesListsWholeAndNullDeletes() throws Exception {
        ObjectNode out = apply(Patches.Type.MERGE, DEPLOYMENT, "{\"spec\":{\"template\":{\"metadata\":{\"labels\":null},"
                + "\"spec\":{\"imagePullSecrets\":[{\"name\":\"ecr\"}]}}}}");
        assertThat(spec(out).path("imagePullSecrets").findValuesAsText("name")).containsExactly("ecr");
        assertThat(out.path("spec").path("template").path("metadata").has("labels")).isFalse();
        assertThat(spec(out).path("containers")).hasSize(2);
    }

    @Test
    void jsonPatchAppliesAddReplaceRemoveAndFailsATest() throws Exception {
        ObjectNode out = apply(Patches.Type.JSON, DEPLOYMENT, "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\","
                + "\"value\":\"repo/ui:3\"},{\"op\":\"add\",\"path\":\"/spec/template/spec/imagePullSecrets/-\",\"value\":{\"name\":\"n\"}},"
                + "{\"op\":\"remove\",\"path\":\"/spec/template/spec/containers/1\"}]");
        assertThat(spec(out).path("containers")).hasSize(1);
        assertThat(spec(out).path("containers").get(0).path("image").asText()).isEqualTo("repo/ui:3");
        assertThat(spec(out).path("imagePullSecrets").findValuesAsText("name")).containsExactly("old", "n");
        assertThatThrownBy(() -> apply(Patches.Type.JSON, DEPLOYMENT,
                "[{\"op\":\"test\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"other\"}]"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(422));
    }

    @Test
    void unknownPatchContentTypesAreUnsupportedMediaType() {
        assertThatThrownBy(() -> Patches.Type.of("application/apply-patch+yaml"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(415));
        assertThat(Patches.Type.of("application/strategic-merge-patch+json; charset=utf-8")).isEqualTo(Patches.Type.STRATEGIC);
    }
}
