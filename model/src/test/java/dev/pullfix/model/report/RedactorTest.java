package dev.pullfix.model.report;

import dev.pullfix.model.ExampleKeys;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "aws_access_key_id = " + ExampleKeys.ACCESS_KEY_ID + "|" + ExampleKeys.ACCESS_KEY_ID,
            "aws_secret_access_key=" + ExampleKeys.SECRET_ACCESS_KEY + "|wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY in prose|wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "{\"auths\":{\"registry.example.com\":{\"username\":\"bob\",\"password\":\"hunter2hunter2\",\"auth\":\"Ym9iOmh1bnRlcjI=\"}}}|hunter2hunter2",
            "{\"auths\":{\"registry.example.com\":{\"auth\":\"Ym9iOmh1bnRlcjI=\"}}}|Ym9iOmh1bnRlcjI=",
            "  .dockerconfigjson: eyJhdXRocyI6eyJyZWdpc3RyeS5leGFtcGxlLmNvbSI6e319fQ==|eyJhdXRocyI6eyJyZWdpc3RyeS5leGFtcGxlLmNvbSI6e319fQ==",
            "kubectl create secret docker-registry regcred --docker-password=s3cr3t-Pa55 --docker-username=bob|s3cr3t-Pa55",
            "Authorization: Bearer abcdefghijklmnop.qrstuvwxyz0123456789|abcdefghijklmnop.qrstuvwxyz0123456789",
            "token QVdTOmV5SndZWGxzYjJGa0lqb2lkR1Z6ZENKOQ== from get-login-password|QVdTOmV5SndZWGxzYjJGa0lqb2lkR1Z6ZENKOQ==",
            "sa token eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2lnbmF0dXJl|eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ",
            "AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ|IQoJb3JpZ2luX2VjEJr"})
    void masksTheSecret(String text, String secret) {
        String out = Redactor.redact(text);
        assertThat(out).doesNotContain(secret).contains(Redactor.MASK);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Failed to pull image \"nginxx\": rpc error: code = Unknown desc = failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized",
            "arn:aws:iam::682844965773:role/eksctl-eks-workshop-nodegroup-defa-NodeInstanceRole-Fa4f8r6uT7UD",
            "sha256:b338785abbf5a5d7e0f6ebeb8b8fc66e2ef08c05b2b48e5dfe89d03710eec2c1",
            "aws ecr get-login-password --region us-west-2 | docker login --username AWS --password-stdin 682844965773.dkr.ecr.us-west-2.amazonaws.com",
            "commit 2a4a0d318ecfba3dce1765888585a7970a11972f",
            "kubectl patch deployment ui-private -p '{\"spec\":{}}'"})
    void leavesOrdinaryIdentifiersAndMessagesAlone(String text) {
        assertThat(Redactor.redact(text)).isEqualTo(text);
    }
}
