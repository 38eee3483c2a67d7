package dev.pullfix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The {@code image} contract. */
class ImageCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void normalisesADockerHubShortName() throws Exception {
        CliRun run = CliRun.main("image", "nginx", "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode o = JSON.readTree(run.out());
        assertThat(o.get("reference").asText()).isEqualTo("docker.io/library/nginx:latest");
        assertThat(o.get("familiar").asText()).isEqualTo("nginx:latest");
        assertThat(o.get("kind").asText()).isEqualTo("DOCKER_HUB");
        assertThat(o.get("tagDefaulted").asBoolean()).isTrue();
        assertThat(o.get("ecrRepositoryArn").isNull()).isTrue();
    }

    @Test
    void givesTheEcrFactsAndArn() throws Exception {
        CliRun run = CliRun.main("image", "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/team/app:1.0", "--json");
        JsonNode o = JSON.readTree(run.out());
        assertThat(o.get("kind").asText()).isEqualTo("ECR_PRIVATE");
        assertThat(o.get("account").asText()).isEqualTo("123456789012");
        assertThat(o.get("region").asText()).isEqualTo("cn-north-1");
        assertThat(o.get("partition").asText()).isEqualTo("aws-cn");
        assertThat(o.get("repository").asText()).isEqualTo("team/app");
        assertThat(o.get("ecrRepositoryArn").asText())
                .isEqualTo("arn:aws-cn:ecr:cn-north-1:123456789012:repository/team/app");
    }

    @Test
    void printsReadableLinesWithoutJson() {
        CliRun run = CliRun.main("image", "682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("kind:             ECR_PRIVATE")
                .contains("ecrRepositoryArn: arn:aws:ecr:us-west-2:682844965773:repository/retail-sample-app-ui");
    }

    @Test
    void aMalformedReferenceIsInvalidImageNameOnOneLineWithExitStatus2() {
        CliRun run = CliRun.main("image", "Nginx:Latest");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).startsWith("InvalidImageName: ").contains("lowercase").doesNotContain("\n");
    }

    @Test
    void aMissingReferenceIsAUsageError() {
        CliRun run = CliRun.main("image");
        assertThat(run.exitCode()).isEqualTo(2);
    }
}
