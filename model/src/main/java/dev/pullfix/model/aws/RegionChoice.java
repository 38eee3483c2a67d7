package dev.pullfix.model.aws;

/** The region a session uses, and where it came from (shown to the user). */
public record RegionChoice(String region, Source source) {
    public enum Source {
        /** {@code --region} or an explicit option. */
        EXPLICIT,
        /** The resource itself: the ECR host of the image, or the EKS context's cluster ARN / exec args. */
        RESOURCE,
        ENV_AWS_REGION,
        ENV_AWS_DEFAULT_REGION,
        PROFILE,
        /** No region anywhere: the fallback given by the caller. */
        FALLBACK
    }
}
