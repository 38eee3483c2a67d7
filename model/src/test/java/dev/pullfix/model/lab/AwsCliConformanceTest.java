package dev.pullfix.model.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.ExternalTools;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI (botocore: another implementation of AWS's wire formats than the Java SDK) against the practice lab's
 * AWS endpoint, for every call Pullfix serves there, with outputs and error shapes asserted. Works with whichever
 * {@code aws} is on PATH (v1 honours AWS_ENDPOINT_URL, Debian's v2.9 does not: {@code --endpoint-url} is always
 * passed). The commands run in one Python process through the CLI's own driver ({@code src/test/python/
 * awscli_batch.py}, with the interpreter of that {@code aws}), signed with the lab profile's credentials.
 */
class AwsCliConformanceTest {
    static final String ROLE = "eksctl-eks-workshop-nodegroup-defa-NodeInstanceRole-Fa4f8r6uT7UD";
    static final String READ_ONLY = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly";
    static final String PULL_ONLY = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly";
    static final String REPO = "retail-sample-app-ui";
    static final String DKR_ENDPOINT = "vpce-0a1b2c3d4e5f6a7b8";
    private static final ObjectMapper M = new ObjectMapper();

    @TempDir
    static Path dir;
    static LabSession lab;
    static Map<String, JsonNode> results = new HashMap<>();

    /** One CLI command, by name: its arguments without "aws" and the global options. */
    record Cmd(String name, List<String> args) {
    }

    static final List<Cmd> COMMANDS = List.of(
            new Cmd("whoami", List.of("sts", "get-caller-identity")),
            new Cmd("repos", List.of("ecr", "describe-repositories")),
            new Cmd("repoMissing", List.of("ecr", "describe-repositories", "--repository-names", "no-such-repo")),
            new Cmd("images", List.of("ecr", "describe-images", "--repository-name", REPO)),
            new Cmd("imageMissing", List.of("ecr", "describe-images", "--repository-name", REPO, "--image-ids", "imageTag=9.9.9")),
            new Cmd("list", List.of("ecr", "list-images", "--repository-name", REPO)),
            new Cmd("policyNone", List.of("ecr", "get-repository-policy", "--repository-name", REPO)),
            new Cmd("policySet", List.of("ecr", "set-repository-policy", "--repository-name", REPO, "--policy-text",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NodesPull\",\"Effect\":\"Allow\",\"Principal\":"
                            + "{\"AWS\":\"arn:aws:iam::682844965773:role/" + ROLE + "\"},\"Action\":[\"ecr:BatchGetImage\"]}]}")),
            new Cmd("policyGet", List.of("ecr", "get-repository-policy", "--repository-name", REPO)),
            new Cmd("token", List.of("ecr", "get-authorization-token")),
            new Cmd("role", List.of("iam", "get-role", "--role-name", ROLE)),
            new Cmd("roleMissing", List.of("iam", "get-role", "--role-name", "no-such-role")),
            new Cmd("attached", List.of("iam", "list-attached-role-policies", "--role-name", ROLE)),
            new Cmd("policy", List.of("iam", "get-policy", "--policy-arn", READ_ONLY)),
            new Cmd("policyVersion", List.of("iam", "get-policy-version", "--policy-arn", READ_ONLY, "--version-id", "v3")),
            new Cmd("attach", List.of("iam", "attach-role-policy", "--role-name", ROLE, "--policy-arn", PULL_ONLY)),
            new Cmd("attachedAfterAttach", List.of("iam", "list-attached-role-policies", "--role-name", ROLE)),
            new Cmd("detach", List.of("iam", "detach-role-policy", "--role-name", ROLE, "--policy-arn", PULL_ONLY)),
            new Cmd("attachedAfterDetach", List.of("iam", "list-attached-role-policies", "--role-name", ROLE)),
            new Cmd("instances", List.of("ec2", "describe-instances", "--instance-ids", "i-0e1f2a3b4c5d6e7f8")),
            new Cmd("instanceMissing", List.of("ec2", "describe-instances", "--instance-ids", "i-00000000000000000")),
            new Cmd("endpoints", List.of("ec2", "describe-vpc-endpoints")),
            new Cmd("endpointsDkr", List.of("ec2", "describe-vpc-endpoints", "--filters",
                    "Name=service-name,Values=com.amazonaws.us-west-2.ecr.dkr")),
            new Cmd("modifyEndpoint", List.of("ec2", "modify-vpc-endpoint", "--vpc-endpoint-id", DKR_ENDPOINT,
                    "--policy-document", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowAll\",\"Effect\":\"Allow\","
                            + "\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}")),
            new Cmd("endpointsAfterModify", List.of("ec2", "describe-vpc-endpoints", "--vpc-endpoint-ids", DKR_ENDPOINT)),
            new Cmd("modifyMissing", List.of("ec2", "modify-vpc-endpoint", "--vpc-endpoint-id", "vpce-00000000000000000",
                    "--reset-policy")),
            new Cmd("cluster", List.of("eks", "describe-cluster", "--name", "eks-workshop")),
            new Cmd("clusterMissing", List.of("eks", "describe-cluster", "--name", "no-such-cluster")),
            new Cmd("nodegroup", List.of("eks", "describe-nodegroup", "--cluster-name", "eks-workshop", "--nodegroup-name",
                    "default")));

