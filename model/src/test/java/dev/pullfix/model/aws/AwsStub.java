package dev.pullfix.model.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * An in-process WireMock on loopback answering in AWS's real wire formats: ECR JSON 1.1 (X-Amz-Target), IAM/STS
 * and EC2 query with XML answers, EKS REST-JSON. One per test class; {@link #reset()} between tests.
 */
final class AwsStub implements AutoCloseable {
    static final String ECR_TARGET = "AmazonEC2ContainerRegistry_V20150921.";
    final WireMockServer server;

    AwsStub() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .maxRequestJournalEntries(200).jettyAcceptors(1).containerThreads(8));
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    void reset() {
        server.resetAll();
    }

    /** A session with static test keys from the (fake) environment, one retry-free attempt, this endpoint. */
    AwsSession session() {
        return session(1);
    }

    AwsSession session(int attempts) {
        return AwsSession.open(profiles(Map.of()), AwsSessionOptions.defaults().withRegion("us-west-2")
                .withEndpoint(endpoint()).withRetries(attempts, true));
    }

    static AwsProfiles profiles(Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", "AKIDLAB", "AWS_SECRET_ACCESS_KEY",
                "secret"));
        env.putAll(extraEnv);
        return AwsProfiles.of(ProfileFile.builder().content("").type(ProfileFile.Type.CONFIGURATION).build(),
                AwsEnvironment.of(env, Path.of("/nonexistent-home")));
    }

    // ---- ECR (JSON 1.1) -------------------------------------------------------------------------------------

    static MappingBuilder ecrCall(String op) {
        return post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(ECR_TARGET + op));
    }

    void ecr(String op, String json) {
        server.stubFor(ecrCall(op).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(json)));
    }

    void ecrWhen(String op, String bodyContains, String json) {
        server.stubFor(ecrCall(op).withRequestBody(containing(bodyContains)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(json)));
    }

    void ecrError(String op, String type, String message) {
        server.stubFor(ecrCall(op).willReturn(ecrErrorResponse(type, message)));
    }

    void ecrErrorWhen(String op, String bodyContains, String type, String message) {
        server.stubFor(ecrCall(op).withRequestBody(containing(bodyContains)).willReturn(ecrErrorResponse(type, message)));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ecrErrorResponse(String type, String msg) {
        return aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-RequestId", "5f1e1b22-0000-4000-8000-000000000000")
                .withBody("{\"__type\":\"" + type + "\",\"message\":" + json(msg) + "}");
    }

    // ---- IAM / STS (query + XML) ----------------------------------------------------------------------------

    static MappingBuilder queryCall(String action) {
        return post(urlPathEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    }

    void iam(String action, String resultXml) {
        server.stubFor(queryCall(action).willReturn(xml(200, "<" + action + "Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<" + action + "Result>" + resultXml + "</" + action + "Result>"
                + "<ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata>"
                + "</" + action + "Response>")));
    }

    void iamWhen(String action, String bodyContains, String resultXml) {
        server.stubFor(queryCall(action).withRequestBody(containing(bodyContains)).willReturn(xml(200,
                "<" + action + "Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<" + action + "Result>" + resultXml + "</" + action + "Result>"
                + "<ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata>"
                + "</" + action + "Response>")));
    }

    void iamError(String action, int status, String code, String message) {
        server.stubFor(queryCall(action).willReturn(xml(status, queryError(code, message))));
    }

    void iamErrorWhen(String action, String bodyContains, int status, String code, String message) {
        server.stubFor(queryCall(action).withRequestBody(containing(bodyContains))
                .willReturn(xml(status, queryError(code, message))));
    }

    static String queryError(String code, String message) {
        return "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>"
                + code + "</Code><Message>" + escape(message) + "</Message></Error>"
                + "<RequestId>4c3b8fc9-0000-4000-8000-000000000000</RequestId></ErrorResponse>";
    }

    void sts(String action, String resultXml) {
        server.stubFor(queryCall(action).willReturn(xml(200, "<" + action + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<" + action + "Result>" + resultXml + "</" + action + "Result>"
                + "<ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>"
                + "</" + action + "Response>")));
    }

    // ---- EC2 (EC2 query + XML) ------------------------------------------------------------------------------

    void ec2(String action, String innerXml) {
        server.stubFor(queryCall(action).willReturn(xml(200, "<" + action + "Response xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>" + innerXml + "</" + action + "Response>")));
    }

    void ec2Error(String action, int status, String code, String message) {
        server.stubFor(queryCall(action).willReturn(xml(status, "<Response><Errors><Error><Code>" + code
                + "</Code><Message>" + escape(message) + "</Message></Error></Errors>"
                + "<RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>")));
    }

    // ---- EKS (REST-JSON) ------------------------------------------------------------------------------------

    void eksGet(String path, String json) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json)));
    }

    void eksError(String path, int status, String type, String message) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", type + ":")
                .withBody("{\"message\":" + json(message) + "}")));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static String urlEncode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        server.stop();
    }
}
