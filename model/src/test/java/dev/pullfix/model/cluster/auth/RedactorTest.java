package dev.pullfix.model.cluster.auth;

import dev.pullfix.model.ExampleKeys;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "token: k8s-aws-v1.aHR0cHM6Ly9zdHMu | k8s-aws-v1.aHR0cHM6Ly9zdHMu",
            "Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln | eyJhbGciOiJSUzI1NiJ9",
            "using key " + ExampleKeys.ACCESS_KEY_ID + " for | " + ExampleKeys.ACCESS_KEY_ID,
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG | wJalrXUtnFEMI",
            "\"token\":\"sha256~abcdef\" | sha256~abcdef",
            "https://sts.amazonaws.com/?X-Amz-Signature=deadbeef&X-Amz-Credential=AKID/2026 | deadbeef"})
    void masksSecrets(String text, String secret) {
        assertThat(Redactor.redact(text)).doesNotContain(secret).contains("[REDACTED]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "An error occurred (ExpiredToken) when calling the GetCallerIdentity operation",
            "Error loading SSO Token: Token for my-sso does not exist"})
    void keepsPlainErrors(String text) {
        assertThat(Redactor.redact(text)).isEqualTo(text);
    }
}
