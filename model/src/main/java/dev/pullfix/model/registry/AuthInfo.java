package dev.pullfix.model.registry;

/**
 * What the registry asked for and how it went.
 *
 * @param challenged          the registry answered 401 with a {@code WWW-Authenticate} challenge
 * @param scheme              {@code Basic} or {@code Bearer}, or null when not challenged
 * @param realm               the Bearer token realm (e.g. {@code https://auth.docker.io/token}), or null
 * @param credentialsSent     credentials (not an anonymous token) were sent
 * @param credentialsAccepted true/false when credentials were sent and the registry or its token realm accepted or
 *                            rejected them; null when none were sent
 */
public record AuthInfo(boolean challenged, String scheme, String realm, boolean credentialsSent,
                       Boolean credentialsAccepted) {
    public static final AuthInfo NONE = new AuthInfo(false, null, null, false, null);
}
