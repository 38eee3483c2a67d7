package dev.pullfix.model.diagnosis.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.aws.AwsEnvironment;
import dev.pullfix.model.aws.AwsProfiles;
import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.aws.AwsSessionOptions;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.ClusterConnector;
import dev.pullfix.model.cluster.ClusterEnvironment;
import dev.pullfix.model.cluster.Kubeconfig;
import dev.pullfix.model.connect.AwsAccess;
import dev.pullfix.model.connect.Workspace;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.DiagnoseAll;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.ProgressListener;
import dev.pullfix.model.diagnosis.runbook.StepResult;
import dev.pullfix.model.fix.AuditLog;
import dev.pullfix.model.fix.BackupStore;
import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.fix.Preview;
import dev.pullfix.model.fix.WritePath;
import dev.pullfix.model.fix.planner.FixInputs;
import dev.pullfix.model.fix.planner.FixPlanner;
import dev.pullfix.model.lab.LabSession;
import dev.pullfix.model.lab.server.ResourceTypes;
import dev.pullfix.model.policy.PullFixProposal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The front door against the practice lab's S1 (the seed's repository policy Deny): the service streams the steps it
 * returns, reuses one AWS port per account view, diagnoses every failing pod at once, and the report, the command
 * line's JSON, the fix planner and the policy window all propose the one ECR policy: PullFixProposal's minimal edit.
 */
class DiagnosisServiceLabTest {
    static Path dir;
    static LabSession lab;
    static ClusterConnection conn;
    static AwsProfiles profiles;
    static DiagnosisService service;
    static final AtomicInteger opened = new AtomicInteger();

    @BeforeAll
    static void startS1() throws Exception {
        dir = Files.createTempDirectory("pullfix-service");
        lab = LabSession.start("S1", LabSession.Options.defaults().withSpeed(600).withDir(dir.resolve("lab")));
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (failingPod() == null && System.nanoTime() < end) {
            Thread.sleep(25);
        }
        ClusterEnvironment cenv = ClusterEnvironment.of(Map.of(), dir);
        conn = new ClusterConnector(cenv, ClusterConnector.Options.defaults().withRetryBackoffLimit(0))
                .connect(Kubeconfig.load(cenv, lab.kubeconfig()), null);
        profiles = AwsProfiles.load(AwsEnvironment.of(Map.of("AWS_CONFIG_FILE", lab.awsConfigFile().toString(),
                "AWS_SHARED_CREDENTIALS_FILE", lab.awsCredentialsFile().toString()), dir));
        service = DiagnosisService.start(DiagnosisService.Options.defaults().withTimeout(Duration.ofSeconds(30)));
    }

    @AfterAll
    static void stop() {
        service.close();
        conn.close();
        lab.close();
    }

    static String failingPod() {
        return lab.apiServer().store().list(ResourceTypes.PODS, "default", null).stream()
                .filter(p -> p.name().startsWith("ui-private-"))
                .filter(p -> p.toJson().path("status").path("containerStatuses").path(0).path("state").path("waiting")
                        .path("reason").asText().matches("ErrImagePull|ImagePullBackOff"))
                .map(p -> p.name()).findFirst().orElse(null);
    }

    static Workspace workspace() {
        AwsSessionOptions opts = AwsSessionOptions.defaults().withProfile(LabSession.PROFILE)
                .withRegion(lab.world().region()).withEndpoint(lab.awsEndpoint());
        AwsAccess counted = new AwsAccess(opts.profile(), opts.region(), opts.endpointOverride(), r -> {
            opened.incrementAndGet();
            return AwsSession.open(profiles, opts.withResourceRegion(r.isBlank() ? null : r));
        });
        return new Workspace(conn, lab.world().clusterName(), counted, lab.registryPort());
    }

    static DiagnoseAll.PodRef pod() {
        return new DiagnoseAll.PodRef("default", failingPod());
    }

    @Test
    void stepsAreStreamedInFlowOrderAndTheAwsPortIsReusedUntilForgotten() throws Exception {
        List<StepResult> streamed = new CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void stepDone(StepResult step) {
                streamed.add(step);
            }
        };
        service.forgetAws(); // other tests of this class may have opened the same account view already
        opened.set(0);
        Diagnosis first = service.diagnose(workspace(), pod(), listener, new CancelToken());
        int sessions = opened.get();
        Diagnosis second = service.start(workspace(), pod(), ProgressListener.NONE).result().get(60, TimeUnit.SECONDS);

