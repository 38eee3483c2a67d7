package dev.pullfix.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pullfix ecr check} in-process against WireMock answering seed 000 in ECR's JSON 1.1 and IAM's query/XML
 * wire formats. The endpoint reaches the SDK through the standard {@code aws.endpointUrl} system property (the
 * JVM twin of {@code AWS_ENDPOINT_URL}) or {@code --endpoint-url}.
 */
class EcrCommandTest {
    static final String IMAGE = "682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0";
    static final String ROLE = "arn:aws:iam::682844965773:role/eksctl-eks-workshop-nodegroup-defa-NodeInstanceRole-Fa4f8r6uT7UD";
    static final String POLICY_TEXT = "{\n  \"Version\" : \"2012-10-17\",\n  \"Statement\" : [ {\n    \"Sid\" : \"new policy\",\n"
            + "    \"Effect\" : \"Deny\",\n    \"Principal\" : {\n      \"AWS\" : \"" + ROLE + "\"\n    },\n    \"Action\" : [ "
            + "\"ecr:UploadLayerPart\", \"ecr:SetRepositoryPolicy\", \"ecr:PutImage\", \"ecr:ListImages\", "
            + "\"ecr:InitiateLayerUpload\", \"ecr:GetRepositoryPolicy\", \"ecr:GetDownloadUrlForLayer\", "
            + "\"ecr:DescribeRepositories\", \"ecr:DeleteRepositoryPolicy\", \"ecr:DeleteRepository\", "
            + "\"ecr:CompleteLayerUpload\", \"ecr:BatchGetImage\", \"ecr:BatchDeleteImage\", "
            + "\"ecr:BatchCheckLayerAvailability\" ]\n  } ]\n}";
    static final String READ_ONLY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":["
            + "\"ecr:GetAuthorizationToken\",\"ecr:BatchCheckLayerAvailability\",\"ecr:GetDownloadUrlForLayer\","
            + "\"ecr:GetRepositoryPolicy\",\"ecr:DescribeRepositories\",\"ecr:ListImages\",\"ecr:DescribeImages\","
            + "\"ecr:BatchGetImage\",\"ecr:GetLifecyclePolicy\",\"ecr:GetLifecyclePolicyPreview\","
            + "\"ecr:ListTagsForResource\",\"ecr:DescribeImageScanFindings\"],\"Resource\":\"*\"}]}";

