package dev.pullfix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.lab.LabSession;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pullfix diagnose} against the practice lab's scenario S4 (a private registry without imagePullSecrets, whose
 * runbook proposes {@code --docker-password}): valid JSON, honest exit codes for a pod or namespace that is not
 * there, and the diagnosis kept when {@code --runbook} or {@code --report} is wrong (issue 17 items 1, 4, 7).
 */
class DiagnoseCommandTest {
    @TempDir
    static Path dir;
    static LabSession lab;
    static String pod;

    @BeforeAll
    static void startLab() throws Exception {
        lab = LabSession.start("S4", LabSession.Options.defaults().withDir(dir.resolve("lab")));
        System.setProperty("aws.configFile", lab.awsConfigFile().toString());
        System.setProperty("aws.sharedCredentialsFile", lab.awsCredentialsFile().toString());
        try (KubernetesClient c = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(lab.kubeconfig()))).build()) {
            pod = c.pods().inNamespace("default").list().getItems().stream()
                    .filter(p -> p.getMetadata().getName().startsWith("billing-")).findFirst().orElseThrow()
                    .getMetadata().getName();
        }
    }

    @AfterAll
    static void stopLab() {
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
        lab.close();
    }

    static CliRun diagnose(String... extra) {
        List<String> args = new ArrayList<>(List.of("diagnose", "--kubeconfig", lab.kubeconfig().toString(),
                "--profile", LabSession.PROFILE, "--endpoint-url", lab.awsEndpoint().toString()));
        args.addAll(List.of(extra));
        return CliRun.main(args.toArray(String[]::new));
    }

    @Test
    void jsonOfScenarioS4IsValidAndMasksTheProposedPassword() throws Exception {
        CliRun r = diagnose("-n", "default", pod, "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("cause").asText()).isEqualTo("UNAUTHORIZED_NO_CREDENTIALS");
        assertThat(j.get("steps").toString()).contains("--docker-password=");
        assertThat(r.out()).doesNotContain(LabSession.SECRET_KEY);
    }

    @Test
    void aPodThatDoesNotExistIsSaidInOneLineWithExit3AndNothingIsDiagnosed() {
        CliRun r = diagnose("-n", "default", "ghost-pod", "--json");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("ghost-pod").contains("default").doesNotContain("Exception");
    }

    @Test
    void aNamespaceThatDoesNotExistIsSaidInOneLineWithExit3() {
        CliRun r = diagnose("-n", "nons", "ghost-pod");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("Namespace nons does not exist");
    }

    @Test
    void anUnknownRunbookIsOneLineWithTheKnownOnesAndTheDiagnosisStillComes() {
        CliRun r = diagnose("-n", "default", pod, "--runbook", "nope");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("nope").contains("private-registry-credentials").doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(r.out()).contains("Private registry without credentials");
    }

    @Test
    void aReportPathThatIsADirectoryIsOneLineAndTheDiagnosisIsPrinted() throws Exception {
        Path d = Files.createDirectories(dir.resolve("reports"));
        CliRun r = diagnose("-n", "default", pod, "--report", d.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains(d.toString()).contains("directory").doesNotContain("Exception");
        assertThat(r.out()).contains("Private registry without credentials");
    }

    @Test
    void aReportInADirectoryThatDoesNotExistIsOneLineAndTheDiagnosisIsPrinted() {
        Path f = dir.resolve("missing-dir").resolve("out.md");
        CliRun r = diagnose("-n", "default", pod, "--report", f.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains(f.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).contains("Private registry without credentials");
    }

    @Test
    void aReportIsWrittenWithSecretsMasked() throws Exception {
        Path f = dir.resolve("s4.html");
        CliRun r = diagnose("-n", "default", pod, "--report", f.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(f)).contains("<html").doesNotContain(LabSession.SECRET_KEY);
    }
}
