package dev.pullfix.model.aws;

import java.net.URI;
import java.time.Duration;

/**
 * How to open an {@link AwsSession}.
 *
 * @param profile          the profile to use ({@code --profile}), or null for the CLI's default choice
 * @param region           the explicit region ({@code --region}), or null
 * @param resourceRegion   the region of the thing asked about (ECR host, EKS cluster ARN), or null
 * @param endpointOverride one endpoint for every service (the practice lab on loopback), or null; without it
 *                         {@code AWS_ENDPOINT_URL[_<SERVICE>]}, {@code aws.endpointUrl[<Service>]} and the
 *                         profile's {@code endpoint_url} apply, as in the AWS CLI
 * @param maxAttempts      attempts per call including retries (0 = {@value #DEFAULT_MAX_ATTEMPTS})
 * @param retryWithoutBackoff retry at once instead of backing off (tests and the lab)
 * @param apiCallTimeout   the limit for one call including retries, or null for {@link #DEFAULT_TIMEOUT}; it also
 *                         caps each attempt, the connect and the wait for the next byte of an answer
 */
public record AwsSessionOptions(String profile, String region, String resourceRegion, URI endpointOverride,
                                int maxAttempts, boolean retryWithoutBackoff, Duration apiCallTimeout) {

    /** The stated time one AWS call may take, retries included, unless the caller says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    /** Attempts per call (the first and two retries, the SDK's standard), all within the call's time. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    /** The call limit in force. */
    public Duration effectiveApiCallTimeout() {
        return apiCallTimeout == null ? DEFAULT_TIMEOUT : apiCallTimeout;
    }

    public AwsSessionOptions withApiCallTimeout(Duration timeout) {
        return new AwsSessionOptions(profile, region, resourceRegion, endpointOverride, maxAttempts, retryWithoutBackoff,
                timeout);
    }

    public static AwsSessionOptions defaults() {
        return new AwsSessionOptions(null, null, null, null, 0, false, null);
    }

    public AwsSessionOptions withProfile(String p) {
        return new AwsSessionOptions(p, region, resourceRegion, endpointOverride, maxAttempts, retryWithoutBackoff,
                apiCallTimeout);
    }

    public AwsSessionOptions withRegion(String r) {
        return new AwsSessionOptions(profile, r, resourceRegion, endpointOverride, maxAttempts, retryWithoutBackoff,
                apiCallTimeout);
    }

    public AwsSessionOptions withResourceRegion(String r) {
        return new AwsSessionOptions(profile, region, r, endpointOverride, maxAttempts, retryWithoutBackoff,
                apiCallTimeout);
    }

    public AwsSessionOptions withEndpoint(URI e) {
        return new AwsSessionOptions(profile, region, resourceRegion, e, maxAttempts, retryWithoutBackoff,
                apiCallTimeout);
    }

    public AwsSessionOptions withRetries(int attempts, boolean withoutBackoff) {
        return new AwsSessionOptions(profile, region, resourceRegion, endpointOverride, attempts, withoutBackoff,
                apiCallTimeout);
    }
}
