package dev.pullfix.model.aws;

/** Port: "who am I" through STS. */
public interface StsGateway {
    AwsResult<CallerIdentity> callerIdentity();
}