        assertThat(streamed).containsExactlyElementsOf(first.steps());
        assertThat(first.cause()).isEqualTo("FORBIDDEN_POLICY");
        assertThat(first.workload()).isEqualTo(new dev.pullfix.model.cluster.WorkloadRef("Deployment", "ui-private"));
        assertThat(first.container()).isEqualTo("ui");
        assertThat(second.finding()).isEqualTo(first.finding());
        assertThat(sessions).as("sessions for the first diagnosis").isPositive();
        assertThat(opened.get()).as("the second diagnosis reuses them").isEqualTo(sessions);

        service.forgetAws();
        service.diagnose(workspace(), pod(), ProgressListener.NONE, new CancelToken());
        assertThat(opened.get()).as("forgotten sessions are opened again").isGreaterThan(sessions);
    }

    @Test
    void aCancelledDiagnosisSaysSoAndStops() {
        CancelToken cancel = new CancelToken();
        cancel.cancel();

        Diagnosis d = service.diagnose(workspace(), pod(), ProgressListener.NONE, cancel);

        assertThat(d.cancelled()).isTrue();
        assertThat(d.steps()).hasSizeLessThan(7);
    }

    @Test
    void everyFailingPodIsDiagnosedAndGroupedByCause() throws Exception {
        DiagnoseAll.Result r = service.diagnoseAll(workspace(), null, ProgressListener.NONE, new CancelToken());

        assertThat(r.failing()).isPositive();
        assertThat(r.groups()).anySatisfy(g -> {
            assertThat(g.cause()).isEqualTo("FORBIDDEN_POLICY");
            assertThat(g.pods()).contains(pod());
            assertThat(g.fixes()).extracting(FixProposal::kind)
                    .contains(dev.pullfix.model.diagnosis.runbook.FixKind.ECR_POLICY_EDIT);
        });
    }

    @Test
    void theReportTheJsonThePlannerAndThePolicyWindowProposeTheSameRepositoryPolicy() throws Exception {
        Workspace w = workspace();
        Diagnosis d = service.diagnose(w, pod(), ProgressListener.NONE, new CancelToken());
        FixProposal.EcrPolicyEdit edit = d.fixes().stream().filter(f -> f instanceof FixProposal.EcrPolicyEdit)
                .map(f -> (FixProposal.EcrPolicyEdit) f).findFirst().orElseThrow();
        String current = edit.currentPolicy();
        assertThat(current).as("the lab's S1 policy").contains("\"Deny\"");

        // what the workshop's own tools and the GUI called before the front door existed
        String minimalEdit = new PullFixProposal().propose(current, edit.principal(), edit.repository().arn(), true).after();
        // pullfix diagnose --json
        JsonNode json = new ObjectMapper().readTree(service.report(Locale.ENGLISH).json(d));
        String fromJson = json.get("fixes").get(0).get("details").get("proposedPolicy").asText();
        // pullfix diagnose --report out.md
        String markdown = service.report(Locale.ENGLISH).markdown(d);
        // the policy window opens on the model's proposal for the policy read when it opens
        String window = edit.draftFor(current).orElseThrow();
        // pullfix fix / the wizard's write: what the write path is asked to write
        String planned;
        try (FixPlanner planner = FixPlanner.of(w, Clock.systemUTC())) {
            List<FixPlan> plans = planner.plan(edit, FixInputs.none());
            Preview p = new WritePath(new BackupStore(dir.resolve("data")), new AuditLog(dir.resolve("data")),
                    Clock.systemUTC(), "tester", true).preview(plans.get(0));
            planned = p.proposed().text().orElseThrow();
            assertThat(p.current().text()).contains(current);
        }

        assertThat(edit.proposedPolicy()).isEqualTo(minimalEdit);
        assertThat(fromJson).isEqualTo(minimalEdit);
        assertThat(window).isEqualTo(minimalEdit);
        assertThat(planned).isEqualTo(minimalEdit);
        assertThat(markdown).contains(minimalEdit.lines().map(l -> "   " + l).toList().get(1));
        assertThat(minimalEdit).contains("\"Deny\"").contains("ecr:DeleteRepository").doesNotContain("ecr:BatchGetImage");
    }
}
