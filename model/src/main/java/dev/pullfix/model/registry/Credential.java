package dev.pullfix.model.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * One set of registry credentials: a user name and password (or registry token), or an identity token (the
 * {@code identitytoken} of a docker config: an OAuth refresh token), or none (anonymous). The secret never leaves this
 * class except as an Authorization header value built inside the package; {@link #toString()} names only where the
 * credentials came from.
 */
public final class Credential {
    /** No credentials: anonymous pulls. */
    public static final Credential ANONYMOUS = new Credential(null, null, false, "anonymous");

    private final String username;
    private final String secret;
    private final boolean identityToken;
    private final String source;

    private Credential(String username, String secret, boolean identityToken, String source) {
        this.username = username;
        this.secret = secret;
        // registered with the secret registry: no output path ever shows a registry password or token
        dev.pullfix.model.secret.Secrets.register(secret);
        this.identityToken = identityToken;
        this.source = Objects.requireNonNullElse(source, "credentials");
        if (secret != null) {
            // every output path masks registered values (and their base64 forms); user:password too, as in "auth"
            dev.pullfix.model.secret.Secrets.register(secret);
            dev.pullfix.model.secret.Secrets.register(username + ":" + secret);
        }
    }

    /**
     * @param source where they came from, for people: e.g. {@code secret default/regcred (registry.example.com)};
     *               never the secret itself
     */
    public static Credential basic(String username, String password, String source) {
        return new Credential(Objects.requireNonNullElse(username, ""), Objects.requireNonNull(password, "password"),
                false, source);
    }

    /** An identity (refresh) token, exchanged at the token realm with {@code grant_type=refresh_token}. */
    public static Credential identityToken(String token, String source) {
        return new Credential("", Objects.requireNonNull(token, "token"), true, source);
    }

    public boolean isAnonymous() {
        return secret == null;
    }

    /** The user name (not secret), or null when anonymous. */
    public String username() {
        return username;
    }

    /** Where the credentials came from (safe to show). */
    public String source() {
        return source;
    }

    boolean isIdentityToken() {
        return identityToken;
    }

    String secret() {
        return secret;
    }

    /** {@code Basic base64(user:password)} for the Basic challenge and the token realm; null when anonymous. */
    String basicAuthorization() {
        if (secret == null) {
            return null;
        }
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return isAnonymous() ? "Credential[anonymous]" : "Credential[" + source + ", user=" + username + "]";
    }
}
