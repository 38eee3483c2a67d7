package dev.pullfix.model.lab;

import dev.pullfix.model.lab.world.Scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.aws.AwsEnvironment;
import dev.pullfix.model.aws.AwsProfiles;
import dev.pullfix.model.aws.AwsSessionOptions;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.ClusterConnector;
import dev.pullfix.model.cluster.ClusterEnvironment;
import dev.pullfix.model.cluster.Kubeconfig;
import dev.pullfix.model.connect.AwsAccess;
import dev.pullfix.model.connect.Workspace;
import dev.pullfix.model.diagnosis.service.DiagnosisService;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.DiagnoseAll;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.ProgressListener;
import dev.pullfix.model.fix.AuditLog;
import dev.pullfix.model.fix.BackupStore;
import dev.pullfix.model.fix.Outcome;
import dev.pullfix.model.fix.Preview;
import dev.pullfix.model.fix.WritePath;
import dev.pullfix.model.fix.planner.FixInputs;
import dev.pullfix.model.fix.planner.FixPlanner;
import dev.pullfix.model.lab.server.ResourceTypes;
import dev.pullfix.model.lab.server.StoredObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each scenario end to end, in process, through the front door every front end uses: start the lab, wait for the
 * broken pod, ask the diagnosis service (at the lab's kubeconfig and AWS endpoint), plan the proposed fix with the
 * fix planner from what a person would type, write it through the write path, see the pod Running, reset, see it
 * broken again.
 */
class LabEndToEndTest {
    @TempDir
    Path tmp;

    static void await(String what, Duration max, BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(25);
        }
    }

    static Optional<StoredObject> failingPod(LabSession lab) {
        String ns = lab.scenario().broken().namespace();
        String dep = lab.scenario().broken().deployment();
        return lab.apiServer().store().list(ResourceTypes.PODS, ns, null).stream()
                .filter(p -> p.name().startsWith(dep + "-"))
                .filter(p -> p.toJson().path("status").path("containerStatuses").path(0).path("state").path("waiting")
                        .path("reason").asText().matches("ErrImagePull|ImagePullBackOff"))
                .findFirst();
    }

    /** What a person types into the fix dialog the runbook cannot know (a real tag, a password). */
    record Input(String image, String secretServer, String user, String password) {
        static final Input NONE = new Input(null, null, null, null);
    }

    Diagnosis diagnoseAndFix(String id, Input input) throws Exception {
        Path home = tmp.resolve("home-" + id);
        try (LabSession lab = LabSession.start(id, LabSession.Options.defaults().withSpeed(600).withDir(tmp.resolve(id)))) {
            Scenario s = lab.scenario();
            await(id + " broken pod", Duration.ofSeconds(10), () -> failingPod(lab).isPresent());
            String pod = failingPod(lab).orElseThrow().name();
            if (s.broken().podName() != null) {
                assertThat(pod).isEqualTo(s.broken().podName());
            }
            ClusterEnvironment cenv = ClusterEnvironment.of(Map.of(), home);
            Diagnosis d;
            try (ClusterConnection conn = new ClusterConnector(cenv, ClusterConnector.Options.defaults().withRetryBackoffLimit(0))
                    .connect(Kubeconfig.load(cenv, lab.kubeconfig()), null);
                 DiagnosisService service = DiagnosisService.start(DiagnosisService.Options.defaults()
                         .withTimeout(Duration.ofSeconds(60)))) {
                Map<String, String> awsEnv = Map.of("AWS_CONFIG_FILE", lab.awsConfigFile().toString(),
                        "AWS_SHARED_CREDENTIALS_FILE", lab.awsCredentialsFile().toString());
                AwsProfiles profiles = AwsProfiles.load(AwsEnvironment.of(awsEnv, home));
                AwsSessionOptions opts = AwsSessionOptions.defaults().withProfile(LabSession.PROFILE)
                        .withRegion(lab.world().region()).withEndpoint(lab.awsEndpoint());
                Workspace workspace = new Workspace(conn, lab.world().clusterName(), AwsAccess.of(profiles, opts),
                        lab.registryPort());
                d = service.diagnose(workspace, new DiagnoseAll.PodRef(s.broken().namespace(), pod), ProgressListener.NONE,
                        new CancelToken());
                assertThat(d.cause()).as(describe(d)).isEqualTo(s.expect().cause());
                assertThat(d.fixes()).as(describe(d)).extracting(FixProposal::kind).contains(FixKind.valueOf(s.expect().fix()));

                WritePath write = new WritePath(new BackupStore(tmp.resolve("data-" + id)), new AuditLog(tmp.resolve("data-" + id)),
                        Clock.systemUTC(), "lab-test", false);
                FixProposal fix = d.fixes().stream().filter(f -> f.kind() == FixKind.valueOf(s.expect().fix())).findFirst().orElseThrow();
                if (fix.kind() == FixKind.ROLLOUT_RESTART) {
                    // S5: a person fixes the network outside Kubernetes and AWS, then restarts the rollout
                    lab.world().setRegistryReachable(ImageReferenceHost.of(s), true);
                }
                try (FixPlanner planner = FixPlanner.of(workspace, Clock.systemUTC())) {
                    List<dev.pullfix.model.fix.FixPlan> plans = planner.plan(fix, inputs(fix, input));
                    assertThat(plans).isNotEmpty();
                    for (dev.pullfix.model.fix.FixPlan plan : plans) {
                        Preview p = write.preview(plan);
                        Outcome o = write.apply(p, shown -> true);
                        assertThat(o.wrote()).as(o.toString()).isTrue();
                    }
                }
            }
            await(id + " recovery", Duration.ofSeconds(15), lab::fixed);
            lab.reset();
            await(id + " broken again", Duration.ofSeconds(10), () -> failingPod(lab).isPresent() && !lab.fixed());
            return d;
        }
    }

    /** What a person types into the fix's form (from the scenario's expectations). */
    static FixInputs inputs(FixProposal fix, Input input) {
        FixInputs in = FixInputs.none();
        switch (fix.kind()) {
            case IMAGE_TAG_CHANGE -> in.with(FixInputs.TAG, dev.pullfix.model.image.ImageReference.parse(input.image()).tag());
            case IMAGE_REFERENCE_CHANGE -> in.with(FixInputs.IMAGE, input.image());
            case CREATE_PULL_SECRET -> in.with(FixInputs.SERVER, input.secretServer()).with(FixInputs.USERNAME, input.user())
                    .withSecret(FixInputs.PASSWORD, input.password().toCharArray());
            default -> {
            }
        }
        return in;
    }

    /** The registry host of the broken deployment's image. */
    static final class ImageReferenceHost {
        static String of(Scenario s) {
            for (var o : s.kubernetes()) {
                if (o.path("kind").asText().equals("Deployment")) {
                    return dev.pullfix.model.image.ImageReference.parse(o.path("spec").path("template").path("spec")
                            .path("containers").path(0).path("image").asText()).domain();
                }
            }
            throw new AssertionError("no deployment");
        }
    }

    static String describe(Diagnosis d) {
        StringBuilder sb = new StringBuilder("cause=" + d.cause() + " symptom=" + d.symptom() + " finding=" + d.finding()
                + " runbooks=" + d.runbooks() + "\n");
        d.steps().forEach(st -> sb.append("  ").append(st.runbookId()).append(" ").append(st.step().number()).append(" ")
                .append(st.verdict()).append(" ").append(st.outcome().finding()).append(" ").append(st.outcome().detail()).append("\n"));
        d.fixes().forEach(f -> sb.append("  fix ").append(f.kind()).append(" ").append(f.target()).append("\n"));
        return sb.toString();
    }

    @Test
    void s1RepositoryPolicyDenyIsFoundFixedAndResetInTheSeedsNames() throws Exception {
        Diagnosis d = diagnoseAndFix("S1", Input.NONE);
        assertThat(d.pod()).isEqualTo("ui-private-7655bf59b9-jprrj");
        assertThat(d.finding().code()).isEqualTo("repositoryPolicyDenies");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} is diagnosed, fixed through the write path and reset")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10"})
    void scenarioIsDiagnosedFixedAndReset(String id) throws Exception {
        Scenario s = Scenario.find(id).orElseThrow();
        Diagnosis d = diagnoseAndFix(id, new Input(s.expect().input("fixedImage"), s.expect().input("secretServer"),
                s.expect().input("user"), s.expect().input("password")));
        assertThat(d.cause()).isEqualTo(s.expect().cause());
    }
}
