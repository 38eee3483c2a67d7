package dev.pullfix.model.lab;

import dev.pullfix.model.lab.world.Scenario;
import dev.pullfix.model.lab.world.LabWorld;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulated kubelet's pull words failures exactly as the seed documents quote containerd. */
class PullDeciderTest {
    static final String NODE = "ip-10-42-33-232.us-west-2.compute.internal";

    @Test
    void missingDockerHubTagReadsAsSeed001() {
        PullDecider d = new PullDecider(new LabWorld(Scenario.find("S2").orElseThrow()));
        assertThat(d.pull("nginx:foo", NODE, Map.of()).message()).isEqualTo("Failed to pull image \"nginx:foo\": rpc error: "
                + "code = NotFound desc = failed to pull and unpack image \"docker.io/library/nginx:foo\": failed to resolve "
                + "reference \"docker.io/library/nginx:foo\": docker.io/library/nginx:foo: not found");
    }

    @Test
    void missingDockerHubRepositoryReadsAsSeed001() {
        PullDecider d = new PullDecider(new LabWorld(Scenario.find("S3").orElseThrow()));
        assertThat(d.pull("nginxx", NODE, Map.of()).message()).isEqualTo("Failed to pull image \"nginxx\": rpc error: code = "
                + "Unknown desc = failed to pull and unpack image \"docker.io/library/nginxx:latest\": failed to resolve reference "
                + "\"docker.io/library/nginxx:latest\": pull access denied, repository does not exist or may require "
                + "authorization: server message: insufficient_scope: authorization failed");
    }

    @Test
    void repositoryPolicyDenyIs403UntilThePolicyAllows() {
        Scenario s1 = Scenario.find("S1").orElseThrow();
        LabWorld world = new LabWorld(s1);
        PullDecider d = new PullDecider(world);
        String image = "682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0";
        assertThat(d.pull(image, NODE, Map.of()).message()).endsWith(
                "unexpected status from HEAD request to https://682844965773.dkr.ecr.us-west-2.amazonaws.com/v2/retail-sample-app-ui/manifests/0.4.0: 403 Forbidden");
        world.setRepositoryPolicy("retail-sample-app-ui", world.repository("retail-sample-app-ui").orElseThrow()
                .path("policy").asText().replace("\"Deny\"", "\"Allow\""));
        PullDecider.Pull ok = d.pull(image, NODE, Map.of());
        assertThat(ok.ok()).isTrue();
        assertThat(ok.digest()).isEqualTo("sha256:b338785abbf5a5d7e0f6ebeb8b8fc66e2ef08c05b2b48e5dfe89d03710eec2c1");
    }

    @Test
    void rateBudgetUsedUpGives429AndCredentialsBypassIt() {
        PullDecider d = new PullDecider(new LabWorld(Scenario.find("S6").orElseThrow()));
        assertThat(d.pull("httpd:latest", NODE, Map.of()).message()).contains("429 Too Many Requests")
                .contains("toomanyrequests: You have reached your pull rate limit.");
        assertThat(d.pull("httpd:latest", NODE, Map.of("docker.io", "lab-hub-user:lab-hub-token")).ok()).isTrue();
    }
}
