package dev.pullfix.model.fix.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.ClusterConnector;
import dev.pullfix.model.cluster.ClusterEnvironment;
import dev.pullfix.model.cluster.Kubeconfig;
import dev.pullfix.model.connect.Fabric8ClusterPort;
import dev.pullfix.model.connect.Fabric8KubeObjects;
import dev.pullfix.model.diagnosis.runbook.BuiltInClassifier;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.DiagnosisEngine;
import dev.pullfix.model.diagnosis.runbook.PolicyEvaluatorJudge;
import dev.pullfix.model.diagnosis.runbook.ProgressListener;
import dev.pullfix.model.diagnosis.runbook.RunbookCatalog;
import dev.pullfix.model.diagnosis.runbook.port.WorkloadRef;
import dev.pullfix.model.fix.AuditLog;
import dev.pullfix.model.fix.BackupStore;
import dev.pullfix.model.fix.DryRun;
import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.fix.Outcome;
import dev.pullfix.model.fix.Preview;
import dev.pullfix.model.fix.WritePath;
import dev.pullfix.model.fix.kube.CreatePullSecretPlan;
import dev.pullfix.model.fix.kube.ObjectRef;
import dev.pullfix.model.fix.kube.PodTemplatePlan;
import dev.pullfix.model.lab.LabSession;
import dev.pullfix.model.lab.server.ResourceTypes;
import dev.pullfix.model.registry.ImageCheckResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof of the fix in the practice lab: a tag that does not exist is refused before the confirmation with the
 * registry's nearest tags; a real tag is written and the rollout is watched until Running and ready; a pull secret
 * with a wrong password is written and the watch says the pod still fails, with the new diagnosis.
 */
class FixProofLabTest {
    @TempDir
    Path tmp;

    interface LabTest {
        void run(LabSession lab, ClusterConnection conn, FixProofService proof, WritePath write, Fabric8KubeObjects kube)
                throws Exception;
    }