    static WireMockServer wm;
    static Locale locale;
    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        wm = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        locale = Locale.getDefault();
        Locale.setDefault(Locale.ROOT);
    }

    @AfterAll
    static void stop() {
        wm.stop();
        Locale.setDefault(locale);
    }

    @BeforeEach
    void env() {
        wm.resetAll();
        System.setProperty("aws.accessKeyId", "AKIDLAB");
        System.setProperty("aws.secretAccessKey", "secret");
        System.setProperty("aws.configFile", home.resolve("config").toString());
        System.setProperty("aws.sharedCredentialsFile", home.resolve("credentials").toString());
        System.setProperty("aws.maxAttempts", "1");
    }

    @AfterEach
    void clear() {
        for (String p : new String[] {"aws.accessKeyId", "aws.secretAccessKey", "aws.configFile",
            "aws.sharedCredentialsFile", "aws.endpointUrl", "aws.maxAttempts"}) {
            System.clearProperty(p);
        }
    }

    static MappingBuilder ecr(String op) {
        return post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerRegistry_V20150921." + op));
    }

    static void ecrOk(String op, String json) {
        wm.stubFor(ecr(op).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(json)));
    }

    static void ecrError(String op, String type, String message) {
        wm.stubFor(ecr(op).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}")));
    }

    static void iam(String action, String bodyContains, String result) {
        wm.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=" + action + "&"))
                .withRequestBody(containing(bodyContains))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
                        "<" + action + "Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><" + action + "Result>"
                                + result + "</" + action + "Result><ResponseMetadata><RequestId>r1</RequestId>"
                                + "</ResponseMetadata></" + action + "Response>")));
    }

    static void stubSeed() {
        ecrOk("DescribeRepositories", "{\"repositories\":[{\"repositoryArn\":\"arn:aws:ecr:us-west-2:682844965773:repository/"
                + "retail-sample-app-ui\",\"registryId\":\"682844965773\",\"repositoryName\":\"retail-sample-app-ui\","
                + "\"repositoryUri\":\"682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui\","
                + "\"createdAt\":1.72865502E9,\"imageTagMutability\":\"MUTABLE\","
                + "\"encryptionConfiguration\":{\"encryptionType\":\"AES256\"}}]}");
        ecrOk("DescribePullThroughCacheRules", "{\"pullThroughCacheRules\":[]}");
        ecrOk("DescribeImages", "{\"imageDetails\":[{\"registryId\":\"682844965773\",\"repositoryName\":"
                + "\"retail-sample-app-ui\",\"imageDigest\":\"sha256:b338785abbf5a5d7e0f6ebeb8b8fc66e2ef08c05b2b48e5dfe89d03710eec2c1\","
                + "\"imageTags\":[\"0.4.0\"],\"imageSizeInBytes\":268443135,\"imagePushedAt\":1.728655381207E9,"
                + "\"imageManifestMediaType\":\"application/vnd.docker.distribution.manifest.v2+json\"}]}");
        ecrOk("GetRepositoryPolicy", "{\"registryId\":\"682844965773\",\"repositoryName\":\"retail-sample-app-ui\","
                + "\"policyText\":" + quote(POLICY_TEXT) + "}");
        String name = ROLE.substring(ROLE.lastIndexOf('/') + 1);
        iam("GetRole", "RoleName", "<Role><Path>/</Path><RoleName>" + name + "</RoleName><RoleId>AROAEXAMPLE</RoleId>"
                + "<Arn>" + ROLE + "</Arn><CreateDate>2024-10-11T13:40:02Z</CreateDate></Role>");
        iam("ListAttachedRolePolicies", "RoleName", "<AttachedPolicies><member><PolicyName>AmazonEC2ContainerRegistryReadOnly"
                + "</PolicyName><PolicyArn>arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly</PolicyArn></member>"
                + "</AttachedPolicies><IsTruncated>false</IsTruncated>");
        iam("ListRolePolicies", "RoleName", "<PolicyNames/><IsTruncated>false</IsTruncated>");
        iam("GetPolicy", "PolicyArn", "<Policy><PolicyName>AmazonEC2ContainerRegistryReadOnly</PolicyName>"
                + "<DefaultVersionId>v3</DefaultVersionId><Arn>arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly</Arn></Policy>");
        iam("GetPolicyVersion", "VersionId=v3", "<PolicyVersion><Document>"
                + URLEncoder.encode(READ_ONLY, StandardCharsets.UTF_8).replace("+", "%20")
                + "</Document><VersionId>v3</VersionId><IsDefaultVersion>true</IsDefaultVersion></PolicyVersion>");
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "ecr";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun r = CliRun.main(all);
        return new Run(r.exitCode(), r.out(), r.err());
    }

    @Test
    void seedScenarioJsonSaysTheNodeRoleCannotPullBecauseOfTheRepositoryPolicy() throws Exception {
        stubSeed();
        System.setProperty("aws.endpointUrl", "http://127.0.0.1:" + wm.port());
        Run r = run("check", IMAGE, "--role", ROLE, "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("repositoryExists").asBoolean()).isTrue();
        assertThat(j.get("imageExists").asBoolean()).isTrue();
        assertThat(j.get("repositoryPolicy").get("Statement").get(0).get("Effect").asText()).isEqualTo("Deny");
        assertThat(j.get("canPull").asText()).isEqualTo("no");
        assertThat(j.get("decidingStatements")).hasSize(1);
        JsonNode s = j.get("decidingStatements").get(0);
        assertThat(s.get("sid").asText()).isEqualTo("new policy");
        assertThat(s.get("kind").asText()).isEqualTo("resource");
        assertThat(s.get("effect").asText()).isEqualTo("DENY");
        assertThat(s.get("actions").toString()).contains("ecr:BatchGetImage");
        assertThat(j.get("region").asText()).isEqualTo("us-west-2");
        assertThat(j.get("regionSource").asText()).isEqualTo("resource");
        assertThat(j.get("managedPullPolicies").toString()).contains("AmazonEC2ContainerRegistryReadOnly");
    }

    @Test
    void withoutARoleCanPullIsNullAndTheTextShowsThePolicy() {
        stubSeed();
        Run r = run("check", IMAGE, "--endpoint-url", "http://127.0.0.1:" + wm.port());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Repository retail-sample-app-ui exists").contains("Repository policy:")
                .contains("\"Effect\" : \"Deny\"").doesNotContain("Can pull");
        Run j = run("check", IMAGE, "--endpoint-url", "http://127.0.0.1:" + wm.port(), "--json");
        assertThat(j.out()).contains("\"canPull\" : null").contains("\"decidingStatements\" : [ ]");
    }

    @Test
    void textOutputNamesTheDecidingStatement() {
        stubSeed();
        Run r = run("check", IMAGE, "--role", ROLE, "--endpoint-url", "http://127.0.0.1:" + wm.port());
        assertThat(r.out()).contains("Can pull: no").contains("statement new policy (DENY");
    }

    @Test
    void missingTagListsTheNearestTags() throws Exception {
        stubSeed();
        wm.stubFor(ecr("DescribeImages").withRequestBody(containing("imageIds")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody("{\"__type\":\"ImageNotFoundException\","
                        + "\"message\":\"The image with imageId {imageDigest:'null', imageTag:'0.4.1'} does not exist\"}")));
        Run r = run("check", IMAGE.replace("0.4.0", "0.4.1"), "--endpoint-url", "http://127.0.0.1:" + wm.port(), "--json");
        assertThat(r.exit()).as("the image asked about does not exist").isEqualTo(3);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("imageExists").asBoolean()).isFalse();
        assertThat(j.get("nearestTags").get(0).get("tag").asText()).isEqualTo("0.4.0");
    }

    @Test
    void expiredCredentialsAreOneLineOnStderrWithExit1() {
        ecrError("DescribeRepositories", "ExpiredTokenException", "The security token included in the request is expired");
        Run r = run("check", IMAGE, "--endpoint-url", "http://127.0.0.1:" + wm.port());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").contains("expired").doesNotContain("Exception");
    }

    @Test
    void unknownProfileIsOneLineWithExit2() {
        Run r = run("check", IMAGE, "--profile", "nope", "--endpoint-url", "http://127.0.0.1:" + wm.port());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).contains("nope").doesNotContain("\n");
    }

    @Test
    void badImageAndNonEcrImageAreUsageErrors() {
        Run bad = run("check", "Not A Ref");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).startsWith("pullfix ecr check: InvalidImageName");
        Run hub = run("check", "nginx:1.27");
        assertThat(hub.exit()).isEqualTo(2);
        assertThat(hub.err()).contains("not a private ECR image");
    }

    @Test
    void helpDescribesTheContract() {
        Run r = run("check", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--role").contains("--profile").contains("--region").contains("--json");
    }

    @Test
    void ecrWithoutSubcommandIsUsage() {
        assertThat(run().exit()).isEqualTo(2);
        assertThat(Map.of()).isEmpty();
    }

    @Test
    void clusterOptionChecksTheVpcEndpointsOfTheClustersVpc() throws Exception {
        stubSeed();
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/clusters/eks-workshop"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                        "{\"cluster\":{\"name\":\"eks-workshop\",\"status\":\"ACTIVE\",\"resourcesVpcConfig\":"
                                + "{\"vpcId\":\"vpc-0e5f\",\"subnetIds\":[],\"securityGroupIds\":[]}}}")));
        wm.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeVpcEndpoints&"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
                        "<DescribeVpcEndpointsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId>"
                                + "<vpcEndpointSet><item><vpcEndpointId>vpce-0dkr</vpcEndpointId><vpcEndpointType>Interface"
                                + "</vpcEndpointType><vpcId>vpc-0e5f</vpcId><serviceName>com.amazonaws.us-west-2.ecr.dkr"
                                + "</serviceName><state>available</state><privateDnsEnabled>true</privateDnsEnabled>"
                                + "</item></vpcEndpointSet></DescribeVpcEndpointsResponse>")));
        Run r = run("check", IMAGE, "--cluster", "eks-workshop", "--endpoint-url", "http://127.0.0.1:" + wm.port(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out()).get("network");
        assertThat(n.get("vpcId").asText()).isEqualTo("vpc-0e5f");
        assertThat(n.get("findings").toString()).contains("aws.net.missingEndpoint").contains("aws.net.missingS3Gateway");
    }
}
