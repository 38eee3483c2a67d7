package dev.pullfix.model.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.aws.AwsEnvironment;
import dev.pullfix.model.aws.AwsProfiles;
import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.aws.AwsSessionOptions;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.ClusterConnector;
import dev.pullfix.model.cluster.ClusterEnvironment;
import dev.pullfix.model.cluster.Kubeconfig;
import dev.pullfix.model.connect.Fabric8ClusterPort;
import dev.pullfix.model.connect.Fabric8KubeObjects;
import dev.pullfix.model.connect.GatewayAwsPort;
import dev.pullfix.model.diagnosis.runbook.BuiltInClassifier;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.DiagnosisEngine;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.FixPlan;
import dev.pullfix.model.diagnosis.runbook.PolicyEvaluatorJudge;
import dev.pullfix.model.diagnosis.runbook.ProgressListener;
import dev.pullfix.model.diagnosis.runbook.RunbookCatalog;
import dev.pullfix.model.fix.AuditLog;
import dev.pullfix.model.fix.BackupStore;
import dev.pullfix.model.fix.DryRun;
import dev.pullfix.model.fix.Outcome;
import dev.pullfix.model.fix.Preview;
import dev.pullfix.model.fix.StateText;
import dev.pullfix.model.fix.WritePath;
import dev.pullfix.model.fix.aws.EcrPolicyPlan;
import dev.pullfix.model.fix.kube.CreatePullSecretPlan;
import dev.pullfix.model.fix.kube.ObjectRef;
import dev.pullfix.model.fix.kube.PodTemplatePlan;
import dev.pullfix.model.lab.server.ResourceTypes;
import dev.pullfix.model.lab.server.StoredObject;
import dev.pullfix.model.policy.PolicyDocument;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each scenario end to end, in process: start the lab, wait for the broken pod, run the diagnosis engine
 * through the connect adapters at the lab's kubeconfig and AWS endpoint, apply the proposed fix through the
 * write path, see the pod Running, reset, see it broken again.
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
            ExecutorService pool = Executors.newFixedThreadPool(8);
            Diagnosis d;
            try (ClusterConnection conn = new ClusterConnector(cenv, ClusterConnector.Options.defaults().withRetryBackoffLimit(0))
                    .connect(Kubeconfig.load(cenv, lab.kubeconfig()), null)) {
                Map<String, String> awsEnv = Map.of("AWS_CONFIG_FILE", lab.awsConfigFile().toString(),
                        "AWS_SHARED_CREDENTIALS_FILE", lab.awsCredentialsFile().toString());
                AwsProfiles profiles = AwsProfiles.load(AwsEnvironment.of(awsEnv, home));
                String region = lab.world().region();
                AwsSessionOptions opts = AwsSessionOptions.defaults().withProfile(LabSession.PROFILE).withRegion(region)
                        .withEndpoint(lab.awsEndpoint());
                try (GatewayAwsPort aws = new GatewayAwsPort(r -> AwsSession.open(profiles,
                        opts.withResourceRegion(r.isEmpty() ? null : r)), region);
                     AwsSession session = AwsSession.open(profiles, opts)) {
                    DiagnosisEngine engine = new DiagnosisEngine(RunbookCatalog.load(dev.pullfix.model.diagnosis.checks.Checks.all()), new DiagnosisEngine.Ports(
                            new Fabric8ClusterPort(conn, lab.world().clusterName()), aws, lab.registryPort(), new PolicyEvaluatorJudge(),
                            BuiltInClassifier.create()), pool, DiagnosisEngine.Options.defaults()
                            .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60)));
                    d = engine.diagnose(DiagnosisEngine.Request.of(s.broken().namespace(), pod), new CancelToken(),
                            ProgressListener.NONE);
                    assertThat(d.cause()).as(describe(d)).isEqualTo(s.expect().cause());
                    assertThat(d.fixes()).as(describe(d)).extracting(FixPlan::kind).contains(FixKind.valueOf(s.expect().fix()));

                    WritePath write = new WritePath(new BackupStore(tmp.resolve("data-" + id)), new AuditLog(tmp.resolve("data-" + id)),
                            Clock.systemUTC(), "lab-test", false);
                    Fabric8KubeObjects kube = new Fabric8KubeObjects(conn.kubernetesClient());
                    ObjectRef deployment = new ObjectRef(null, "apps/v1", "Deployment", s.broken().namespace(), s.broken().deployment());
                    FixPlan fix = d.fixes().stream().filter(f -> f.kind() == FixKind.valueOf(s.expect().fix())).findFirst().orElseThrow();
                    for (dev.pullfix.model.fix.FixPlan plan : plans(fix, s, lab, session, kube, deployment, input)) {
                        Preview p = write.preview(plan);
                        Outcome o = write.apply(p, shown -> true);
                        assertThat(o.wrote()).as(o.toString()).isTrue();
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            await(id + " recovery", Duration.ofSeconds(15), lab::fixed);
            lab.reset();
            await(id + " broken again", Duration.ofSeconds(10), () -> failingPod(lab).isPresent() && !lab.fixed());
            return d;
        }
    }

    static List<dev.pullfix.model.fix.FixPlan> plans(FixPlan fix, Scenario s, LabSession lab, AwsSession session,
                                                       Fabric8KubeObjects kube, ObjectRef deployment, Input input) {
        String container = fix.details().getOrDefault("container", "");
        return switch (fix.kind()) {
            case ECR_POLICY_EDIT -> List.of(new EcrPolicyPlan(session.ecr(), session.ecrWriter(), lab.world().account(),
                    lab.world().region(), fix.target().name(), StateText.of(fix.details().get("proposedPolicy")), "allow the node role",
                    (cur, next) -> {
                        PolicyDocument.parse(next.text().orElseThrow());
                        return DryRun.passed("parses");
                    }));
            case IMAGE_TAG_CHANGE, IMAGE_REFERENCE_CHANGE -> List.of(PodTemplatePlan.setImage(kube, deployment, container,
                    input.image() != null ? input.image() : fix.details().get("suggestedImage")));
            case CREATE_PULL_SECRET, ADD_IMAGE_PULL_SECRET -> List.of(
                    new CreatePullSecretPlan(kube, new ObjectRef(null, "v1", "Secret", s.broken().namespace(), "regcred"),
                            input.secretServer(), input.user(), input.password().toCharArray()),
                    PodTemplatePlan.addImagePullSecret(kube, deployment, "regcred"));
            case NODE_ROLE_ATTACH_POLICY -> List.of(new dev.pullfix.model.fix.aws.AttachRolePolicyPlan(session.iam(),
                    session.iamWriter(), lab.world().account(), fix.target().name(), fix.details().get("policyArn")));
            case VPC_ENDPOINT_POLICY_EDIT -> List.of(new dev.pullfix.model.fix.aws.VpcEndpointPolicyPlan(session.ec2(),
                    session.ec2Writer(), lab.world().account(), lab.world().region(), lab.world().clusterVpcId(),
                    lab.world().vpcEndpoints().stream().filter(e -> e.path("service").asText().endsWith(".ecr.dkr"))
                            .findFirst().orElseThrow().path("id").asText(), null, null));
            case ROLLOUT_RESTART -> {
                // S5: a person fixes the network outside Kubernetes and AWS, then restarts the rollout
                lab.world().setRegistryReachable(ImageReferenceHost.of(s), true);
                yield List.of(PodTemplatePlan.restart(kube, deployment, java.time.Instant.now()));
            }
            default -> throw new AssertionError("no write-path plan for " + fix.kind());
        };
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
        d.fixes().forEach(f -> sb.append("  fix ").append(f).append("\n"));
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