    void inLab(String scenario, LabTest t) throws Exception {
        try (LabSession lab = LabSession.start(scenario, LabSession.Options.defaults().withSpeed(600)
                .withDir(tmp.resolve(scenario)))) {
            ClusterEnvironment env = ClusterEnvironment.of(Map.of(), tmp.resolve("home"));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try (ClusterConnection conn = new ClusterConnector(env, ClusterConnector.Options.defaults()
                    .withRetryBackoffLimit(0)).connect(Kubeconfig.load(env, lab.kubeconfig()), null)) {
                Fabric8ClusterPort cluster = new Fabric8ClusterPort(conn, lab.world().clusterName());
                DiagnosisEngine engine = new DiagnosisEngine(RunbookCatalog.load(dev.pullfix.model.diagnosis.checks.Checks.all()), new DiagnosisEngine.Ports(cluster,
                        null, lab.registryPort(), new PolicyEvaluatorJudge(), BuiltInClassifier.create()), pool,
                        DiagnosisEngine.Options.defaults().withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30)));
                PodRecoveryWatcher watcher = new PodRecoveryWatcher(cluster, (ns, pod) -> engine.diagnose(
                        DiagnosisEngine.Request.of(ns, pod), new CancelToken(), ProgressListener.NONE), Duration.ofMillis(100));
                FixProofService proof = new FixProofService(new RoutingImageVerifier(lab.registryPort(), null),
                        lab.registryPort(), watcher);
                WritePath write = new WritePath(new BackupStore(tmp.resolve("data")), new AuditLog(tmp.resolve("data")),
                        Clock.systemUTC(), "proof-test", false);
                t.run(lab, conn, proof, write, new Fabric8KubeObjects(conn.kubernetesClient()));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    static String brokenPod(LabSession lab) throws InterruptedException {
        String dep = lab.scenario().broken().deployment();
        for (int i = 0; i < 400; i++) {
            var p = lab.apiServer().store().list(ResourceTypes.PODS, "default", null).stream()
                    .filter(x -> x.name().startsWith(dep + "-"))
                    .filter(x -> x.toJson().path("status").path("containerStatuses").path(0).path("state").path("waiting")
                            .path("reason").asText().matches("ErrImagePull|ImagePullBackOff")).findFirst();
            if (p.isPresent()) {
                return p.get().name();
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no broken pod");
    }

    static String deploymentImage(LabSession lab, String name) {
        return lab.apiServer().store().get(ResourceTypes.DEPLOYMENTS, "default", name).orElseThrow().toJson()
                .path("spec").path("template").path("spec").path("containers").path(0).path("image").asText();
    }

    @Test
    void aMissingTagIsRefusedBeforeConfirmationAndARealTagIsProvenByTheRollout() throws Exception {
        inLab("S2", (lab, conn, proof, write, kube) -> {
            String pod = brokenPod(lab);
            ObjectRef dep = new ObjectRef(null, "apps/v1", "Deployment", "default", "nginx");
            assertThat(proof.tags("nginx:foo", "default", List.of())).containsExactly("1.27.2", "1.27", "alpine",
                    "latest", "stable");
            ImageCheckResult missing = proof.checkImage("nginx:1.28", "default", List.of(), null);
            assertThat(RegistryDryRunPlan.refuses(missing)).isTrue();
            assertThat(missing.nearestTags()).startsWith("1.27", "1.27.2");

            FixPlan typo = proof.guardImageChange(PodTemplatePlan.setImage(kube, dep, "nginx", "nginx:1.28"),
                    "nginx:1.28", "default", List.of(), null);
            Preview shown = write.preview(typo);
            assertThat(shown.dryRun().status()).isEqualTo(DryRun.Status.FAILED);
            assertThat(shown.dryRun().detail()).contains("MANIFEST_UNKNOWN").contains("1.27.2");
            Outcome refused = write.apply(shown, s -> {
                throw new AssertionError("the confirmation must not be asked for a tag that does not exist");
            });
            assertThat(refused.status()).isEqualTo(Outcome.Status.DRY_RUN_FAILED);
            assertThat(deploymentImage(lab, "nginx")).isEqualTo("nginx:foo");

            Baseline before = proof.before("default", new WorkloadRef("Deployment", "nginx"), pod);
            FixPlan good = proof.guardImageChange(PodTemplatePlan.setImage(kube, dep, "nginx", "nginx:stable"),
                    "nginx:stable", "default", List.of(), null);
            Preview ok = write.preview(good);
            assertThat(ok.dryRun().status()).isEqualTo(DryRun.Status.PASSED);
            assertThat(write.apply(ok, s -> true).wrote()).isTrue();
            FixProof p = proof.after(before, Duration.ofSeconds(30), new CancelToken(), pods -> { });
            assertThat(p.verdict()).as("%s", p).isEqualTo(FixProof.Verdict.FIXED);
            assertThat(p.pods()).anySatisfy(s -> {
                assertThat(s.isNew()).isTrue();
                assertThat(s.ready()).isEqualTo("1/1");
            });
        });
    }

    @Test
    void aSecretWithTheWrongPasswordIsWrittenButThePodStillFailsWithANewDiagnosis() throws Exception {
        inLab("S4", (lab, conn, proof, write, kube) -> {
            String pod = brokenPod(lab);
            Baseline before = proof.before("default", new WorkloadRef("Deployment", "billing"), pod);
            ObjectRef dep = new ObjectRef(null, "apps/v1", "Deployment", "default", "billing");
            CreatePullSecretPlan secret = new CreatePullSecretPlan(kube, new ObjectRef(null, "v1", "Secret", "default",
                    "regcred"), "registry.example.com", "ci-puller", "not-the-password".toCharArray());
            assertThat(write.apply(write.preview(secret), s -> true).wrote()).isTrue();
            assertThat(write.apply(write.preview(PodTemplatePlan.addImagePullSecret(kube, dep, "regcred")), s -> true)
                    .wrote()).isTrue();
            FixProof p = proof.after(before, Duration.ofSeconds(30), new CancelToken(), pods -> { });
            assertThat(p.verdict()).as("%s", p).isEqualTo(FixProof.Verdict.STILL_FAILING);
            assertThat(p.message()).contains("401 Unauthorized");
            assertThat(p.newDiagnosis()).isNotNull();
            assertThat(p.newDiagnosis().cause()).isEqualTo("UNAUTHORIZED_NO_CREDENTIALS");
            assertThat(p.newDiagnosis().finding().code()).isEqualTo("registryRejectsCredentials");
        });
    }
}
