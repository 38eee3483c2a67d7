package dev.pullfix.model.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.aws.AwsEnvironment;
import dev.pullfix.model.aws.AwsProblem;
import dev.pullfix.model.aws.AwsProfiles;
import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.aws.AwsSessionOptions;
import dev.pullfix.model.lab.server.ResourceTypes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's servers require the credentials they hand out and refuse what a web page could send. Before: the lab
 * accepted unauthenticated writes on loopback, including a cross-site form POST to its IAM endpoint. (The API server's
 * cases one by one: {@code lab/server/LabApiServerGuardTest}.)
 */
class LabCredentialsTest {

    @TempDir
    static Path tmp;
    static LabSession lab;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SIGNED = "AWS4-HMAC-SHA256 Credential=" + LabSession.ACCESS_KEY + "/20261204/us-west-2/iam/"
            + "aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=" + "0".repeat(64);

    @BeforeAll
    static void start() {
        lab = LabSession.start("S1", LabSession.Options.defaults().withDir(tmp.resolve("lab")));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLabsKubeconfigCarriesTheServersHttpsUrlCaAndTokenAndTheApiServerRequiresTheToken() throws Exception {
        String kubeconfig = Files.readString(lab.kubeconfig());
        assertThat(lab.apiServer().url()).startsWith("https://127.0.0.1:");
        assertThat(kubeconfig).contains("server: " + lab.apiServer().url() + "\n",
                "certificate-authority-data: " + lab.apiServer().certificateAuthorityData() + "\n",
                "token: " + lab.apiServer().token() + "\n", "current-context: " + lab.context() + "\n");
        HttpClient https = HttpClient.newBuilder().sslContext(lab.apiServer().clientSslContext()).build();
        int before = lab.apiServer().store().list(ResourceTypes.SECRETS, "default", null).size();
        String body = "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"unauthenticated\"}}";
        HttpResponse<String> r = https.send(HttpRequest.newBuilder(URI.create(lab.apiServer().url()
                + "/api/v1/namespaces/default/secrets")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(r.body()).path("reason").asText()).isEqualTo("Unauthorized");
        assertThat(lab.apiServer().store().list(ResourceTypes.SECRETS, "default", null)).hasSize(before);
    }

    private static HttpRequest.Builder aws(String path) {
        return HttpRequest.newBuilder(URI.create(lab.awsEndpoint() + path));
    }

    @Test
    void aCrossSiteFormPostToIamIsRefusedAndChangesNothing() throws Exception {
        String roles = lab.world().roles().toString();
        String attach = "Action=AttachRolePolicy&Version=2010-05-08&RoleName=" + lab.world().roles().get(0).path("name")
                .asText() + "&PolicyArn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FAdministratorAccess";
        HttpResponse<String> page = send(aws("/").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.ofString(attach)));
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("<ErrorResponse", "<Code>AccessDenied</Code>");
        // unsigned, no Origin (curl, a page's no-cors form without headers it can't set): still refused
        HttpResponse<String> unsigned = send(aws("/").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(attach)));
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).contains("<Code>MissingAuthenticationToken</Code>");
        // the lab's key shape but with a page's Referer: refused
        HttpResponse<String> referer = send(aws("/").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", SIGNED).header("X-Amz-Date", "20261204T000000Z")
                .header("Referer", "https://evil.example/").POST(HttpRequest.BodyPublishers.ofString(attach)));
        assertThat(referer.statusCode()).isEqualTo(403);
        assertThat(lab.world().roles().toString()).isEqualTo(roles);
    }

    @Test
    void ecrAndEksAnswerUnsignedRequestsInTheirOwnErrorFormats() throws Exception {
        HttpResponse<String> ecr = send(aws("/").header("X-Amz-Target",
                "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories")
                .header("Content-Type", "application/x-amz-json-1.1").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(ecr.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(ecr.body()).path("__type").asText()).isEqualTo("MissingAuthenticationTokenException");
        HttpResponse<String> eks = send(aws("/clusters"));
        assertThat(eks.statusCode()).isEqualTo(403);
        assertThat(eks.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
    }

    @Test
    void theSdkWithTheLabsProfileWorksAndAnotherKeyIsRefusedAsInvalidCredentials() {
        Path home = tmp.resolve("home");
        Map<String, String> env = Map.of("AWS_CONFIG_FILE", lab.awsConfigFile().toString(),
                "AWS_SHARED_CREDENTIALS_FILE", lab.awsCredentialsFile().toString());
        AwsSessionOptions opts = AwsSessionOptions.defaults().withProfile(LabSession.PROFILE)
                .withRegion(lab.world().region()).withEndpoint(lab.awsEndpoint()).withRetries(1, true);
        try (AwsSession s = AwsSession.open(AwsProfiles.load(AwsEnvironment.of(env, home)), opts)) {
            assertThat(s.sts().callerIdentity().isOk()).isTrue();
        }
        Map<String, String> other = Map.of("AWS_ACCESS_KEY_ID", "AKIA" + "OTHERKEY00000000", "AWS_SECRET_ACCESS_KEY", "x");
        try (AwsSession s = AwsSession.open(AwsProfiles.load(AwsEnvironment.of(other, home)),
                AwsSessionOptions.defaults().withRegion(lab.world().region()).withEndpoint(lab.awsEndpoint())
                        .withRetries(1, true))) {
            assertThat(s.sts().callerIdentity().problem()).get().extracting(AwsProblem::kind)
                    .isEqualTo(AwsProblem.Kind.INVALID_CREDENTIALS);
            assertThat(s.ecr().describeRepository(lab.world().account(), "x").problem()).get()
                    .extracting(AwsProblem::kind).isEqualTo(AwsProblem.Kind.INVALID_CREDENTIALS);
        }
    }
}
