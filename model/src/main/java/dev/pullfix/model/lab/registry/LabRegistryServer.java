package dev.pullfix.model.lab.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pullfix.model.lab.world.LabWorld;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the practice lab's registries on {@code http://127.0.0.1:PORT}, speaking the registry HTTP API v2 from the
 * {@link LabWorld}'s entry for its host (read on every request, so the lab's changes apply at once):
 * {@code docker.io} as Docker Hub does (Bearer tokens from {@code /token} for service {@code registry.docker.io},
 * anonymous or with the account's credentials; a repository that does not exist answers 401
 * {@code insufficient_scope}; {@code ratelimit-limit}/{@code ratelimit-remaining} on manifest requests of anonymous
 * pulls, a manifest GET spending one pull, 429 {@code TOOMANYREQUESTS} when none is left); other hosts as the CNCF
 * registry does (htpasswd-style Basic when the entry has {@code auth}; 404 {@code NAME_UNKNOWN} /
 * {@code MANIFEST_UNKNOWN}; {@code tags/list} pages with {@code n}/{@code last} and {@code Link}). An entry marked
 * {@code unreachable} accepts connections and never answers, like a blackholed route. Requests from a browser
 * ({@code Origin} or {@code Sec-Fetch-*} headers) are refused.
 */
final class LabRegistryServer implements AutoCloseable {
    static final String HUB = "docker.io";
    static final String HUB_SERVICE = "registry.docker.io";
    private static final Pattern PATH = Pattern.compile("^/v2/(.+)/(manifests|blobs)/([^/]+)$");
    private static final Pattern TAGS = Pattern.compile("^/v2/(.+)/tags/list$");
    private static final List<String> DEFAULT_PLATFORMS = List.of("linux/amd64", "linux/arm64");

    /** Who a request is: anonymous (user "") or the registry's account, and what its token may pull. */
    private record Principal(String user, Set<String> repositories) {
        boolean anonymous() {
            return user.isEmpty();
        }
    }

    private final String host;
    private final LabWorld world;
    private final LabImages images = new LabImages();
    private final Map<String, Principal> tokens = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService pool;
    private volatile boolean closed;