    @BeforeAll
    static void runTheCli() throws Exception {
        Path aws = ExternalTools.require("aws", "AWS CLI; Debian: apt-get install awscli");
        String python = AwsCli.interpreter(aws);
        lab = LabSession.start("S9", LabSession.Options.defaults().withSpeed(60).withDir(dir));
        String endpoint = lab.environment().get("AWS_ENDPOINT_URL");
        List<List<String>> argv = new ArrayList<>();
        for (Cmd c : COMMANDS) {
            List<String> a = new ArrayList<>(c.args());
            a.addAll(List.of("--endpoint-url", endpoint, "--region", "us-west-2", "--output", "json"));
            argv.add(a);
        }
        Path input = dir.resolve("commands.json");
        M.writeValue(input.toFile(), argv);
        Map<String, String> env = new HashMap<>(lab.environment());
        env.put("AWS_PAGER", "");
        env.put("AWS_MAX_ATTEMPTS", "1");
        ExternalTools.Result r = AwsCli.run(python, input, env);
        assertThat(r.exit()).as("awscli_batch.py: %s", r.errors()).isZero();
        System.out.print(r.errors());
        JsonNode all = M.readTree(r.output());
        for (int i = 0; i < COMMANDS.size(); i++) {
            results.put(COMMANDS.get(i).name(), all.get(i));
        }
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    static JsonNode ok(String name) throws Exception {
        JsonNode r = results.get(name);
        assertThat(r.get("rc").asInt()).as(name + ": " + r.get("stderr").asText()).isZero();
        String out = r.get("stdout").asText();
        return out.isBlank() ? M.createObjectNode() : M.readTree(out);
    }

    /**
     * A timestamp as the CLI prints it: ISO 8601 (v2's default) or the epoch seconds the JSON protocols carry
     * (v1's default {@code cli_timestamp_format = none}); either way the instant, in ISO form.
     */
    static String instant(JsonNode t) {
        if (t.isNumber()) {
            BigDecimal s = t.decimalValue();
            return Instant.ofEpochSecond(s.longValue(), s.remainder(BigDecimal.ONE).movePointRight(9).longValue()).toString();
        }
        return OffsetDateTime.parse(t.asText()).toInstant().toString();
    }

    /** The CLI's error line: "An error occurred (CODE) when calling the OP operation: message", and a failing exit. */
    static String error(String name, String code, String operation) {
        JsonNode r = results.get(name);
        assertThat(r.get("rc").asInt()).as(name + " fails").isNotZero();
        String err = r.get("stderr").asText();
        // v2 adds " (reached max retries: N)" before the colon
        assertThat(err).as(name).containsPattern("An error occurred \\(" + Pattern.quote(code) + "\\) when calling the "
                + operation + " operation( \\(reached max retries: \\d+\\))?: ");
        return err;
    }

    @Test
    void stsAndEcrReads() throws Exception {
        JsonNode me = ok("whoami");
        assertThat(me.path("Account").asText()).isEqualTo("682844965773");
        assertThat(me.path("Arn").asText()).startsWith("arn:aws:iam::682844965773:");

        JsonNode repo = ok("repos").path("repositories").path(0);
        assertThat(repo.path("repositoryName").asText()).isEqualTo(REPO);
        assertThat(repo.path("registryId").asText()).isEqualTo("682844965773");
        assertThat(repo.path("repositoryUri").asText()).isEqualTo("682844965773.dkr.ecr.us-west-2.amazonaws.com/" + REPO);
        assertThat(repo.path("repositoryArn").asText()).isEqualTo("arn:aws:ecr:us-west-2:682844965773:repository/" + REPO);
        assertThat(instant(repo.path("createdAt"))).isEqualTo("2024-10-11T13:58:40Z");
        assertThat(error("repoMissing", "RepositoryNotFoundException", "DescribeRepositories")).contains("no-such-repo");

        JsonNode image = ok("images").path("imageDetails").path(0);
        assertThat(image.path("imageDigest").asText())
                .isEqualTo("sha256:b338785abbf5a5d7e0f6ebeb8b8fc66e2ef08c05b2b48e5dfe89d03710eec2c1");
        assertThat(image.path("imageTags").path(0).asText()).isEqualTo("0.4.0");
        assertThat(image.path("imageSizeInBytes").asLong()).isEqualTo(268443135L);
        assertThat(instant(image.path("imagePushedAt"))).isEqualTo("2024-10-11T14:03:01.207Z");
        error("imageMissing", "ImageNotFoundException", "DescribeImages");

        JsonNode id = ok("list").path("imageIds").path(0);
        assertThat(id.path("imageTag").asText()).isEqualTo("0.4.0");
        assertThat(id.path("imageDigest").asText()).startsWith("sha256:b338785a");
    }

    @Test
    void ecrRepositoryPolicyAndAuthorizationToken() throws Exception {
        error("policyNone", "RepositoryPolicyNotFoundException", "GetRepositoryPolicy");
        JsonNode set = ok("policySet");
        assertThat(set.path("repositoryName").asText()).isEqualTo(REPO);
        assertThat(set.path("registryId").asText()).isEqualTo("682844965773");
        assertThat(M.readTree(set.path("policyText").asText()).path("Statement").path(0).path("Sid").asText())
                .isEqualTo("NodesPull");
        JsonNode got = ok("policyGet");
        assertThat(M.readTree(got.path("policyText").asText()).path("Statement").path(0).path("Action").path(0).asText())
                .isEqualTo("ecr:BatchGetImage");

        JsonNode auth = ok("token").path("authorizationData").path(0);
        String decoded = new String(Base64.getDecoder().decode(auth.path("authorizationToken").asText()),
                StandardCharsets.UTF_8);
        assertThat(decoded).startsWith("AWS:");
        assertThat(auth.path("proxyEndpoint").asText()).isEqualTo("https://682844965773.dkr.ecr.us-west-2.amazonaws.com");
        assertThat(Instant.parse(instant(auth.path("expiresAt")))).isAfter(Instant.now());
    }

    @Test
    void iamRolesPoliciesAndAttachments() throws Exception {
        JsonNode role = ok("role").path("Role");
        assertThat(role.path("RoleName").asText()).isEqualTo(ROLE);
        assertThat(role.path("Arn").asText()).isEqualTo("arn:aws:iam::682844965773:role/" + ROLE);
        // the CLI URL-decodes the trust policy and prints it as JSON: the lab must encode it as IAM does
        assertThat(role.path("AssumeRolePolicyDocument").path("Statement").path(0).path("Principal").path("Service")
                .asText()).isEqualTo("ec2.amazonaws.com");
        error("roleMissing", "NoSuchEntity", "GetRole");

        assertThat(ok("attached").path("AttachedPolicies").findValuesAsText("PolicyArn")).contains(READ_ONLY)
                .doesNotContain(PULL_ONLY).hasSize(4);
        JsonNode policy = ok("policy").path("Policy");
        assertThat(policy.path("PolicyName").asText()).isEqualTo("AmazonEC2ContainerRegistryReadOnly");
        assertThat(policy.path("DefaultVersionId").asText()).isEqualTo("v3");
        JsonNode doc = ok("policyVersion").path("PolicyVersion").path("Document");
        assertThat(doc.path("Statement").path(0).path("Action").toString()).contains("ecr:BatchGetImage");

        assertThat(ok("attach").isEmpty()).isTrue();
        assertThat(ok("attachedAfterAttach").path("AttachedPolicies").findValuesAsText("PolicyArn")).contains(PULL_ONLY)
                .hasSize(5);
        assertThat(ok("detach").isEmpty()).isTrue();
        assertThat(ok("attachedAfterDetach").path("AttachedPolicies").findValuesAsText("PolicyArn"))
                .doesNotContain(PULL_ONLY).hasSize(4);
    }

    @Test
    void ec2InstancesAndVpcEndpoints() throws Exception {
        JsonNode i = ok("instances").path("Reservations").path(0).path("Instances").path(0);
        assertThat(i.path("InstanceId").asText()).isEqualTo("i-0e1f2a3b4c5d6e7f8");
        assertThat(i.path("State").path("Name").asText()).isEqualTo("running");
        assertThat(i.path("PrivateDnsName").asText()).isEqualTo("ip-10-42-33-232.us-west-2.compute.internal");
        assertThat(i.path("VpcId").asText()).isEqualTo("vpc-0a1b2c3d4e5f60718");
        assertThat(i.path("IamInstanceProfile").path("Arn").asText())
                .isEqualTo("arn:aws:iam::682844965773:instance-profile/eks-a2c8f1b6-3d9e-4c51-9f0e-2b7d6e4a8c10");
        error("instanceMissing", "InvalidInstanceID.NotFound", "DescribeInstances");

        JsonNode all = ok("endpoints").path("VpcEndpoints");
        assertThat(all.findValuesAsText("VpcEndpointId")).containsExactlyInAnyOrder(DKR_ENDPOINT, "vpce-0b2c3d4e5f6a7b8c9",
                "vpce-0c3d4e5f6a7b8c9d0");
        JsonNode dkr = ok("endpointsDkr").path("VpcEndpoints");
        assertThat(dkr).hasSize(1);
        assertThat(dkr.path(0).path("VpcEndpointType").asText()).isEqualTo("Interface");
        assertThat(M.readTree(dkr.path(0).path("PolicyDocument").asText()).path("Statement").path(1).path("Sid").asText())
                .isEqualTo("DenyImagePulls");
        assertThat(ok("modifyEndpoint").path("Return").asBoolean()).isTrue();
        JsonNode after = ok("endpointsAfterModify").path("VpcEndpoints").path(0);
        assertThat(M.readTree(after.path("PolicyDocument").asText()).path("Statement")).hasSize(1);
        error("modifyMissing", "InvalidVpcEndpointId.NotFound", "ModifyVpcEndpoint");
    }

    @Test
    void eksClusterAndNodegroup() throws Exception {
        JsonNode c = ok("cluster").path("cluster");
        assertThat(c.path("name").asText()).isEqualTo("eks-workshop");
        assertThat(c.path("version").asText()).isEqualTo("1.30");
        assertThat(c.path("resourcesVpcConfig").path("vpcId").asText()).isEqualTo("vpc-0a1b2c3d4e5f60718");
        assertThat(c.path("arn").asText()).isEqualTo("arn:aws:eks:us-west-2:682844965773:cluster/eks-workshop");
        error("clusterMissing", "ResourceNotFoundException", "DescribeCluster");
        JsonNode ng = ok("nodegroup").path("nodegroup");
        assertThat(ng.path("nodegroupName").asText()).isEqualTo("default");
        assertThat(ng.path("nodeRole").asText()).isEqualTo("arn:aws:iam::682844965773:role/" + ROLE);
    }

    /** Finds the CLI's Python and runs the batch driver with it. */
    static final class AwsCli {
        private AwsCli() {
        }

        /** The interpreter of the aws script on PATH (through a pyenv shim when there is one). */
        static String interpreter(Path aws) throws Exception {
            Path script = aws.toRealPath();
            String text = Files.readString(script, StandardCharsets.ISO_8859_1);
            if (text.contains("pyenv")) {
                ExternalTools.Result which = ExternalTools.run(List.of("pyenv", "which", "aws"), Path.of("."), Map.of(), 60);
                script = Path.of(which.output().trim());
                text = Files.readString(script, StandardCharsets.ISO_8859_1);
            }
            String first = text.lines().findFirst().orElse("");
            assertThat(first).as("%s starts with a python shebang", script).startsWith("#!").contains("python");
            String[] parts = first.substring(2).trim().split("\\s+");
            return parts[0].endsWith("/env") ? parts[1] : parts[0];
        }

        static ExternalTools.Result run(String python, Path input, Map<String, String> env) throws Exception {
            List<String> cmd = List.of(python, Path.of("src/test/python/awscli_batch.py").toAbsolutePath().toString(),
                    input.toString());
            return ExternalTools.runClean(cmd, env, 300);
        }
    }
}
