package dev.pullfix.model.aws;

/**
 * A profile from the AWS config/credentials files (never holds the secret values).
 *
 * @param region        the profile's {@code region}, or null
 * @param roleArn       for role chains and web identity, or null
 * @param sourceProfile for role chains, or null ({@code credential_source} goes to {@code credentialSource})
 * @param ssoSession    the {@code sso_session} name, or null
 * @param ssoStartUrl   the SSO start URL (from the profile or its sso-session section), or null
 * @param endpointUrl   the profile's {@code endpoint_url}, or null
 */
public record AwsProfile(String name, ProfileKind kind, String region, String roleArn, String sourceProfile,
                         String credentialSource, String ssoSession, String ssoStartUrl, String ssoAccountId,
                         String ssoRoleName, String endpointUrl) {

    /** The command that refreshes this profile's SSO login, e.g. {@code aws sso login --profile dev}. */
    public String ssoLoginCommand() {
        return "default".equals(name) ? "aws sso login" : "aws sso login --profile " + name;
    }
}
