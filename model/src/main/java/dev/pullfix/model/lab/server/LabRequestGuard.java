package dev.pullfix.model.lab.server;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * The lab API server accepts only what a Kubernetes client sends with the credentials the lab handed out:
 * a request a web page could make (an {@code Origin} other than the server's own, a {@code Referer} or a
 * {@code Sec-Fetch-*} header, or a body
 * typed as a form or plain text) is refused with 403 before anything else, and a request without the bearer token
 * from the lab's kubeconfig gets the real server's 401 {@code Status} ("Unauthorized"). As on a real cluster,
 * {@code GET /version}, {@code /healthz}, {@code /livez} and {@code /readyz} answer anyone.
 */
final class LabRequestGuard {

    private static final Set<String> PUBLIC = Set.of("/version", "/healthz", "/livez", "/readyz");
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
            "text/plain");
    private static final SecureRandom RANDOM = new SecureRandom();

    private LabRequestGuard() {
    }

    /** A fresh bearer token: 32 random bytes, URL-safe Base64. */
    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "pullfix-lab." + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * Throws the Status the server answers with when the request may not go on.
     *
     * @param token the bearer token required, or null when none is (see {@link LabApiServerOptions#requireToken()})
     * @param tls  whether the server speaks HTTPS (the scheme of its own origin)
     * @param port the server's own port: an {@code Origin} naming the server itself is what fabric8 sends on its
     *             watches, not a web page
     */
    static void check(FullHttpRequest req, String token, boolean tls, int port) {
        HttpHeaders h = req.headers();
        if (fromABrowser(h, tls ? "https" : "http", port)) {
            throw new ApiException(403, "Forbidden", "forbidden: the practice lab does not answer requests from web "
                    + "pages (Origin, Referer or Sec-Fetch headers)", null, null, null);
        }
        String type = h.get(HttpHeaderNames.CONTENT_TYPE);
        if (type != null && FORM_TYPES.contains(baseType(type))) {
            throw new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - "
                    + "accepted media types include: application/json, application/yaml", null, null, null);
        }
        String path = new QueryStringDecoder(req.uri()).path();
        if (token == null || (req.method() == HttpMethod.GET && PUBLIC.contains(path))) {
            return;
        }
        String auth = h.get(HttpHeaderNames.AUTHORIZATION);
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)
                || !MessageDigest.isEqual(auth.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, "Unauthorized", "Unauthorized", null, null, null);
        }
    }

    static boolean fromABrowser(HttpHeaders h, String scheme, int port) {
        String origin = h.get(HttpHeaderNames.ORIGIN);
        if (origin != null && !origin.equals(scheme + "://127.0.0.1:" + port)
                && !origin.equals(scheme + "://localhost:" + port)) {
            return true;
        }
        if (h.contains(HttpHeaderNames.REFERER)) {
            return true;
        }
        for (var e : h) {
            if (e.getKey().toLowerCase(Locale.ROOT).startsWith("sec-fetch-")) {
                return true;
            }
        }
        return false;
    }

    static String baseType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }
}
