package dev.pullfix.model.lab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl itself against the lab API server with a generated population: skipped on a developer machine without it,
 * required in CI (.ci/run installs Debian's kubectl 1.20 where none is present; this machine's 1.32 passes too).
 * {@code apply --validate=false}: the lab publishes no OpenAPI document, which kubectl before 1.27 downloads (as
 * protobuf) to validate. Server-side dry-run from kubectl before 1.24 is refused by kubectl itself for the same
 * reason (its dry-run verifier reads OpenAPI), so those two tests need kubectl 1.24+.
 */
class KubectlConformanceTest {
    @TempDir
    static Path dir;
    private static LabApiServer server;
    private static Path kubeconfig;
    private static int pods;

    @BeforeAll
    static void start() {
        dev.pullfix.model.ExternalTools.require("kubectl", "Debian: apt-get install kubernetes-client");
        server = LabApiServer.start(LabApiServerOptions.defaults());
        pods = LabPopulation.generate(server.store(), new LabPopulation.Spec(700, 50, 0.1, 7, Instant.now())).pods();
        kubeconfig = server.writeKubeconfig(dir.resolve("kubeconfig"));
        server.store().put(Json.parseObject(("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"ui-private-7655bf59b9-jprrj\","
                + "\"namespace\":\"default\",\"labels\":{\"app\":\"ui-private\"}},\"spec\":{\"containers\":[{\"name\":\"ui\",\"image\":"
                + "\"682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0\"}],\"nodeName\":\"ip-10-42-33-232.us-west-2.compute.internal\"},"
                + "\"status\":{\"phase\":\"Pending\",\"podIP\":\"10.42.33.7\",\"containerStatuses\":[{\"name\":\"ui\",\"ready\":false,\"restartCount\":0,"
                + "\"state\":{\"waiting\":{\"reason\":\"ImagePullBackOff\",\"message\":\"Back-off pulling image\"}}}]}}").getBytes()));
        String uid = server.store().get(ResourceTypes.PODS, "default", "ui-private-7655bf59b9-jprrj").orElseThrow().toJson()
                .path("metadata").path("uid").asText();
        String now = Json.time(Instant.now());
        server.store().put(Json.parseObject(("{\"apiVersion\":\"v1\",\"kind\":\"Event\",\"metadata\":{\"name\":\"ui-private-7655bf59b9-jprrj.1\","
                + "\"namespace\":\"default\"},\"involvedObject\":{\"kind\":\"Pod\",\"namespace\":\"default\",\"name\":\"ui-private-7655bf59b9-jprrj\","
                + "\"uid\":\"" + uid + "\",\"apiVersion\":\"v1\"},\"reason\":\"Failed\",\"type\":\"Warning\",\"count\":4,\"firstTimestamp\":\"" + now
                + "\",\"lastTimestamp\":\"" + now + "\",\"source\":{\"component\":\"kubelet\"},\"message\":\""
                + LabPopulation.pullFailure("682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0",
                LabPopulation.Cause.ECR_FORBIDDEN_403).replace("\"", "\\\"") + "\"}").getBytes()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }

    /** kubectl's client minor version (1.x), read from {@code kubectl version --client -o json}. */
    static int clientMinor() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kubectl", "version", "--client", "-o", "json").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        String minor = Json.MAPPER.readTree(out.substring(out.indexOf('{'))).path("clientVersion").path("minor").asText();
        return Integer.parseInt(minor.replaceAll("\\D.*", ""));
    }

    /** kubectl before 1.24 refuses {@code --dry-run=server} unless the server publishes protobuf OpenAPI. */
    private static void assumeKubectlDoesServerDryRunWithoutOpenApi() throws IOException, InterruptedException {
        int minor = clientMinor();
        Assumptions.assumeTrue(minor >= 24, "kubectl 1." + minor + " reads the server's OpenAPI before a server-side dry-run");
    }

    private static ProcessBuilder builder(String... args) {
        List<String> cmd = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString(), "--cache-dir",
                dir.resolve("cache").toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    private static String kubectl(String... args) throws IOException, InterruptedException {
        return kubectlWithInput(null, args);
    }

    /** kubectl typed generators ({@code create namespace}, {@code run}) send protobuf, which the lab does not read: apply YAML. */
    private static String apply(String yaml) throws IOException, InterruptedException {
        return kubectlWithInput(yaml, "apply", "--validate=false", "-f", "-");
    }

    private static String kubectlWithInput(String stdin, String... args) throws IOException, InterruptedException {
        Process p = builder(args).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("kubectl %s: %s", String.join(" ", args), out).isZero();
        return out;
    }

    @Test
    void getPodsShowsKubectlsColumnsWithTheWaitingReasonAsStatus() throws Exception {
        String out = kubectl("get", "pods");
        assertThat(out.lines().findFirst().orElseThrow()).matches("NAME\\s+READY\\s+STATUS\\s+RESTARTS\\s+AGE");
        assertThat(out).containsPattern("ui-private-7655bf59b9-jprrj\\s+0/1\\s+ImagePullBackOff\\s+0\\s+\\d+s");
    }

    @Test
    void getPodsWideAddsIpAndNode() throws Exception {
        String out = kubectl("get", "pods", "-o", "wide");
        assertThat(out.lines().findFirst().orElseThrow()).contains("IP", "NODE", "NOMINATED NODE", "READINESS GATES");
        assertThat(out).contains("10.42.33.7", "ip-10-42-33-232.us-west-2.compute.internal");
    }

    @Test
    void getAllNamespacesPagesThroughEveryPod() throws Exception {
        String out = kubectl("get", "pods", "-A", "--chunk-size=100", "--no-headers");
        assertThat(out.lines().count()).isEqualTo(pods + 1);
        assertThat(out.lines().filter(l -> l.contains("ImagePullBackOff") || l.contains("ErrImagePull")).count())
                .isBetween(pods / 10L - 5, pods / 10L + 6);
    }

    @Test
    void largeListsReachKubectlWhole() throws Exception {
        // kubectl (Go) asks for gzip and inflates it itself: a list over the 128 KiB threshold arrives compressed
        JsonNode list = Json.MAPPER.readTree(kubectl("get", "pods", "-A", "-o", "json", "--chunk-size=0"));
        assertThat(list.path("items").size()).isGreaterThanOrEqualTo(pods + 1); // other tests add a few
    }

    @Test
    void jsonAndJsonpathOutputsCarryTheObject() throws Exception {
        JsonNode pod = Json.MAPPER.readTree(kubectl("get", "pod", "ui-private-7655bf59b9-jprrj", "-o", "json"));
        assertThat(pod.path("status").path("containerStatuses").get(0).path("state").path("waiting").path("reason").asText())
                .isEqualTo("ImagePullBackOff");
        assertThat(kubectl("get", "pods", "-o", "jsonpath={.items[*].spec.containers[*].image}"))
                .isEqualTo("682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0");
    }

    @Test
    void describePodShowsTheKubeletEvents() throws Exception {
        String out = kubectl("describe", "pod", "ui-private-7655bf59b9-jprrj");
        assertThat(out).contains("Events:").contains("Warning  Failed").contains("(x4 over")
                .contains("403 Forbidden").contains("ImagePullBackOff");
    }

    @Test
    void labelSelectorsWork() throws Exception {
        assertThat(kubectl("get", "pods", "-l", "app=ui-private", "-o", "name")).isEqualTo("pod/ui-private-7655bf59b9-jprrj\n");
        assertThat(kubectl("get", "pods", "-l", "app notin (ui-private)", "-o", "name")).isBlank();
    }

    @Test
    void eventsAndWorkloadTablesShowKubectlColumns() throws Exception {
        assertThat(kubectl("get", "events").lines().findFirst().orElseThrow()).matches("LAST SEEN\\s+TYPE\\s+REASON\\s+OBJECT\\s+MESSAGE");
        assertThat(kubectl("get", "deployments", "-A").lines().findFirst().orElseThrow())
                .matches("NAMESPACE\\s+NAME\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+AGE");
        assertThat(kubectl("get", "rs", "-A").lines().findFirst().orElseThrow())
                .matches("NAMESPACE\\s+NAME\\s+DESIRED\\s+CURRENT\\s+READY\\s+AGE");
    }

    @Test
    void setImageRolloutRestartPatchAndServerDryRunChangeTheDeployment() throws Exception {
        assumeKubectlDoesServerDryRunWithoutOpenApi();
        apply("apiVersion: v1\nkind: Namespace\nmetadata: {name: fixes}\n---\napiVersion: apps/v1\nkind: Deployment\n"
                + "metadata: {name: ui, namespace: fixes}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: ui}}\n  template:\n"
                + "    metadata: {labels: {app: ui}}\n    spec:\n      containers: [{name: ui, image: \"repo/ui:1\"}]\n");
        kubectl("-n", "fixes", "set", "image", "deployment/ui", "ui=repo/ui:2");
        kubectl("-n", "fixes", "rollout", "restart", "deployment/ui");
        kubectl("-n", "fixes", "patch", "deployment", "ui", "-p", "{\"spec\":{\"template\":{\"spec\":{\"imagePullSecrets\":[{\"name\":\"ecr\"}]}}}}");
        assertThat(kubectl("-n", "fixes", "set", "image", "deployment/ui", "ui=repo/ui:3", "--dry-run=server", "-o",
                "jsonpath={.spec.template.spec.containers[0].image}")).isEqualTo("repo/ui:3");
        JsonNode d = Json.MAPPER.readTree(kubectl("-n", "fixes", "get", "deployment", "ui", "-o", "json"));
        assertThat(d.path("spec").path("template").path("spec").path("containers").get(0).path("image").asText()).isEqualTo("repo/ui:2");
        assertThat(d.path("spec").path("template").path("spec").path("imagePullSecrets").get(0).path("name").asText()).isEqualTo("ecr");
        assertThat(d.path("spec").path("template").path("metadata").path("annotations").has("kubectl.kubernetes.io/restartedAt")).isTrue();
        assertThat(d.path("metadata").path("generation").asInt()).isEqualTo(4);
    }

    @Test
    void deleteRemovesAndServerDryRunKeeps() throws Exception {
        assumeKubectlDoesServerDryRunWithoutOpenApi();
        apply("apiVersion: v1\nkind: Namespace\nmetadata: {name: deletes}\n---\napiVersion: v1\nkind: ConfigMap\n"
                + "metadata: {name: a, namespace: deletes}\ndata: {k: v}\n");
        assertThat(kubectl("-n", "deletes", "delete", "configmap", "a", "--dry-run=server")).contains("(server dry run)");
        assertThat(kubectl("-n", "deletes", "get", "configmap", "a", "-o", "name")).isEqualTo("configmap/a\n");
        kubectl("-n", "deletes", "delete", "configmap", "a");
        Process p = builder("-n", "deletes", "get", "configmap", "a").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(out).contains("Error from server (NotFound): configmaps \"a\" not found");
    }

    @Test
    void getWatchPrintsALineWhenAPodChanges() throws Exception {
        apply("apiVersion: v1\nkind: Namespace\nmetadata: {name: watched}\n---\napiVersion: v1\nkind: Pod\n"
                + "metadata: {name: w, namespace: watched}\nspec:\n  containers: [{name: w, image: nginx}]\n");
        Process p = builder("-n", "watched", "get", "pods", "-w").start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    lines.add(l);
                }
            } catch (IOException e) {
                // process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(lines.poll(20, TimeUnit.SECONDS)).startsWith("NAME");
            assertThat(lines.poll(10, TimeUnit.SECONDS)).contains("Pending");
            server.store().patchDirect(ResourceTypes.PODS, "watched", "w", Patches.Type.MERGE, Json.MAPPER.readTree(
                    "{\"status\":{\"phase\":\"Pending\",\"containerStatuses\":[{\"name\":\"w\",\"ready\":false,\"restartCount\":0,"
                            + "\"state\":{\"waiting\":{\"reason\":\"ErrImagePull\"}}}]}}"));
            assertThat(lines.poll(10, TimeUnit.SECONDS)).containsPattern("w\\s+0/1\\s+ErrImagePull");
        } finally {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void typedGeneratorsForPullSecretsWorkThroughTheirProtobufBodies() throws Exception {
        kubectl("create", "namespace", "pullsecrets");
        kubectl("-n", "pullsecrets", "create", "secret", "docker-registry", "regcred", "--docker-server=111122223333.dkr.ecr.us-west-2.amazonaws.com",
                "--docker-username=AWS", "--docker-password=not-a-real-token");
        kubectl("-n", "pullsecrets", "create", "serviceaccount", "puller");
        kubectl("-n", "pullsecrets", "patch", "serviceaccount", "puller", "-p", "{\"imagePullSecrets\":[{\"name\":\"regcred\"}]}");
        JsonNode secret = Json.MAPPER.readTree(kubectl("-n", "pullsecrets", "get", "secret", "regcred", "-o", "json"));
        assertThat(secret.path("type").asText()).isEqualTo("kubernetes.io/dockerconfigjson");
        String config = new String(java.util.Base64.getDecoder().decode(secret.path("data").path(".dockerconfigjson").asText()),
                StandardCharsets.UTF_8);
        assertThat(config).contains("111122223333.dkr.ecr.us-west-2.amazonaws.com").contains("\"username\":\"AWS\"");
        assertThat(kubectl("-n", "pullsecrets", "get", "serviceaccount", "puller", "-o", "jsonpath={.imagePullSecrets[0].name}"))
                .isEqualTo("regcred");
        assertThat(kubectl("get", "secrets", "-n", "pullsecrets").lines().findFirst().orElseThrow()).matches("NAME\\s+TYPE\\s+DATA\\s+AGE");
    }

    @Test
    void eventsK8sIoV1IsServedAsAViewOfTheCoreEvents() throws Exception {
        JsonNode list = Json.MAPPER.readTree(kubectl("get", "events.v1.events.k8s.io", "-o", "json"));
        assertThat(list.path("items").findValuesAsText("note")).anyMatch(n -> n.contains("403 Forbidden"));
    }

    @Test
    void logsOfAPodThatCannotPullAnswerTheRealServersError() throws Exception {
        Process p = builder("logs", "ui-private-7655bf59b9-jprrj").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(out).contains("is waiting to start: trying and failing to pull image");
    }
}
