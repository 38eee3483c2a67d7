package dev.pullfix.model.fix.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.ClusterConnector;
import dev.pullfix.model.cluster.ClusterEnvironment;
import dev.pullfix.model.cluster.Kubeconfig;
import dev.pullfix.model.cluster.WorkloadRef;
import dev.pullfix.model.connect.Workspace;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.DiagnoseAll;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.ProgressListener;
import dev.pullfix.model.diagnosis.service.DiagnosisService;
import dev.pullfix.model.fix.AuditLog;
import dev.pullfix.model.fix.BackupStore;
import dev.pullfix.model.fix.DryRun;
import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.fix.Outcome;
import dev.pullfix.model.fix.Preview;
import dev.pullfix.model.fix.WritePath;
import dev.pullfix.model.fix.planner.FixInputs;
import dev.pullfix.model.fix.planner.FixPlanner;
import dev.pullfix.model.lab.LabSession;
import dev.pullfix.model.lab.server.ResourceTypes;
import dev.pullfix.model.registry.ImageCheckResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof of the fix in the practice lab, through the front door (diagnosis service, fix planner, write path, proof
 * service): a tag that does not exist is refused before the confirmation with the registry's nearest tags; the tag
 * input offers the lab registry's real tags; a real tag is written and the rollout watched until Running and ready;
 * a pull secret with a wrong password is written and the watch says the pod still fails, with the new diagnosis.
 */
class FixProofLabTest {
    @TempDir
    Path tmp;

    interface LabTest {
        void run(LabSession lab, Workspace w, DiagnosisService service, FixProofService proof, WritePath write)
                throws Exception;
    }

