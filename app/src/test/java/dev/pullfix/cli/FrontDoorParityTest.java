package dev.pullfix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.FakeDialogs;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.app.common.UiBridge;
import dev.pullfix.app.wizard.FixOffer;
import dev.pullfix.app.wizard.RunbookDiagnoser;
import dev.pullfix.app.wizard.WizardViewModel;
import dev.pullfix.model.aws.AwsEnvironment;
import dev.pullfix.model.aws.AwsProfiles;
import dev.pullfix.model.aws.AwsSessionOptions;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.ClusterConnector;
import dev.pullfix.model.cluster.ClusterEnvironment;
import dev.pullfix.model.cluster.Kubeconfig;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.connect.AwsAccess;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.Finding;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.lab.LabSession;
import dev.pullfix.model.lab.world.Scenario;
import dev.pullfix.model.policy.PullFixProposal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One engine, two front doors (issue 15): for every practice-lab scenario the workbench's wizard (its
 * {@link WizardViewModel} over the {@link RunbookDiagnoser}), {@code pullfix diagnose --json}, {@code pullfix diagnose --report out.md} and
 * {@code pullfix fix --dry-run --json} name the same cause and the same proposals, field for field; an ECR policy
 * proposal is {@link PullFixProposal}'s edit of the repository's current policy, the same text in all four.
 */
class FrontDoorParityTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    LabCli cli;

    @AfterEach
    void stop() {
        if (cli != null) {
            cli.close();
        }
    }

    @ParameterizedTest(name = "{0}: workbench, diagnose, diagnose --report and fix agree")
    @ValueSource(strings = {"S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10"})
    void theFrontDoorsAgree(String id) throws Exception {
        cli = LabCli.start(id, tmp);
        Scenario s = cli.scenario();
        String ns = s.broken().namespace();
        String pod = cli.failingPod().orElseThrow();

        Wizard gui = workbench(ns, pod);
        CliRun diagnose = cli.run("diagnose", "-n", ns, pod, "--json", "--lang", "en");
        Path report = tmp.resolve("report.md");
        CliRun reported = cli.run("diagnose", "-n", ns, pod, "--report", report.toString(), "--lang", "en");
        CliRun fix = cli.run("fix", concat(List.of("-n", ns, pod, "--fix", s.expect().fix(), "--dry-run", "--json",
                "--lang", "en"), LabCli.inputs(s)));

        assertThat(diagnose.exitCode()).as(diagnose.err()).isZero();
        assertThat(reported.exitCode()).as(reported.err()).isZero();
        assertThat(fix.exitCode()).as(fix.err() + fix.out()).isZero();
        JsonNode d = JSON.readTree(diagnose.out());
        JsonNode f = JSON.readTree(fix.out());
        String md = Files.readString(report).replace("\\", ""); // without Markdown's escapes (TAG\_NOT\_FOUND)
        String cause = d.get("cause").asText();

        // the same cause: the scenario's, in diagnose, the report, fix and the wizard's conclusion
        assertThat(cause).isEqualTo(s.expect().cause());
        assertThat(f.get("cause").asText()).isEqualTo(cause);
        assertThat(md).contains("(" + cause + ")");
        assertThat(gui.cause()).as("the wizard's cause").isEqualTo(cause);
        assertThat(gui.conclusion()).as("the wizard's conclusion").isNotBlank();
        if (d.has("finding")) {
            assertThat(gui.finding().code()).isEqualTo(d.at("/finding/code").asText());
            assertThat(gui.finding().args()).hasSameSizeAs(d.at("/finding/args"));
            for (int i = 0; i < gui.finding().args().size(); i++) {
                assertThat(d.at("/finding/args/" + i).asText()).isEqualTo(gui.finding().args().get(i));
            }
        } else {
            assertThat(gui.finding()).isNull();
        }

        // the same proposals, in the same order, field for field
        List<FixProposal> proposals = gui.fixes().stream().map(FixOffer::proposal).toList();
        JsonNode fixes = d.get("fixes");
        assertThat(fixes).hasSize(proposals.size());
        for (int i = 0; i < proposals.size(); i++) {
            FixProposal p = proposals.get(i);
            assertThat(fixes.get(i).get("kind").asText()).isEqualTo(p.kind().name());
            assertThat(fixes.get(i).get("summary").asText()).isEqualTo(gui.fixes().get(i).label());
            assertThat(fixes.get(i).get("details")).isEqualTo(details(p));
            assertThat(md).contains("`" + p.kind().name() + "`").contains(gui.fixes().get(i).label());
        }
        FixProposal chosen = proposals.stream().filter(p -> p.kind().name().equals(s.expect().fix())).findFirst()
                .orElseThrow(() -> new AssertionError("the wizard does not propose " + s.expect().fix()));
        assertThat(f.at("/fix/kind").asText()).isEqualTo(chosen.kind().name());
        assertThat(f.at("/fix/summary").asText()).isEqualTo(gui.fixes().get(proposals.indexOf(chosen)).label());
        assertThat(f.at("/fix/details")).isEqualTo(details(chosen));
        assertThat(f.get("status").asText()).isEqualTo("DRY_RUN");
        assertThat(f.get("plans")).isNotEmpty();

        // one ECR proposal: PullFixProposal's minimal edit of the policy the repository has, in every front door
        for (FixProposal p : proposals) {
            if (p instanceof FixProposal.EcrPolicyEdit e) {
                String current = e.currentPolicy() != null ? e.currentPolicy() : FixProposal.EcrPolicyEdit.EMPTY_POLICY;
                String expected = new PullFixProposal().propose(current, e.principal(), e.repository().arn(), true,
                        e.crossAccount()).after();
                assertThat(JSON.readTree(e.proposedPolicy())).isEqualTo(JSON.readTree(expected));
                assertThat(md.replaceAll("\\s", "")).contains(e.proposedPolicy().replaceAll("\\s", ""));
            }
        }
    }

    /** What the workbench's wizard shows: its conclusion and its fix buttons. */
    record Wizard(String cause, Finding finding, String conclusion, List<FixOffer> fixes) {}

    /**
     * The wizard's view-model diagnosing the pod as the workbench runs it (its diagnoser against the lab's cluster, AWS
     * profile and registries), tasks run in place.
     */
    Wizard workbench(String ns, String pod) throws Exception {
        LabSession lab = cli.lab;
        ClusterEnvironment env = ClusterEnvironment.system();
        AwsProfiles profiles = AwsProfiles.load(AwsEnvironment.of(Map.of("AWS_CONFIG_FILE", lab.awsConfigFile().toString(),
                "AWS_SHARED_CREDENTIALS_FILE", lab.awsCredentialsFile().toString()), tmp));
        AwsAccess aws = AwsAccess.of(profiles, AwsSessionOptions.defaults().withProfile(LabSession.PROFILE)
                .withRegion(lab.world().region()).withEndpoint(lab.awsEndpoint()));
        try (ClusterConnection conn = new ClusterConnector(env, ClusterConnector.Options.defaults())
                .connect(Kubeconfig.load(env, lab.kubeconfig()), null);
             RunbookDiagnoser diagnoser = new RunbookDiagnoser(() -> new RunbookDiagnoser.Target(conn,
                     lab.world().clusterName(), LabSession.PROFILE, lab.world().region(), aws::open, lab.registryPort()),
                     Duration.ofSeconds(15))) {
            WizardViewModel vm = new WizardViewModel(TaskRunner.synchronous(), UiBridge.immediate(), new FakeDialogs(),
                    diagnoser, new I18n(Locale.ENGLISH), line -> { });
            vm.show(new PodInfo(ns, pod, null, null, null, null, null, null, 0, 0, 0, null, List.of(), null, null, null));
            Diagnosis d = vm.diagnosisProperty().get();
            assertThat(d).as("the wizard's diagnosis").isNotNull();
            return new Wizard(d.cause(), d.finding(), vm.conclusionProperty().get(), List.copyOf(vm.fixes()));
        }
    }

    static JsonNode details(FixProposal p) {
        ObjectNode n = JSON.valueToTree(p);
        n.remove(List.of("target", "summary", "kind"));
        return n;
    }

    static String[] concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }
}
