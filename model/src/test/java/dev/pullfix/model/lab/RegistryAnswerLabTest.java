package dev.pullfix.model.lab;

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
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.DiagnoseAll;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.ProgressListener;
import dev.pullfix.model.diagnosis.runbook.StepResult;
import dev.pullfix.model.diagnosis.service.DiagnosisService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's S2, S3, S4, S6 and S10 are diagnosed with the registry's own answer (issue 13): the diagnosis walks a
 * step whose check asks the lab's registry over HTTP (the registry family; ECR's API for S10's private ECR image),
 * its finding names the diagnosed cause, the step shows the equivalent crane/skopeo/curl command filled in for the
 * pod's image, and its title and explanation exist in English and Japanese.
 */
class RegistryAnswerLabTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}: {1} by {2}")
    @CsvSource({
            "S2, TAG_NOT_FOUND, registry.manifest, registryTagMissingNearest",
            "S3, REPO_NOT_FOUND_OR_NO_AUTH, registry.manifest, registryRepositoryMissingOrPrivate",
            "S4, UNAUTHORIZED_NO_CREDENTIALS, registry.credentials, registryWantsCredentialsPodHasNone",
            "S6, RATE_LIMITED, registry.rate-limit, anonymousPullsRateLimited",
            "S10, TAG_NOT_FOUND, registry.manifest, ecrTagMissing"})
    void theCauseIsTheRegistrysOwnAnswer(String id, String cause, String check, String finding) throws Exception {
        Path home = tmp.resolve("home");
        try (LabSession lab = LabSession.start(id, LabSession.Options.defaults().withSpeed(600).withDir(tmp.resolve(id)))) {
            LabEndToEndTest.await(id + " broken pod", Duration.ofSeconds(10), () -> LabEndToEndTest.failingPod(lab).isPresent());
            String pod = LabEndToEndTest.failingPod(lab).orElseThrow().name();
            ClusterEnvironment env = ClusterEnvironment.of(Map.of(), home);
            try (ClusterConnection conn = new ClusterConnector(env, ClusterConnector.Options.defaults().withRetryBackoffLimit(0))
                    .connect(Kubeconfig.load(env, lab.kubeconfig()), null);
                 DiagnosisService service = DiagnosisService.start(DiagnosisService.Options.defaults()
                         .withTimeout(Duration.ofSeconds(60)))) {
                AwsProfiles profiles = AwsProfiles.load(AwsEnvironment.of(Map.of(
                        "AWS_CONFIG_FILE", lab.awsConfigFile().toString(),
                        "AWS_SHARED_CREDENTIALS_FILE", lab.awsCredentialsFile().toString()), home));
                Workspace w = new Workspace(conn, lab.world().clusterName(), AwsAccess.of(profiles, AwsSessionOptions
                        .defaults().withProfile(LabSession.PROFILE).withRegion(lab.world().region())
                        .withEndpoint(lab.awsEndpoint())), lab.registryPort());
                Diagnosis d = service.diagnose(w, new DiagnoseAll.PodRef(lab.scenario().broken().namespace(), pod),
                        ProgressListener.NONE, new CancelToken());
                String why = LabEndToEndTest.describe(d);
                assertThat(d.cause()).as(why).isEqualTo(cause);
                StepResult asked = d.steps().stream().filter(s -> s.step().check().equals(check)).findFirst()
                        .orElseThrow(() -> new AssertionError("no " + check + " step:\n" + why));
                assertThat(asked.outcome().finding().code()).as(why).isEqualTo(finding);
                assertThat(asked.outcome().finding().cause()).as("the registry's answer names the cause").isEqualTo(cause);
                List<String> commands = asked.commands();
                assertThat(commands).as(why).anySatisfy(c -> assertThat(c).containsAnyOf("crane ", "skopeo ", "curl "));
                assertThat(commands).as("filled in for the pod's image").noneMatch(c -> c.contains("{image}")
                        || c.contains("{registry}") || c.contains("{repository}"));
                assertThat(asked.step().title().en()).isNotBlank();
                assertThat(asked.step().title().ja()).isNotBlank().isNotEqualTo(asked.step().title().en());
                assertThat(asked.step().explain().ja()).isNotBlank().isNotEqualTo(asked.step().explain().en());
            }
        }
    }
}