    void inLab(String scenario, LabTest t) throws Exception {
        try (LabSession lab = LabSession.start(scenario, LabSession.Options.defaults().withSpeed(600)
                .withDir(tmp.resolve(scenario)))) {
            ClusterEnvironment env = ClusterEnvironment.of(Map.of(), tmp.resolve("home"));
            try (ClusterConnection conn = new ClusterConnector(env, ClusterConnector.Options.defaults()
                    .withRetryBackoffLimit(0)).connect(Kubeconfig.load(env, lab.kubeconfig()), null);
                 DiagnosisService service = DiagnosisService.start(DiagnosisService.Options.defaults()
                         .withTimeout(Duration.ofSeconds(30)))) {
                Workspace w = new Workspace(conn, lab.world().clusterName(), null, lab.registryPort());
                try (FixProofService proof = FixProofService.of(w, (ns, pod) -> service.diagnose(w,
                        new DiagnoseAll.PodRef(ns, pod), ProgressListener.NONE, new CancelToken()))) {
                    WritePath write = new WritePath(new BackupStore(tmp.resolve("data")), new AuditLog(tmp.resolve("data")),
                            Clock.systemUTC(), "proof-test", false);
                    t.run(lab, w, service, proof, write);
                }
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
        inLab("S2", (lab, w, service, proof, write) -> {
            String pod = brokenPod(lab);
            Diagnosis d = service.diagnose(w, new DiagnoseAll.PodRef("default", pod), ProgressListener.NONE,
                    new CancelToken());
            FixProposal tagChange = d.fixes().stream().filter(f -> f.kind() == FixKind.IMAGE_TAG_CHANGE).findFirst()
                    .orElseThrow();
            ImageCheckResult missing = proof.checkImage("nginx:1.28", "default", List.of(), null);
            assertThat(RegistryDryRunPlan.refuses(missing)).isTrue();
            assertThat(missing.nearestTags()).startsWith("1.27", "1.27.2");
            try (FixPlanner planner = FixPlanner.of(w, Clock.systemUTC())) {
                assertThat(planner.choices(tagChange, FixInputs.TAG)).contains("1.27.2", "1.27", "alpine", "latest",
                        "stable");
                FixPlan typo = planner.plan(tagChange, FixInputs.none().with(FixInputs.TAG, "1.28")).get(0);
                Preview shown = write.preview(typo);
                assertThat(shown.dryRun().status()).isEqualTo(DryRun.Status.FAILED);
                assertThat(shown.dryRun().detail()).contains("MANIFEST_UNKNOWN").contains("1.27.2");
                Outcome refused = write.apply(shown, s -> {
                    throw new AssertionError("the confirmation must not be asked for a tag that does not exist");
                });
                assertThat(refused.status()).isEqualTo(Outcome.Status.DRY_RUN_FAILED);
                assertThat(deploymentImage(lab, "nginx")).isEqualTo("nginx:foo");

                Baseline before = proof.before("default", new WorkloadRef("Deployment", "nginx"), pod,
                        FixKind.IMAGE_TAG_CHANGE);
                Preview ok = write.preview(planner.plan(tagChange, FixInputs.none().with(FixInputs.TAG, "stable")).get(0));
                assertThat(ok.dryRun().status()).isEqualTo(DryRun.Status.PASSED);
                assertThat(write.apply(ok, s -> true).wrote()).isTrue();
                FixProof p = proof.after(before, Duration.ofSeconds(30), new CancelToken(), pods -> { });
                assertThat(p.verdict()).as("%s", p).isEqualTo(FixProof.Verdict.FIXED);
                assertThat(p.pods()).anySatisfy(s -> {
                    assertThat(s.isNew()).isTrue();
                    assertThat(s.ready()).isEqualTo("1/1");
                });
            }
        });
    }

    @Test
    void aSecretWithTheWrongPasswordIsWrittenButThePodStillFailsWithANewDiagnosis() throws Exception {
        inLab("S4", (lab, w, service, proof, write) -> {
            String pod = brokenPod(lab);
            Diagnosis d = service.diagnose(w, new DiagnoseAll.PodRef("default", pod), ProgressListener.NONE,
                    new CancelToken());
            FixProposal secret = d.fixes().stream().filter(f -> f.kind() == FixKind.CREATE_PULL_SECRET).findFirst()
                    .orElseThrow();
            Baseline before = proof.before("default", new WorkloadRef("Deployment", "billing"), pod,
                    FixKind.CREATE_PULL_SECRET);
            try (FixPlanner planner = FixPlanner.of(w, Clock.systemUTC())) {
                List<FixPlan> plans = planner.plan(secret, FixInputs.none().with(FixInputs.SERVER, "registry.example.com")
                        .with(FixInputs.USERNAME, "ci-puller").withSecret(FixInputs.PASSWORD, "not-the-password".toCharArray()));
                for (FixPlan plan : plans) {
                    assertThat(write.apply(write.preview(plan), s -> true).wrote()).isTrue();
                }
            }
            FixProof p = proof.after(before, Duration.ofSeconds(30), new CancelToken(), pods -> { });
            assertThat(p.verdict()).as("%s", p).isEqualTo(FixProof.Verdict.STILL_FAILING);
            assertThat(p.message()).contains("401 Unauthorized");
            assertThat(p.newDiagnosis()).isNotNull();
            assertThat(p.newDiagnosis().cause()).isEqualTo("UNAUTHORIZED_NO_CREDENTIALS");
            assertThat(p.newDiagnosis().steps()).anySatisfy(s -> assertThat(s.outcome().finding().code())
                    .isEqualTo("registryRejectsPodSecret"));
        });
    }

    @Test
    void theWorkbenchsWorkspaceReachesTheLabsRegistriesThroughTheEnvironmentAlone() throws Exception {
        inLab("S2", (lab, w, service, proof, write) -> {
            // what the GUI builds: the connection plus the environment the lab handed the window, no lab objects
            Workspace gui = new Workspace(w.cluster(), null, null, null).withRegistriesFrom(lab.environment());
            String pod = brokenPod(lab);
            Diagnosis d = service.diagnose(gui, new DiagnoseAll.PodRef("default", pod), ProgressListener.NONE,
                    new CancelToken());
            assertThat(d.cause()).isEqualTo("TAG_NOT_FOUND");
            FixProposal tagChange = d.fixes().stream().filter(f -> f.kind() == FixKind.IMAGE_TAG_CHANGE).findFirst()
                    .orElseThrow();
            try (FixPlanner planner = FixPlanner.of(gui, Clock.systemUTC())) {
                assertThat(planner.choices(tagChange, FixInputs.TAG)).contains("1.27.2", "1.27", "alpine", "latest",
                        "stable");
                Preview typo = write.preview(planner.plan(tagChange, FixInputs.none().with(FixInputs.TAG, "1.28")).get(0));
                assertThat(typo.dryRun().status()).isEqualTo(DryRun.Status.FAILED);
                assertThat(write.apply(typo, s -> {
                    throw new AssertionError("no confirmation for a tag that does not exist");
                }).status()).isEqualTo(Outcome.Status.DRY_RUN_FAILED);
            }
        });
    }
}
