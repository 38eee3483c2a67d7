package dev.pullfix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PolicyCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;
    private Locale oldLocale;

    @TempDir
    Path tmp;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        oldLocale = Locale.getDefault();
        Locale.setDefault(Locale.ROOT);
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        Locale.setDefault(oldLocale);
    }

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(PolicyCommandTest.class.getResource("/policy/" + name).toURI()).toString();
    }

    private int run(String... args) {
        return Main.commandLine(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
                new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8)).execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void evalOfTheSeedCaseSaysExplicitDenyAndNamesTheStatement() throws Exception {
        int code = run("policy", "eval", fixture("seed-000-case.json"));

        assertThat(code).isZero();
        assertThat(stdout()).startsWith("EXPLICIT_DENY").contains("new policy", "[resource]");
    }

    @Test
    void evalJsonHasDecisionAndStatementsWithPolicySidIndexEffectReason() throws Exception {
        int code = run("policy", "eval", fixture("seed-000-case.json"), "--json");

        assertThat(code).isZero();
        JsonNode j = new ObjectMapper().readTree(stdout());
        assertThat(j.get("decision").asText()).isEqualTo("EXPLICIT_DENY");
        JsonNode s = j.get("statements").get(0);
        assertThat(s.get("policy").asText()).isEqualTo("resource");
        assertThat(s.get("sid").asText()).isEqualTo("new policy");
        assertThat(s.get("index").asInt()).isZero();
        assertThat(s.get("effect").asText()).isEqualTo("Deny");
        assertThat(s.get("reason").asText()).contains("ecr:BatchGetImage");
    }

    @Test
    void evalTraceListsEveryStatementWithWhetherItApplies() throws Exception {
        assertThat(run("policy", "eval", fixture("seed-000-case.json"), "--json", "--trace")).isZero();

        JsonNode t = new ObjectMapper().readTree(stdout()).get("trace");
        assertThat(t).hasSize(2);
        assertThat(t.get(0).get("policyKind").asText()).isEqualTo("identity");
        assertThat(t.get(0).get("applies").asText()).isEqualTo("YES");
        assertThat(t.get(1).get("statement").asText()).isEqualTo("new policy");
        assertThat(t.get(1).get("applies").asText()).isEqualTo("YES");
    }

    @Test
    void evalAfterTheFlipAllows() throws Exception {
        assertThat(run("policy", "eval", fixture("seed-000-flipped-case.json"), "--json")).isZero();

        JsonNode j = new ObjectMapper().readTree(stdout());
        assertThat(j.get("decision").asText()).isEqualTo("ALLOW");
        assertThat(j.get("statements")).anySatisfy(s -> {
            assertThat(s.get("policy").asText()).isEqualTo("arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly");
            assertThat(s.get("policyKind").asText()).isEqualTo("identity");
        });
        assertThat(j.get("statements")).anySatisfy(s -> assertThat(s.get("sid").asText()).isEqualTo("new policy"));
    }

    @Test
    void evalPrintsUnknownWithAReason() throws IOException {
        Path c = tmp.resolve("unknown.json");
        Files.writeString(c, """
                {"principalArn":"arn:aws:sts::111122223333:assumed-role/node/i-1","action":"ecr:BatchGetImage",
                 "resourceArn":"arn:aws:ecr:us-west-2:111122223333:repository/app",
                 "identityPolicies":[{"Version":"2012-10-17","Statement":[{"Sid":"Odd","Effect":"Allow","Action":"ecr:*",
                   "Resource":"*","Condition":{"StringMatchesRegex":{"aws:PrincipalTag/x":"y"}}}]}],
                 "someFutureField": 1}""");

        assertThat(run("policy", "eval", c.toString(), "--json")).isZero();
        JsonNode j = new ObjectMapper().readTree(stdout());
        assertThat(j.get("decision").asText()).isEqualTo("UNKNOWN");
        assertThat(j.get("reason").asText()).contains("Odd", "StringMatchesRegex");
        assertThat(j.get("statements").get(0).get("reason").asText()).contains("StringMatchesRegex");
    }

    @Test
    void evalOfABadCaseIsOneLineOnStderrAndExit2() throws IOException {
        Path c = tmp.resolve("bad.json");
        Files.writeString(c, "{\"principalArn\":\"arn:aws:iam::1:role/x\",\"action\":\"ecr:BatchGetImage\","
                + "\"resourcePolicy\":{\"Statement\":[{\"Effect\":\"Alow\",\"Action\":\"*\"}]}}");

        assertThat(run("policy", "eval", c.toString())).isEqualTo(2);
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e.strip()).doesNotContain("\n").contains("resourcePolicy").contains("Effect");
        assertThat(e).doesNotContain("Exception");
    }

    @Test
    void evalRejectsAPrincipalThatIsNotAnArn() throws IOException {
        Path c = tmp.resolve("who.json");
        Files.writeString(c, "{\"principalArn\":\"node-role\",\"action\":\"ecr:BatchGetImage\"}");

        assertThat(run("policy", "eval", c.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("principalArn must be an ARN");
    }

    @Test
    void evalOfAMissingFileExits2() {
        assertThat(run("policy", "eval", tmp.resolve("nope.json").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
    }

    @Test
    void lintOfTheFlippedSeedPolicyWarnsAboutWriteGrantsAndExits0() throws Exception {
        assertThat(run("policy", "lint", fixture("seed-000-flipped-policy.json"))).isZero();

        assertThat(stdout()).contains("lint.writeGrant", "ecr:DeleteRepository");
    }

    @Test
    void lintReadsTheGetRepositoryPolicyOutputAsAResourcePolicy() throws Exception {
        assertThat(run("policy", "lint", fixture("seed-000-get-repository-policy.json"), "--json")).isZero();

        JsonNode j = new ObjectMapper().readTree(stdout());
        assertThat(j.get("policyType").asText()).isEqualTo("resource");
        assertThat(j.get("errors")).isEmpty();
    }

    @Test
    void lintOfInvalidJsonExits1WithLineAndColumn() throws IOException {
        Path f = tmp.resolve("bad-policy.json");
        Files.writeString(f, "{\"Version\":\"2012-10-17\",\n \"Statement\": [ {\"Effect\":\"Allow\" \"Action\":\"x\"} ]}");

        assertThat(run("policy", "lint", f.toString(), "--json")).isEqualTo(1);
        JsonNode e = new ObjectMapper().readTree(stdout()).get("errors").get(0);
        assertThat(e.get("code").asText()).isEqualTo("lint.invalidJson");
        assertThat(e.get("line").asInt()).isEqualTo(2);
        assertThat(e.get("column").asInt()).isEqualTo(35);
    }

    @Test
    void lintOfAMissingFileExits2() {
        assertThat(run("policy", "lint", tmp.resolve("nope.json").toString())).isEqualTo(2);
    }

    @Test
    void diffOfTheSeedFlipNamesTheEffectChangeAndExits1() throws Exception {
        int code = run("policy", "diff", fixture("seed-000-get-repository-policy.json"), fixture("seed-000-flipped-policy.json"));

        assertThat(code).isEqualTo(1);
        assertThat(stdout()).contains("statement `new policy`: Effect Deny → Allow", "+    \"Effect\" : \"Allow\",");
    }

    @Test
    void proposeForTheSeedRemovesOnlyThePullActionsFromTheDeny() throws Exception {
        int code = run("policy", "propose", fixture("seed-000-get-repository-policy.json"), "--json",
                "--role", "arn:aws:iam::682844965773:role/eksctl-eks-workshop-nodegroup-defa-NodeInstanceRole-Fa4f8r6uT7UD",
                "--repository", "arn:aws:ecr:us-west-2:682844965773:repository/retail-sample-app-ui");

        assertThat(code).isZero();
        JsonNode j = new ObjectMapper().readTree(stdout());
        assertThat(j.get("resolves").asBoolean()).isTrue();
        String proposed = j.get("proposedPolicy").asText();
        assertThat(proposed).contains("\"Deny\"", "ecr:PutImage").doesNotContain("ecr:BatchGetImage");
        assertThat(j.get("notes").get(0).get("code").asText()).isEqualTo("fix.removedPullFromDeny");
    }

    @Test
    void proposeWithABadRepositoryArnExits2() throws Exception {
        assertThat(run("policy", "propose", fixture("seed-000-flipped-policy.json"), "--role",
                "arn:aws:iam::1:role/x", "--repository", "retail-sample-app-ui")).isEqualTo(2);
    }

    @Test
    void policyWithoutSubcommandShowsUsageAndExits2() {
        assertThat(run("policy")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("eval", "lint");
    }

    @Test
    void japaneseLocalePrintsJapaneseLintMessages() throws Exception {
        Locale.setDefault(Locale.JAPANESE);
        assertThat(run("policy", "lint", fixture("seed-000-flipped-policy.json"))).isZero();

        assertThat(stdout()).contains("書き込み");
    }
}
