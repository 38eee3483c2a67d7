package dev.pullfix.model.secret;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.ExampleKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // configuration files and flags
            "aws_access_key_id = " + ExampleKeys.ACCESS_KEY_ID + "|" + ExampleKeys.ACCESS_KEY_ID,
            "aws_secret_access_key=" + ExampleKeys.SECRET_ACCESS_KEY + "|" + ExampleKeys.SECRET_ACCESS_KEY,
            "aws_secret_access_key = " + ExampleKeys.SECRET_ACCESS_KEY_2 + "|" + ExampleKeys.SECRET_ACCESS_KEY_2,
            "secret " + ExampleKeys.SECRET_ACCESS_KEY + " in prose|" + ExampleKeys.SECRET_ACCESS_KEY,
            "{\"auths\":{\"registry.example.com\":{\"username\":\"bob\",\"password\":\"hunter2hunter2\",\"auth\":\"Ym9iOmh1bnRlcjI=\"}}}|hunter2hunter2",
            "{\"auths\":{\"registry.example.com\":{\"auth\":\"Ym9iOmh1bnRlcjI=\"}}}|Ym9iOmh1bnRlcjI=",
            "  .dockerconfigjson: eyJhdXRocyI6eyJyZWdpc3RyeS5leGFtcGxlLmNvbSI6e319fQ==|eyJhdXRocyI6eyJyZWdpc3RyeS5leGFtcGxlLmNvbSI6e319fQ==",
            "kubectl create secret docker-registry regcred --docker-password=s3cr3t-Pa55 --docker-username=bob|s3cr3t-Pa55",
            "AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ|IQoJb3JpZ2luX2VjEJr",
            "https://sts.amazonaws.com/?X-Amz-Signature=deadbeef&X-Amz-Credential=AKID/2026|deadbeef",
            "\"token\":\"sha256~abcdef\"|sha256~abcdef",
            // tokens by shape
            "Authorization: Bearer abcdefghijklmnop.qrstuvwxyz0123456789|abcdefghijklmnop.qrstuvwxyz0123456789",
            "token QVdTOmV5SndZWGxzYjJGa0lqb2lkR1Z6ZENKOQ== from get-login-password|QVdTOmV5SndZWGxzYjJGa0lqb2lkR1Z6ZENKOQ==",
            "sa token eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2lnbmF0dXJl|eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ",
            "token: k8s-aws-v1.aHR0cHM6Ly9zdHMu|k8s-aws-v1.aHR0cHM6Ly9zdHMu",
            "using key " + ExampleKeys.ACCESS_KEY_ID + " for|" + ExampleKeys.ACCESS_KEY_ID,
            // issue 17 item 5: exec plugin stderr in the 'key value' form
            "error: security token FwoGZXIvYXdzEXAMPLEtoken123 is expired|FwoGZXIvYXdzEXAMPLEtoken123",
            "security token abc123XYZexample is invalid|abc123XYZexample",
            "SecretAccessKey " + ExampleKeys.SECRET_ACCESS_KEY_2 + " rejected|" + ExampleKeys.SECRET_ACCESS_KEY_2,
            "SecretAccessKey q9w8e7r6t5 rejected|q9w8e7r6t5",
            "login failed: password hunter2 is wrong|hunter2",
            "Back-off pulling image: docker login --password hunter2|hunter2",
            "session token: Zm9vYmFyYmF6cXV4MTIz|Zm9vYmFyYmF6cXV4MTIz"})
    void masksTheSecret(String text, String secret) {
        String out = Redactor.redact(text, new Secrets());
        assertThat(out).doesNotContain(secret).contains(Redactor.MASK);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Failed to pull image \"nginxx\": rpc error: code = Unknown desc = failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized",
            "arn:aws:iam::682844965773:role/eksctl-eks-workshop-nodegroup-defa-NodeInstanceRole-Fa4f8r6uT7UD",
            "sha256:b338785abbf5a5d7e0f6ebeb8b8fc66e2ef08c05b2b48e5dfe89d03710eec2c1",
            "aws ecr get-login-password --region us-west-2 | docker login --username AWS --password-stdin 682844965773.dkr.ecr.us-west-2.amazonaws.com",
            "commit 2a4a0d318ecfba3dce1765888585a7970a11972f",
            "kubectl patch deployment ui-private -p '{\"spec\":{}}'",
            "An error occurred (ExpiredToken) when calling the GetCallerIdentity operation",
            "Error loading SSO Token: Token for my-sso does not exist",
            "kubectl create secret docker-registry my-pull-secret-2 -n default --docker-server=registry.example.com --docker-username=<user> --docker-password=<password>",
            "kubectl get secret regcred -n default --output=yaml",
            "the token expired; log in again",
            "ecr:GetAuthorizationToken is not allowed",
            "failed to fetch oauth token from auth.docker.io"})
    void leavesOrdinaryIdentifiersAndMessagesAlone(String text) {
        assertThat(Redactor.redact(text, new Secrets())).isEqualTo(text);
    }

    @Test
    void masksRegisteredValuesWhateverTheirShape() {
        Secrets secrets = new Secrets();
        secrets.add("plain words are secret too");
        String out = Redactor.redact("the server said: plain words are secret too, goodbye", secrets);
        assertThat(out).isEqualTo("the server said: [REDACTED], goodbye");
    }

    @Test
    void keepsJsonValidWhenAFieldEndsWithAPasswordFlag() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode tree = m.readTree("{\"message\":\"Back-off: docker login --password hunter2\","
                + "\"command\":\"--token abc.def-123\",\"n\":3,\"list\":[\"password=x\\\"y\"]}");
        String json = m.writeValueAsString(Redactor.redact(tree));

        JsonNode back = m.readTree(json);
        assertThat(back.get("message").asText()).isEqualTo("Back-off: docker login --password [REDACTED]");
        assertThat(back.get("command").asText()).isEqualTo("--token [REDACTED]");
        assertThat(back.get("n").asInt()).isEqualTo(3);
        assertThat(json).doesNotContain("hunter2");
    }
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ads-api-6n-1821e98d8c-9vvzt", "26fffc32-a4af-bb8b-44fc-c67e84485f4b", "2026-10-17T09:14:00Z",
            "ImagePullBackOff", "ip-10-42-16-168.us-west-2.compute.internal", "Running", "1/1", "regular",
            "111122223333.dkr.ecr.us-west-2.amazonaws.com/ads/ads-api:1.14.9", "key=value: \"quoted\""})
    void plainTextSkipsThePatternsAndStaysAsItIs(String text) {
        assertThat(Redactor.noPatternCanMatch(text)).isTrue();
        assertThat(Redactor.patterns(text)).isEqualTo(text);
        assertThat(Redactor.redact(text, new Secrets())).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ExampleKeys.SECRET_ACCESS_KEY, ExampleKeys.ACCESS_KEY_ID, "Bearer abcdefghijklmnop",
            "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2lnbmF0dXJl",
            "k8s-aws-v1.aHR0cHM6Ly9zdHMu", "security token abc123XYZexample is invalid",
            "login failed password hunter2 is wrong", "QVdTOmV5SndZWGxzYjJGa0lqb2lkR1Z6ZENKOQ",
            "FwoGZXIvYXdzEXAMPLEtoken123", "Basic Ym9iOmh1bnRlcjI", "client_secret q9w8e7r6t5 rejected",
            "X-Amz-Signature=deadbeef",
            "{\"authorization\": \"xyz123\"}", "  .dockercfg: abc", "AUTH=abc",
            "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----"})
    void secretShapedTextIsNeverSkipped(String text) {
        assertThat(Redactor.patterns(text)).as("a pattern masks it").isNotEqualTo(text);
        assertThat(Redactor.noPatternCanMatch(text)).isFalse();
    }
}
