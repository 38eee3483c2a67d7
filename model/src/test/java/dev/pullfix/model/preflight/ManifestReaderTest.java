package dev.pullfix.model.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullfix.model.limits.InputProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every container image of every pod template in real manifests (multi-document YAML, JSON, kind: List). */
class ManifestReaderTest {
    static final String MANIFESTS = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {image: "not-a-container:1"}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: billing
              namespace: shop
            spec:
              replicas: 2
              selector: {matchLabels: {app: billing}}
              template:
                metadata: {labels: {app: billing}}
                spec:
                  serviceAccountName: billing-sa
                  imagePullSecrets: [{name: regcred}]
                  nodeSelector: {kubernetes.io/arch: arm64}
                  initContainers:
                  - name: migrate
                    image: registry.example.com/shop/migrate:7
                  containers:
                  - name: app
                    image: registry.example.com/shop/billing:3.2.1
                  - name: sidecar
                    image: envoyproxy/envoy:v1.31.0
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report}
            spec:
              schedule: "0 * * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers: [{name: report, image: "busybox:1.36"}]
            ---
            {"apiVersion": "v1", "kind": "List", "items": [
              {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "debug"},
               "spec": {"containers": [{"name": "sh", "image": "alpine"}]}},
              {"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "agent"},
               "spec": {"template": {"spec": {"containers": [{"name": "a", "image": "ghcr.io/acme/agent@sha256:%s"}]}}}}
            ]}
            """.formatted("a".repeat(64));

    @Test
    void listsEveryContainerOfEveryPodTemplateWithItsPullContext() {
        List<PodTemplateImage> images = ManifestReader.read(MANIFESTS, "all.yaml");
        assertThat(images).extracting(PodTemplateImage::workload, PodTemplateImage::container, PodTemplateImage::image)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Deployment/billing", "migrate", "registry.example.com/shop/migrate:7"),
                        org.assertj.core.groups.Tuple.tuple("Deployment/billing", "app", "registry.example.com/shop/billing:3.2.1"),
                        org.assertj.core.groups.Tuple.tuple("Deployment/billing", "sidecar", "envoyproxy/envoy:v1.31.0"),
                        org.assertj.core.groups.Tuple.tuple("CronJob/report", "report", "busybox:1.36"),
                        org.assertj.core.groups.Tuple.tuple("Pod/debug", "sh", "alpine"),
                        org.assertj.core.groups.Tuple.tuple("DaemonSet/agent", "a", "ghcr.io/acme/agent@sha256:" + "a".repeat(64)));
        PodTemplateImage app = images.get(1);
        assertThat(app.namespace()).isEqualTo("shop");
        assertThat(app.pullSecrets()).containsExactly("regcred");
        assertThat(app.serviceAccount()).isEqualTo("billing-sa");
        assertThat(app.nodeSelector()).containsEntry("kubernetes.io/arch", "arm64");
        assertThat(app.document()).isEqualTo(2);
        PodTemplateImage report = images.get(3);
        assertThat(report.namespace()).isNull();
        assertThat(report.serviceAccount()).as("unset is the namespace's default service account").isEqualTo("default");
        assertThat(images.get(4).document()).isEqualTo(4);
    }

    @Test
    void aBrokenDocumentIsAnInputProblemThatNamesTheFileAndLine() {
        assertThatThrownBy(() -> ManifestReader.read("kind: Pod\nspec: {containers: [\n---\n", "bad.yaml"))
                .isInstanceOf(InputProblem.class)
                .satisfies(e -> {
                    InputProblem p = (InputProblem) e;
                    assertThat(p.code()).isEqualTo(InputProblem.Code.SYNTAX);
                    assertThat(p.source()).isEqualTo("bad.yaml");
                    assertThat(p.line()).isGreaterThan(0);
                });
    }

    @Test
    void aManifestPastTheInputLimitIsRefusedBeforeParsing() {
        String big = "# " + "x".repeat(1000) + "\n";
        String text = big.repeat((int) (dev.pullfix.model.limits.InputKind.MANIFEST.maxBytes() / big.length()) + 1);
        assertThatThrownBy(() -> ManifestReader.read(text, "big.yaml")).isInstanceOf(InputProblem.class)
                .extracting(e -> ((InputProblem) e).code()).isEqualTo(InputProblem.Code.TOO_LARGE);
    }
}
