package dev.pullfix.model.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Mints the bearer token {@code aws eks get-token} prints, without the aws CLI: a SigV4 presigned
 * {@code GET https://sts.<region>.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15} whose signed
 * headers include {@code x-k8s-aws-id: <cluster>}, valid 60 s, encoded as {@code k8s-aws-v1.} + base64url
 * (no padding) of the URL. The API server's authenticator replays the URL to STS to learn who is calling;
 * EKS accepts the token for 15 minutes.
 */
public final class EksTokenMinter {

    public static final String PREFIX = "k8s-aws-v1.";
    public static final String CLUSTER_HEADER = "x-k8s-aws-id";
    /** EKS honours a token for 15 minutes; the aws CLI reports 14 to leave a margin. */
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(14);

    /** A token and when it stops being accepted. */
    public record EksToken(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "EksToken[expiresAt=" + expiresAt + "]";
        }
    }

    private final Clock clock;

    public EksTokenMinter(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    public EksTokenMinter() {
        this(Clock.systemUTC());
    }

    /** Mints with explicit credentials. */
    public EksToken mint(String clusterName, String region, AwsCredentialsIdentity credentials) {
        Objects.requireNonNull(clusterName, "clusterName");
        String r = region == null || region.isBlank() ? "us-east-1" : region;
        String host = "sts." + r + (r.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com");
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .protocol("https")
                .host(host)
                .encodedPath("/")
                .putRawQueryParameter("Action", "GetCallerIdentity")
                .putRawQueryParameter("Version", "2011-06-15")
                .putHeader(CLUSTER_HEADER, clusterName)
                .build();
        Instant now = clock.instant();
        SignedRequest signed = AwsV4HttpSigner.create().sign(s -> s
                .identity(credentials)
                .request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, r)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofSeconds(60))
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(now, java.time.ZoneOffset.UTC)));
        String url = signed.request().getUri().toString();
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(url.getBytes(StandardCharsets.UTF_8));
        return new EksToken(token, now.plus(TOKEN_LIFETIME));
    }

    /**
     * Mints with the SDK's default chain for {@code profile} (null: the default profile / environment),
     * assuming {@code roleArn} first when given, as {@code aws eks get-token --role-arn} does.
     */
    public EksToken mint(String clusterName, String region, String profile, String roleArn) {
        DefaultCredentialsProvider.Builder b = DefaultCredentialsProvider.builder();
        if (profile != null && !profile.isBlank()) {
            b.profileName(profile);
        }
        try (DefaultCredentialsProvider base = b.build()) {
            AwsCredentialsProvider provider = base;
            StsClient sts = null;
            StsAssumeRoleCredentialsProvider assume = null;
            try {
                if (roleArn != null && !roleArn.isBlank()) {
                    sts = StsClient.builder().region(Region.of(region == null ? "us-east-1" : region))
                            .credentialsProvider(base)
                            .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                            .build();
                    StsClient client = sts;
                    assume = StsAssumeRoleCredentialsProvider.builder().stsClient(client)
                            .refreshRequest(rq -> rq.roleArn(roleArn).roleSessionName("pullfix")).build();
                    provider = assume;
                }
                return mint(clusterName, region, provider.resolveCredentials());
            } finally {
                if (assume != null) {
                    assume.close();
                }
                if (sts != null) {
                    sts.close();
                }
            }
        }
    }
}
