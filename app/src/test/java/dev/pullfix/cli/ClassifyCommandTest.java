package dev.pullfix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The {@code classify} contract used by the acceptance checks. */
class ClassifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ECR_403_ROW = "  Warning  Failed     3m53s (x4 over 5m14s)  kubelet            Failed to "
            + "pull image \"682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0\": failed to pull "
            + "and unpack image \"682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0\": failed to "
            + "resolve reference \"682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0\": "
            + "unexpected status from HEAD request to https://682844965773.dkr.ecr.us-west-2.amazonaws.com/v2/"
            + "retail-sample-app-ui/manifests/0.4.0: 403 Forbidden";
    private static final String TAG_NOT_FOUND = "Failed to pull image \"nginx:foo\": rpc error: code = NotFound desc = "
            + "failed to pull and unpack image \"docker.io/library/nginx:foo\": failed to resolve reference "
            + "\"docker.io/library/nginx:foo\": docker.io/library/nginx:foo: not found";
    private static final String QPS = "Failed to pull image \"a.b.c/image-0.1\": pull QPS exceeded";

    @Test
    void printsOneJsonObjectPerNonBlankLineWithTheContractFields() throws Exception {
        CliRun run = CliRun.classify(ECR_403_ROW + "\n\n   \n" + TAG_NOT_FOUND + "\n" + QPS + "\n", "--json");
        assertThat(run.exitCode()).isZero();
        String[] lines = run.outLines();
        assertThat(lines).hasSize(3);

        JsonNode ecr = JSON.readTree(lines[0]);
        assertThat(ecr.get("category").asText()).isEqualTo("FORBIDDEN_POLICY");
        assertThat(ecr.get("registry").asText()).isEqualTo("682844965773.dkr.ecr.us-west-2.amazonaws.com");
        assertThat(ecr.get("repository").asText()).isEqualTo("retail-sample-app-ui");
        assertThat(ecr.get("tag").asText()).isEqualTo("0.4.0");
        assertThat(ecr.get("httpStatus").isNumber()).isTrue();
        assertThat(ecr.get("httpStatus").asInt()).isEqualTo(403);
        assertThat(ecr.get("ecrRepositoryArn").asText())
                .isEqualTo("arn:aws:ecr:us-west-2:682844965773:repository/retail-sample-app-ui");
        assertThat(ecr.get("summary").asText()).contains("403").doesNotContain("\n");
        assertThat(ecr.get("event").get("count").asInt()).isEqualTo(4);

        JsonNode tag = JSON.readTree(lines[1]);
        assertThat(tag.get("category").asText()).isEqualTo("TAG_NOT_FOUND");
        assertThat(tag.get("registry").asText()).isEqualTo("docker.io");
        assertThat(tag.get("repository").asText()).isEqualTo("library/nginx");
        assertThat(tag.get("tag").asText()).isEqualTo("foo");
        assertThat(tag.get("httpStatus").isNull()).isTrue();

        JsonNode qps = JSON.readTree(lines[2]);
        assertThat(qps.get("category").asText()).isEqualTo("RATE_LIMITED");
        assertThat(qps.get("summary").asText()).contains("local");
    }

    @Test
    void everyJsonLineHasTheRequiredKeysEvenWhenNothingIsKnown() throws Exception {
        CliRun run = CliRun.classify("something nobody has seen before\n", "--json");
        JsonNode o = JSON.readTree(run.outLines()[0]);
        assertThat(o.get("category").asText()).isEqualTo("OTHER");
        for (String key : new String[] {"registry", "repository", "tag", "httpStatus", "summary"}) {
            assertThat(o.has(key)).as(key).isTrue();
        }
        assertThat(o.get("httpStatus").isNull()).isTrue();
        assertThat(o.get("summary").asText()).isNotBlank();
    }

    @Test
    void malformedLinesNeverStopTheRun() {
        String weird = "\u0000\u0007 \"\"\" \\\\\\ Failed to pull image \"\": rpc error: code = \n"
                + "Failed to pull image \"UPPER/Case::bad@@\": invalid reference format\n"
                + "E0101 00:00:00.000000 1 x.go:1] \"unterminated err=\"abc\n" + TAG_NOT_FOUND + "\n";
        CliRun run = CliRun.classify(weird, "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).hasSize(4);
        assertThat(run.outLines()[1]).contains("\"category\":\"INVALID_IMAGE_NAME\"");
        assertThat(run.outLines()[3]).contains("\"category\":\"TAG_NOT_FOUND\"");
    }

    @Test
    void printsCategoryAndSummaryAsPlainText() {
        CliRun run = CliRun.classify(TAG_NOT_FOUND + "\n");
        assertThat(run.out().strip())
                .isEqualTo("TAG_NOT_FOUND: The tag or digest foo of library/nginx was not found on docker.io.");
    }

    @Test
    void speaksJapaneseWithLangJa() throws Exception {
        CliRun run = CliRun.classify(TAG_NOT_FOUND + "\n", "--json", "--lang", "ja");
        JsonNode o = JSON.readTree(run.outLines()[0]);
        assertThat(o.get("summary").asText()).contains("見つかりませんでした");
        assertThat(o.get("categoryName").asText()).isEqualTo("タグが存在しない");
    }

    @Test
    void anUnknownLanguageIsAUsageError() {
        CliRun run = CliRun.classify(TAG_NOT_FOUND + "\n", "--lang", "fr");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("--lang");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void emptyInputPrintsNothing() {
        CliRun run = CliRun.classify("\n\n", "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void podModeGivesOneVerdictFromTheMostSpecificEventOfAPastedTable() throws Exception {
        String table = String.join("\n",
                "Events:",
                "  Type     Reason     Age                    From               Message",
                "  ----     ------     ----                   ----               -------",
                "  Normal   Pulling    3m53s (x4 over 5m15s)  kubelet            Pulling image \"682844965773.dkr.ecr"
                        + ".us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0\"",
                ECR_403_ROW,
                "  Warning  Failed     3m53s (x4 over 5m14s)  kubelet            Error: ErrImagePull",
                "  Warning  Failed     3m27s (x6 over 5m14s)  kubelet            Error: ImagePullBackOff",
                "");
        CliRun run = CliRun.classify(table, "--pod", "--reason", "ImagePullBackOff", "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).hasSize(1);
        JsonNode o = JSON.readTree(run.outLines()[0]);
        assertThat(o.get("category").asText()).isEqualTo("FORBIDDEN_POLICY");
        assertThat(o.get("event").get("reason").asText()).isEqualTo("Failed");
    }

    @Test
    void helpDescribesTheCommandThroughMain() {
        CliRun run = CliRun.main("classify", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--json").contains("--lang").contains("--pod");
    }
}
