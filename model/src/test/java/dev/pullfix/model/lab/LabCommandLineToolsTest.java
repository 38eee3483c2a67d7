package dev.pullfix.model.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubectl and the AWS CLI against the S1 lab with its printed settings, as the seed document runs them (skipped without the tools). */
class LabCommandLineToolsTest {
    @TempDir
    static Path dir;
    static LabSession lab;

    @BeforeAll
    static void start() throws Exception {
        lab = LabSession.start("S1", LabSession.Options.defaults().withSpeed(60).withDir(dir));
        LabEndToEndTest.await("S1 back-off", Duration.ofSeconds(10), () -> LabEndToEndTest.failingPod(lab)
                .map(p -> p.toJson().path("status").path("containerStatuses").path(0).path("state").path("waiting")
                        .path("reason").asText().equals("ImagePullBackOff")).orElse(false));
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    static String run(String... cmd) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of(cmd));
        if (cmd[0].equals("aws")) {
            // aws-cli 2.9 (Debian's, the one .ci/run installs) ignores AWS_ENDPOINT_URL; 1.45 honours both.
            args.addAll(List.of("--endpoint-url", lab.environment().get("AWS_ENDPOINT_URL")));
        }
        ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
        pb.environment().putAll(lab.environment());
        pb.environment().remove("AWS_ACCESS_KEY_ID");
        pb.environment().remove("AWS_SECRET_ACCESS_KEY");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void kubectlShowsTheSeedsDeploymentPodAndEvents() throws Exception {
        dev.pullfix.model.ExternalTools.require("kubectl", "Debian: apt-get install kubernetes-client");
        String deploy = run("kubectl", "get", "deploy", "ui-private", "-n", "default");
        assertThat(deploy).containsPattern("NAME\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+AGE")
                .containsPattern("ui-private\\s+0/1\\s+1\\s+0\\s+");
        String pods = run("kubectl", "get", "pods");
        assertThat(pods).containsPattern("ui-private-7655bf59b9-jprrj\\s+0/1\\s+(ImagePullBackOff|ErrImagePull)\\s+0\\s+");
        String describe = run("kubectl", "describe", "pod", "ui-private-7655bf59b9-jprrj");
        assertThat(describe).contains("Events:")
                .containsPattern("Normal\\s+Scheduled\\s+.*default-scheduler\\s+Successfully assigned default/ui-private-7655bf59b9-jprrj to ip-10-42-33-232.us-west-2.compute.internal")
                .contains("Failed to pull image \"682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0\": failed to pull and unpack image "
                        + "\"682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0\": failed to resolve reference "
                        + "\"682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0\": unexpected status from HEAD request to "
                        + "https://682844965773.dkr.ecr.us-west-2.amazonaws.com/v2/retail-sample-app-ui/manifests/0.4.0: 403 Forbidden")
                .containsPattern("Warning\\s+Failed\\s+.*kubelet\\s+Error: ErrImagePull")
                .containsPattern("Normal\\s+BackOff\\s+.*kubelet\\s+Back-off pulling image");
    }

    @Test
    void awsCliReadsTheSeedsImageAndDenyPolicyThroughAwsEndpointUrl() throws Exception {
        dev.pullfix.model.ExternalTools.require("aws", "Debian: apt-get install awscli");
        String images = run("aws", "ecr", "describe-images", "--repository-name", "retail-sample-app-ui", "--image-ids", "imageTag=0.4.0");
        assertThat(images).contains("\"registryId\": \"682844965773\"")
                .contains("sha256:b338785abbf5a5d7e0f6ebeb8b8fc66e2ef08c05b2b48e5dfe89d03710eec2c1").contains("268443135");
        String policy = run("aws", "ecr", "get-repository-policy", "--repository-name", "retail-sample-app-ui");
        assertThat(policy).contains("\"repositoryName\": \"retail-sample-app-ui\"").contains("\\\"Effect\\\" : \\\"Deny\\\"");
        String role = run("aws", "eks", "describe-nodegroup", "--cluster-name", "eks-workshop", "--nodegroup-name", "default",
                "--query", "nodegroup.nodeRole", "--output", "text");
        assertThat(role.trim()).isEqualTo("arn:aws:iam::682844965773:role/eksctl-eks-workshop-nodegroup-defa-NodeInstanceRole-Fa4f8r6uT7UD");
        String attached = run("aws", "iam", "list-attached-role-policies", "--role-name",
                "eksctl-eks-workshop-nodegroup-defa-NodeInstanceRole-Fa4f8r6uT7UD");
        assertThat(attached).contains("\"PolicyArn\": \"arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly\"");
        String missing = run("aws", "ecr", "describe-images", "--repository-name", "retail-sample-app-ui", "--image-ids", "imageTag=9.9.9");
        assertThat(missing).contains("ImageNotFoundException");
    }
}
