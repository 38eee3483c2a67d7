package dev.pullfix.model.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.registry.RegistryFailure.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers a registry's {@code WWW-Authenticate} challenge as containerd's authorizer does. Basic: the credentials
 * (none: the registry wants some). Bearer: a token from the realm for {@code service} and the scopes (the
 * challenge's and {@code repository:NAME:pull}); with a user name and password first the OAuth2 POST
 * ({@code grant_type=password}, {@code client_id}), falling back to {@code GET} with Basic authentication when the
 * realm answers 400/401/404/405 (registries without the POST endpoint); with an identity token the POST with
 * {@code grant_type=refresh_token}; anonymous: {@code GET realm?service=...&scope=...}. Tokens are kept in memory for
 * their {@code expires_in} (60 s when not given) per realm, service, scope and credentials, and nowhere else.
 */
final class Authorizer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT_ID = "pullfix";
    private static final long MAX_TOKEN_BODY = 1 << 20;

    /** A ready Authorization header and what was learnt getting it. */
    record Granted(String header, AuthInfo info, long expiresAtNanos) {
        /** A granted registry token or Basic header is a secret from the moment it exists. */
        Granted {
            dev.pullfix.model.secret.Secrets.register(header == null ? null : header.replaceFirst("^(Bearer|Basic) ", ""));
        }

        boolean valid() {
            return System.nanoTime() - expiresAtNanos < 0;
        }
    }

    private final RegistryTransport transport;
    private final Map<String, Granted> granted = new ConcurrentHashMap<>();

    Authorizer(RegistryTransport transport) {
        this.transport = transport;
    }

    private static String key(String authority, String scope, Credential cred) {
        return authority + "\u0000" + scope + "\u0000" + System.identityHashCode(cred);
    }

    /** A header obtained earlier for this registry, scope and credentials, or null. */
    Granted cached(String authority, String scope, Credential cred) {
        Granted g = granted.get(key(authority, scope, cred));
        if (g != null && !g.valid()) {
            granted.remove(key(authority, scope, cred));
            return null;
        }
        return g;
    }

    void forget(String authority, String scope, Credential cred) {
        granted.remove(key(authority, scope, cred));
    }

    /**
     * The Authorization header answering {@code challenge}.
     *
     * @throws RegistryException AUTH_REQUIRED (no credentials for Basic, anonymous token refused),
     *                           CREDENTIALS_REJECTED (the realm refused the credentials), or transport failures
     */
    Granted answer(Deadline d, AuthChallenge challenge, String authority, String scope, Credential cred)
            throws RegistryException {
        Granted g;
        if (challenge.isBasic()) {
            if (cred.isAnonymous()) {
                throw new RegistryException(new RegistryFailure(Kind.AUTH_REQUIRED, 401, List.of("UNAUTHORIZED"),
                        "no basic auth credentials (the registry asks for Basic authentication)"));
            }
            g = new Granted(cred.basicAuthorization(), new AuthInfo(true, "Basic", null, true, null),
                    System.nanoTime() + 3600L * 1_000_000_000L);
        } else if (challenge.isBearer()) {
            g = token(d, challenge, scope, cred);
        } else {
            throw new RegistryException(new RegistryFailure(Kind.PROTOCOL, 401, List.of(),
                    "unsupported authentication scheme " + challenge.scheme()));
        }
        granted.put(key(authority, scope, cred), g);
        return g;
    }

    private Granted token(Deadline d, AuthChallenge c, String scope, Credential cred) throws RegistryException {
        String realm = c.param("realm");
        if (realm == null || realm.isBlank()) {
            throw new RegistryException(new RegistryFailure(Kind.PROTOCOL, 401, List.of(),
                    "Bearer challenge without a realm"));
        }
        URI realmUri;
        try {
            realmUri = URI.create(realm);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(new RegistryFailure(Kind.PROTOCOL, 401, List.of(), "bad token realm"));
        }
        String realmText = RegistryTransport.safe(realmUri);
        String service = c.param("service");
        Set<String> scopes = new LinkedHashSet<>();
        if (c.param("scope") != null) {
            for (String s : c.param("scope").split(" ")) {
                if (!s.isBlank()) {
                    scopes.add(s);
                }
            }
        }
        scopes.add(scope);
        RegistryTransport.Response r;
        if (cred.isAnonymous()) {
            r = transport.send(d, "GET", withQuery(realmUri, service, scopes), Map.of(), null, MAX_TOKEN_BODY);
            if (r.status() == 401 || r.status() == 403) {
                throw new RegistryException(new RegistryFailure(Kind.AUTH_REQUIRED, r.status(), List.of(),
                        "failed to fetch anonymous token: unexpected status from GET request to " + realmText + ": "
                                + r.status()));
            }
        } else {
            Map<String, String> form = new LinkedHashMap<>();
            if (cred.isIdentityToken()) {
                form.put("grant_type", "refresh_token");
                form.put("refresh_token", cred.secret());
            } else {
                form.put("grant_type", "password");
                form.put("username", cred.username());
                form.put("password", cred.secret());
            }
            if (service != null) {
                form.put("service", service);
            }
            form.put("scope", String.join(" ", scopes));
            form.put("client_id", CLIENT_ID);
            r = transport.send(d, "POST", realmUri, Map.of(), encode(form), MAX_TOKEN_BODY);
            int s = r.status();
            if (!cred.isIdentityToken() && (s == 400 || s == 401 || s == 404 || s == 405)) {
                r = transport.send(d, "GET", withQuery(realmUri, service, scopes),
                        Map.of("Authorization", cred.basicAuthorization()), null, MAX_TOKEN_BODY);
            }
            if (r.status() == 400 || r.status() == 401 || r.status() == 403) {
                throw new RegistryException(new RegistryFailure(Kind.CREDENTIALS_REJECTED, r.status(), List.of(),
                        "failed to fetch oauth token: unexpected status from " + (cred.isIdentityToken() ? "POST" : "GET")
                                + " request to " + realmText + ": " + r.status() + " (credentials from "
                                + cred.source() + " rejected)"));
            }
        }
        if (r.status() == 429) {
            throw new RegistryException(new RegistryFailure(Kind.RATE_LIMITED, 429, List.of("TOOMANYREQUESTS"),
                    "token realm " + realmText + ": 429 Too Many Requests"));
        }
        if (r.status() >= 500) {
            throw new RegistryException(new RegistryFailure(Kind.SERVER_ERROR, r.status(), List.of(),
                    "token realm " + realmText + ": " + r.status()));
        }
        if (r.status() != 200) {
            throw new RegistryException(new RegistryFailure(Kind.PROTOCOL, r.status(), List.of(),
                    "token realm " + realmText + ": unexpected status " + r.status()));
        }
        String token;
        long expires;
        try {
            JsonNode j = JSON.readTree(r.body());
            token = j.path("access_token").asText("");
            if (token.isEmpty()) {
                token = j.path("token").asText("");
            }
            expires = j.path("expires_in").asLong(60);
        } catch (IOException e) {
            throw new RegistryException(RegistryFailure.of(Kind.PROTOCOL, "token realm " + realmText
                    + ": the answer is not JSON"));
        }
        if (token.isEmpty()) {
            throw new RegistryException(RegistryFailure.of(Kind.PROTOCOL, "token realm " + realmText
                    + ": no token in the answer"));
        }
        dev.pullfix.model.secret.Secrets.register(token);
        long life = Math.max(1, expires < 60 ? 60 : expires) * 900_000_000L; // 90 % of its life
        return new Granted("Bearer " + token, new AuthInfo(true, "Bearer", realmText, !cred.isAnonymous(),
                cred.isAnonymous() ? null : Boolean.TRUE), System.nanoTime() + life);
    }

    private static URI withQuery(URI realm, String service, Set<String> scopes) {
        StringBuilder q = new StringBuilder(realm.getRawQuery() == null ? "" : realm.getRawQuery());
        if (service != null) {
            q.append(q.length() == 0 ? "" : "&").append("service=").append(enc(service));
        }
        for (String s : scopes) {
            q.append(q.length() == 0 ? "" : "&").append("scope=").append(enc(s));
        }
        String base = RegistryTransport.safe(realm);
        return URI.create(base + (q.length() == 0 ? "" : "?" + q));
    }

    private static String encode(Map<String, String> form) {
        StringBuilder b = new StringBuilder();
        form.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return b.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