    LabRegistryServer(String host, LabWorld world) throws IOException {
        this.host = host;
        this.world = world;
        // answer at once: the JDK's server leaves Nagle on, and the client's delayed ACK then holds each answer ~40 ms
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "pullfix-lab-registry");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            if (ex.getRequestHeaders().containsKey("Origin") || ex.getRequestHeaders().keySet().stream()
                    .anyMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("sec-fetch-"))) {
                reply(ex, 403, Map.of(), error("DENIED", "the lab registry does not answer browsers"));
                return;
            }
            Optional<ObjectNode> entry = world.registry(host);
            if (entry.isEmpty()) {
                reply(ex, 404, Map.of(), error("NAME_UNKNOWN", "no such registry in this scenario"));
                return;
            }
            ObjectNode reg = entry.get();
            if (reg.path("unreachable").asBoolean(false)) {
                stall(ex);
                return;
            }
            String path = ex.getRequestURI().getRawPath();
            if (host.equals(HUB) && path.equals("/token")) {
                token(ex, reg);
                return;
            }
            Principal who = authenticate(ex, reg, path);
            if (who == null) {
                return; // answered 401
            }
            if (path.equals("/v2/") || path.equals("/v2")) {
                reply(ex, 200, Map.of("Content-Type", "application/json"), "{}");
                return;
            }
            Matcher tags = TAGS.matcher(path);
            Matcher m = PATH.matcher(path);
            String repo = tags.matches() ? tags.group(1) : m.matches() ? m.group(1) : null;
            if (repo == null) {
                reply(ex, 404, Map.of(), error("UNSUPPORTED", "not a registry API path"));
                return;
            }
            JsonNode tagList = reg.path("repositories").path(repo);
            if (host.equals(HUB) && (tagList.isMissingNode() || !who.repositories().contains(repo))) {
                // Docker Hub: a repository that does not exist looks like one the token may not pull
                reply(ex, 401, Map.of("WWW-Authenticate", bearer(ex, repo) + ",error=\"insufficient_scope\""),
                        "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\",\"detail\":"
                                + "[{\"Type\":\"repository\",\"Class\":\"\",\"Name\":\"" + repo + "\",\"Action\":\"pull\"}]}]}");
                return;
            }
            if (tagList.isMissingNode()) {
                reply(ex, 404, Map.of(), tags.matches() ? error("NAME_UNKNOWN", "repository name not known to registry")
                        : error("MANIFEST_UNKNOWN", "manifest unknown"));
                return;
            }
            if (tags.matches()) {
                tagsList(ex, repo, tagList);
            } else if (m.group(2).equals("manifests")) {
                manifest(ex, reg, who, repo, tagList, m.group(3));
            } else {
                blob(ex, m.group(3));
            }
        } catch (RuntimeException e) {
            reply(ex, 500, Map.of(), error("UNKNOWN", "lab registry error"));
        } finally {
            ex.close();
        }
    }

    /** Holds the connection without answering until the client gives up or the lab closes (a blackholed route). */
    private void stall(HttpExchange ex) {
        long end = System.nanoTime() + 120_000_000_000L;
        while (!closed && System.nanoTime() < end && world.registry(host).map(r -> r.path("unreachable").asBoolean())
                .orElse(false)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Principal authenticate(HttpExchange ex, ObjectNode reg, String path) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        JsonNode account = reg.path("auth");
        if (host.equals(HUB)) {
            Principal p = auth != null && auth.startsWith("Bearer ") ? tokens.get(auth.substring(7)) : null;
            if (p == null) {
                Matcher m = TAGS.matcher(path);
                Matcher m2 = PATH.matcher(path);
                String repo = m.matches() ? m.group(1) : m2.matches() ? m2.group(1) : null;
                reply(ex, 401, Map.of("WWW-Authenticate", bearer(ex, repo)),
                        error("UNAUTHORIZED", "authentication required"));
            }
            return p;
        }
        if (!account.isObject()) {
            return new Principal("", Set.of());
        }
        if (auth == null) {
            if (!account.path("required").asBoolean(true)) {
                return new Principal("", Set.of());
            }
            reply(ex, 401, Map.of("WWW-Authenticate", "Basic realm=\"pullfix-lab\""),
                    error("UNAUTHORIZED", "authentication required"));
            return null;
        }
        if (auth.startsWith("Basic ") && basicMatches(auth, account)) {
            return new Principal(account.path("username").asText(), Set.of());
        }
        reply(ex, 401, Map.of("WWW-Authenticate", "Basic realm=\"pullfix-lab\""),
                error("UNAUTHORIZED", "authentication required"));
        return null;
    }

    private static boolean basicMatches(String header, JsonNode account) {
        try {
            String up = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            return up.equals(account.path("username").asText() + ":" + account.path("password").asText());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String bearer(HttpExchange ex, String repo) {
        String realm = "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
        return "Bearer realm=\"" + realm + "\",service=\"" + HUB_SERVICE + "\""
                + (repo == null ? "" : ",scope=\"repository:" + repo + ":pull\"");
    }

    /** Docker Hub's token endpoint: GET with optional Basic, or the OAuth2 POST with grant_type=password. */
    private void token(HttpExchange ex, ObjectNode reg) throws IOException {
        String method = ex.getRequestMethod();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> q = params(method.equals("POST") ? body : ex.getRequestURI().getRawQuery());
        JsonNode account = reg.path("auth");
        String user = "";
        if (method.equals("POST")) {
            String u = first(q, "username");
            if (!account.isObject() || !"password".equals(first(q, "grant_type")) || !u.equals(account.path("username").asText())
                    || !first(q, "password").equals(account.path("password").asText())) {
                reply(ex, 401, Map.of("Content-Type", "application/json"), "{\"details\":\"incorrect username or password\"}");
                return;
            }
            user = u;
        } else {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                if (!auth.startsWith("Basic ") || !account.isObject() || !basicMatches(auth, account)) {
                    reply(ex, 401, Map.of("Content-Type", "application/json"), "{\"details\":\"incorrect username or password\"}");
                    return;
                }
                user = account.path("username").asText();
            }
        }
        Set<String> may = new java.util.HashSet<>();
        List<String> scopes = new ArrayList<>();
        q.getOrDefault("scope", List.of()).forEach(s -> scopes.addAll(List.of(s.split(" "))));
        for (String s : scopes) {
            String[] p = s.split(":");
            if (p.length == 3 && p[0].equals("repository") && reg.path("repositories").has(p[1])) {
                may.add(p[1]);
            }
        }
        String token = "lab-" + UUID.randomUUID();
        tokens.put(token, new Principal(user, Set.copyOf(may)));
        String issued = java.time.Instant.now().toString();
        reply(ex, 200, Map.of("Content-Type", "application/json"), "{\"token\":\"" + token + "\",\"access_token\":\""
                + token + "\",\"expires_in\":300,\"issued_at\":\"" + issued + "\"}");
    }

    private void manifest(HttpExchange ex, ObjectNode reg, Principal who, String repo, JsonNode tagList, String ref)
            throws IOException {
        List<String> platforms = platforms(reg, repo);
        LabImages.Content c = null;
        if (ref.startsWith("sha256:")) {
            for (JsonNode t : tagList) {
                images.tag(host, repo, t.asText(), platforms);
            }
            c = images.digest(ref).orElse(null);
        } else {
            for (JsonNode t : tagList) {
                if (t.asText().equals(ref)) {
                    c = images.tag(host, repo, ref, platforms);
                }
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        boolean budgeted = reg.has("rateRemaining");
        if (budgeted) {
            int left = who.anonymous() ? reg.path("rateRemaining").asInt() : 200;
            headers.put("ratelimit-limit", (who.anonymous() ? 100 : 200) + ";w=21600");
            headers.put("ratelimit-remaining", Math.max(0, left) + ";w=21600");
            headers.put("docker-ratelimit-source", who.anonymous() ? "203.0.113.7" : who.user());
            if (ex.getRequestMethod().equals("GET") && who.anonymous()) {
                if (left <= 0 || !world.takeRateBudget(host)) {
                    reply(ex, 429, headers, error("TOOMANYREQUESTS", "You have reached your pull rate limit. You may "
                            + "increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit"));
                    return;
                }
            }
        }
        if (c == null) {
            reply(ex, 404, headers, error("MANIFEST_UNKNOWN", "manifest unknown"));
            return;
        }
        headers.put("Content-Type", c.mediaType());
        headers.put("Docker-Content-Digest", c.digest());
        replyBytes(ex, 200, headers, c.bytes());
    }

    private void blob(HttpExchange ex, String digest) throws IOException {
        Optional<LabImages.Content> c = images.digest(digest);
        if (c.isEmpty()) {
            reply(ex, 404, Map.of(), error("BLOB_UNKNOWN", "blob unknown to registry"));
            return;
        }
        replyBytes(ex, 200, Map.of("Content-Type", "application/octet-stream", "Docker-Content-Digest", digest),
                c.get().bytes());
    }

    private void tagsList(HttpExchange ex, String repo, JsonNode tagList) throws IOException {
        List<String> all = new ArrayList<>();
        tagList.forEach(t -> all.add(t.asText()));
        all.sort(null);
        Map<String, List<String>> q = params(ex.getRequestURI().getRawQuery());
        int n = q.containsKey("n") ? Integer.parseInt(first(q, "n")) : -1;
        String last = first(q, "last");
        List<String> page = new ArrayList<>();
        for (String t : all) {
            if (!last.isEmpty() && t.compareTo(last) <= 0) {
                continue;
            }
            if (n >= 0 && page.size() >= n) {
                break;
            }
            page.add(t);
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        if (n > 0 && !page.isEmpty() && !page.get(page.size() - 1).equals(all.get(all.size() - 1))) {
            headers.put("Link", "</v2/" + repo + "/tags/list?last=" + page.get(page.size() - 1) + "&n=" + n + ">; rel=\"next\"");
        }
        StringBuilder b = new StringBuilder("{\"name\":\"" + repo + "\",\"tags\":[");
        for (int i = 0; i < page.size(); i++) {
            b.append(i == 0 ? "" : ",").append('"').append(page.get(i)).append('"');
        }
        reply(ex, 200, headers, b.append("]}").toString());
    }

    private static List<String> platforms(ObjectNode reg, String repo) {
        JsonNode p = reg.path("platforms").path(repo);
        if (!p.isArray() || p.isEmpty()) {
            return DEFAULT_PLATFORMS;
        }
        List<String> out = new ArrayList<>();
        p.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static String error(String code, String message) {
        return "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"detail\":null}]}";
    }

    private static Map<String, List<String>> params(String raw) {
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

    private static void reply(HttpExchange ex, int status, Map<String, String> headers, String body) throws IOException {
        replyBytes(ex, status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void replyBytes(HttpExchange ex, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.getResponseHeaders().set("Docker-Distribution-Api-Version", "registry/2.0");
        if (!ex.getResponseHeaders().containsKey("Content-Type")) {
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        }
        boolean head = ex.getRequestMethod().equals("HEAD");
        if (head) {
            ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
        }
        ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        pool.shutdownNow();
    }
}
