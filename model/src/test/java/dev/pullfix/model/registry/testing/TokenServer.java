package dev.pullfix.model.registry.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A token server in Docker's documented format (distribution {@code docs/spec/auth/token.md}): {@code GET /token?
 * service=...&scope=repository:NAME:pull} with optional Basic authentication answers
 * {@code {"token": JWT, "access_token": JWT, "expires_in": 300, "issued_at": ...}}; the JWT is RS256 with the signing
 * certificate in {@code x5c}, so the real registry's {@code auth.token} verifies it against its root bundle.
 * {@code POST /token} (OAuth2) answers 404 unless enabled, as registries without it do. Records every request.
 */
public final class TokenServer implements AutoCloseable {
    /** One request as received (the Authorization header kept to check what the client sent). */
    public record Seen(String method, String query, String authorization, String form) {
    }

    private final HttpServer server;
    private final TestCert signer;
    private final String issuer;
    private final String service;
    private final Map<String, String> users = new HashMap<>();
    private final Map<String, Set<String>> pullable = new HashMap<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean oauthPost;

    public TokenServer(TestCert signer, String issuer, String service) {
        this.signer = signer;
        this.issuer = issuer;
        this.service = service;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/token", this::handle);
        server.start();
    }

    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** A user and the repositories it may pull and push ("*" for all); anonymous is user "". */
    public TokenServer user(String name, String password, Set<String> repositories) {
        users.put(name, password);
        pullable.put(name, repositories);
        return this;
    }

    public TokenServer anonymous(Set<String> repositories) {
        pullable.put("", repositories);
        return this;
    }

    public TokenServer acceptOauthPost(boolean on) {
        this.oauthPost = on;
        return this;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange ex) throws IOException {
        String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getRawQuery(), auth, form));
        Map<String, List<String>> q = params(ex.getRequestMethod().equals("POST") ? form : ex.getRequestURI().getRawQuery());
        String user = "";
        if (ex.getRequestMethod().equals("POST")) {
            if (!oauthPost) {
                reply(ex, 404, "{\"errors\":[{\"code\":\"UNSUPPORTED\",\"message\":\"POST not supported\"}]}");
                return;
            }
            user = first(q, "username");
            if (!users.containsKey(user) || !users.get(user).equals(first(q, "password"))) {
                reply(ex, 401, "{\"details\":\"incorrect username or password\"}");
                return;
            }
        } else if (auth != null && auth.startsWith("Basic ")) {
            String[] up = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            if (up.length != 2 || !up[1].equals(users.get(up[0]))) {
                reply(ex, 401, "{\"details\":\"incorrect username or password\"}");
                return;
            }
            user = up[0];
        }
        List<String> scopes = new ArrayList<>();
        q.getOrDefault("scope", List.of()).forEach(s -> scopes.addAll(List.of(s.split(" "))));
        ObjectNode claims = OciLayout.JSON.createObjectNode();
        long now = Instant.now().getEpochSecond();
        claims.put("iss", issuer).put("sub", user).put("aud", first(q, "service")).put("exp", now + 300)
                .put("nbf", now - 10).put("iat", now).put("jti", Long.toHexString(System.nanoTime()));
        ArrayNode access = claims.putArray("access");
        Set<String> may = pullable.getOrDefault(user, Set.of());
        for (String s : scopes) {
            String[] p = s.split(":");
            if (p.length == 3 && p[0].equals("repository") && (may.contains("*") || may.contains(p[1]))) {
                ObjectNode a = access.addObject();
                a.put("type", "repository").put("name", p[1]);
                ArrayNode actions = a.putArray("actions");
                for (String act : p[2].split(",")) {
                    actions.add(act);
                }
            }
        }
        String jwt = sign(claims);
        ObjectNode body = OciLayout.JSON.createObjectNode();
        body.put("token", jwt).put("access_token", jwt).put("expires_in", 300).put("issued_at", Instant.now().toString());
        reply(ex, 200, OciLayout.JSON.writeValueAsString(body));
    }

    private String sign(ObjectNode claims) {
        try {
            ObjectNode header = OciLayout.JSON.createObjectNode();
            header.put("typ", "JWT").put("alg", "RS256");
            header.putArray("x5c").add(Base64.getEncoder().encodeToString(signer.cert().getEncoded()));
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String input = b64.encodeToString(OciLayout.bytes(header)) + "." + b64.encodeToString(OciLayout.bytes(claims));
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(signer.key());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(s.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, List<String>> params(String raw) {
        Map<String, List<String>> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String kv : raw.split("&")) {
            String[] p = kv.split("=", 2);
            out.computeIfAbsent(URLDecoder.decode(p[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(p.length == 2 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    private static String first(Map<String, List<String>> q, String k) {
        List<String> v = q.get(k);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
