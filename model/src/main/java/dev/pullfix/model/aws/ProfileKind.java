package dev.pullfix.model.aws;

/** How a profile gets its credentials, as the AWS CLI decides it (first match wins, in this order). */
public enum ProfileKind {
    /** {@code sso_session = NAME} with an {@code [sso-session NAME]} section (the current SSO form). */
    SSO_SESSION,
    /** {@code sso_start_url} + {@code sso_account_id} + {@code sso_role_name} in the profile (legacy SSO). */
    SSO_LEGACY,
    /** {@code role_arn} + {@code web_identity_token_file}. */
    WEB_IDENTITY,
    /** {@code role_arn} + {@code source_profile} or {@code credential_source}: a role chain. */
    ASSUME_ROLE,
    /** {@code credential_process}: an external command prints the keys. */
    CREDENTIAL_PROCESS,
    /** {@code aws_access_key_id} + {@code aws_secret_access_key} (+ optional session token). */
    STATIC_KEYS,
    /** Settings only (region, output): no credentials of its own. */
    NO_CREDENTIALS;

    public boolean isSso() {
        return this == SSO_SESSION || this == SSO_LEGACY;
    }
}
