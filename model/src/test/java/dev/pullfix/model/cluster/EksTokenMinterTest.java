package dev.pullfix.model.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The token's form as aws-iam-authenticator's server verifies it (pkg/token Verify): prefix {@code k8s-aws-v1.},
 * raw base64url of an https STS URL with path {@code /}, only the allowed query parameters, Action
 * GetCallerIdentity, Version 2011-06-15, X-Amz-Expires ≤ 900 (aws eks get-token uses 60), and
 * {@code x-k8s-aws-id} among the signed headers.
 */
class EksTokenMinterTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final EksTokenMinter minter = new EksTokenMinter(Clock.fixed(NOW, ZoneOffset.UTC));

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String kv : uri.getRawQuery().split("&")) {
            int eq = kv.indexOf('=');
            q.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    private static URI decode(String token) {
        assertThat(token).startsWith("k8s-aws-v1.");
        String payload = token.substring("k8s-aws-v1.".length());
        assertThat(payload).doesNotContain("=").doesNotContain("+").doesNotContain("/");
        return URI.create(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    @Test
    void mintsAPresignedGetCallerIdentityUrlInTheAuthenticatorsFormat() {
        var token = minter.mint("retail", "us-west-2",
                AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
        URI url = decode(token.token());
        assertThat(url.getScheme()).isEqualTo("https");
        assertThat(url.getHost()).isEqualTo("sts.us-west-2.amazonaws.com");
        assertThat(url.getPath()).isEqualTo("/");
        Map<String, String> q = query(url);
        assertThat(q.keySet()).allSatisfy(k -> assertThat(k.toLowerCase()).isIn("action", "version",
                "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-expires", "x-amz-security-token",
                "x-amz-signature", "x-amz-signedheaders"));
        assertThat(q).containsEntry("Action", "GetCallerIdentity").containsEntry("Version", "2011-06-15")
                .containsEntry("X-Amz-Algorithm", "AWS4-HMAC-SHA256").containsEntry("X-Amz-Expires", "60")
                .containsEntry("X-Amz-Date", "20261125T120000Z")
                .containsEntry("X-Amz-Credential", "AKIDEXAMPLE/20261125/us-west-2/sts/aws4_request");
        assertThat(q.get("X-Amz-SignedHeaders").split(";")).contains("host", "x-k8s-aws-id");
        assertThat(q.get("X-Amz-Signature")).matches("[0-9a-f]{64}");
        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(14 * 60));
        assertThat(token.token().length()).isLessThan(8192);
    }

    @Test
    void signsTheClusterNameSoAnotherClusterGetsAnotherSignature() {
        var creds = AwsBasicCredentials.create("AKIDEXAMPLE", "secret");
        String a = query(decode(minter.mint("retail", "us-west-2", creds).token())).get("X-Amz-Signature");
        String b = query(decode(minter.mint("billing", "us-west-2", creds).token())).get("X-Amz-Signature");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void carriesTheSessionTokenOfTemporaryCredentials() {
        var token = minter.mint("retail", "eu-central-1",
                AwsSessionCredentials.create("ASIAEXAMPLE", "secret", "FQoGZXIvYXdzEXAMPLE"));
        Map<String, String> q = query(decode(token.token()));
        assertThat(q).containsEntry("X-Amz-Security-Token", "FQoGZXIvYXdzEXAMPLE");
        assertThat(decode(token.token()).getHost()).isEqualTo("sts.eu-central-1.amazonaws.com");
    }

    @Test
    void usesTheChinaPartitionsEndpointForChinaRegions() {
        var token = minter.mint("c", "cn-north-1", AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
        assertThat(decode(token.token()).getHost()).isEqualTo("sts.cn-north-1.amazonaws.com.cn");
    }

    @Test
    void neverPrintsTheTokenInToString() {
        var token = minter.mint("retail", "us-west-2", AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
        assertThat(token.toString()).doesNotContain("k8s-aws-v1");
    }
}
