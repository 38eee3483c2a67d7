package dev.pullfix.model.aws;

/** The answer of {@code sts:GetCallerIdentity}: who the current credentials are. */
public record CallerIdentity(String account, String arn, String userId) {
}
