package dev.pullfix.model.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.registry.ManifestParser.ErrorEntry;
import dev.pullfix.model.registry.RegistryFailure.Kind;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RegistryClient} over {@code java.net.http}, as containerd's resolver talks to a registry: {@code docker.io}
 * is {@code https://registry-1.docker.io}; a request answered 401 is answered once more with the challenge met
 * ({@link Authorizer}); HEAD and GET send containerd's Accept list; statuses and error codes become
 * {@link RegistryFailure}s. Thread-safe; tokens are cached per instance.
 */
public final class HttpRegistryClient implements RegistryClient {
    static final String DOCKER_HUB_ENDPOINT = "https://registry-1.docker.io";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** containerd's MaxManifestSize (4 * 1048 * 1048). */
    private static final long MAX_MANIFEST = 4L * 1048 * 1048;
    private static final long MAX_CONFIG = 8L << 20;
    private static final long MAX_TAG_PAGE = 16L << 20;
    private static final int MAX_PAGES = 200;

    private final RegistryClientOptions options;
    private final RegistryTransport transport;
    private final Authorizer auth;

    public HttpRegistryClient(RegistryClientOptions options) {
        this.options = options;
        this.transport = new RegistryTransport(options);
        this.auth = new Authorizer(transport);
    }

    public RegistryClientOptions options() {
        return options;
    }

    /** The base URL requests for a registry host go to (a configured endpoint, Docker Hub's API host, or https). */
    public URI endpoint(String registryHost) {
        String h = registryHost.toLowerCase(Locale.ROOT);
        URI configured = options.endpoint(h);
        if (configured == null && (h.equals("docker.io") || h.equals("index.docker.io"))) {
            configured = options.endpoint("docker.io") != null ? options.endpoint("docker.io")
                    : options.endpoint("index.docker.io");
        }
        if (configured != null) {
            String s = configured.toString();
            return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        }
        if (h.equals("docker.io") || h.equals("index.docker.io")) {
            return URI.create(DOCKER_HUB_ENDPOINT);
        }
        return URI.create("https://" + registryHost);
    }

    @Override
    public RegistryResult<Ping> ping(String registryHost) {
        Deadline d = Deadline.in(options.totalTimeout());
        URI base = endpoint(registryHost);
        try {
            RegistryTransport.Response r = transport.send(d, "GET", URI.create(base + "/v2/"), Map.of(), null, 1 << 16);
            if (r.status() == 200 || r.status() == 401) {
                return RegistryResult.ok(new Ping(RegistryTransport.safe(r.uri()).replaceFirst("/v2/$", ""), r.status(),
                        AuthChallenge.parse(r.headers().allValues("WWW-Authenticate"))), AuthInfo.NONE, null);
            }
            return RegistryResult.failed(statusFailure(r, "GET", false), AuthInfo.NONE, null);
        } catch (RegistryException e) {
            return RegistryResult.failed(e.failure(), AuthInfo.NONE, null);
        }
    }

    @Override
    public RegistryResult<ManifestHead> head(ImageReference image, Credential credential) {
        Deadline d = Deadline.in(options.totalTimeout());
        Outcome o = request(d, image, manifestUri(image), "HEAD", MediaTypes.ACCEPT, credential, 0);
        if (o.failure != null) {
            return RegistryResult.failed(o.failure, o.info, o.rateLimit());
        }
        RegistryTransport.Response r = o.response;
        return RegistryResult.ok(new ManifestHead(r.headers().firstValue("Docker-Content-Digest").orElse(null),
                MediaTypes.base(r.headers().firstValue("Content-Type").orElse(null)),
                r.headers().firstValueAsLong("Content-Length").orElse(-1)), o.info, o.rateLimit());
    }

    @Override
    public RegistryResult<Manifest> manifest(ImageReference image, Credential credential) {
        Deadline d = Deadline.in(options.totalTimeout());
        Outcome o = request(d, image, manifestUri(image), "GET", MediaTypes.ACCEPT, credential, MAX_MANIFEST);
        if (o.failure != null) {
            return RegistryResult.failed(o.failure, o.info, o.rateLimit());
        }
        RegistryTransport.Response r = o.response;
        String digest = ManifestParser.sha256(r.body());
        Optional<String> header = r.headers().firstValue("Docker-Content-Digest");
        if (header.isPresent() && header.get().startsWith("sha256:") && !header.get().equals(digest)) {
            return RegistryResult.failed(RegistryFailure.of(Kind.PROTOCOL, "manifest digest " + digest
                    + " does not match Docker-Content-Digest " + header.get()), o.info, o.rateLimit());
        }
        if (image.digest() != null && image.digest().startsWith("sha256:") && !image.digest().equals(digest)) {
            return RegistryResult.failed(RegistryFailure.of(Kind.PROTOCOL, "manifest digest " + digest
                    + " does not match the requested " + image.digest()), o.info, o.rateLimit());
        }
        ManifestParser.Parsed p;
        try {
            p = ManifestParser.parse(r.body(), r.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            return RegistryResult.failed(RegistryFailure.of(Kind.PROTOCOL, "manifest of " + image.familiar()
                    + " is not valid JSON"), o.info, o.rateLimit());
        }
        List<Platform> platforms = p.platforms();
        if (p.configDigest() != null) {
            URI blob = URI.create(endpoint(image.domain()) + "/v2/" + image.path() + "/blobs/" + p.configDigest());
            Outcome c = request(d, image, blob, "GET", "*/*", credential, MAX_CONFIG);
            if (c.failure != null) {
                return RegistryResult.failed(c.failure, c.info, o.rateLimit());
            }
            try {
                platforms = ManifestParser.configPlatform(c.response.body()).map(List::of).orElse(List.of());
            } catch (IOException e) {
                return RegistryResult.failed(RegistryFailure.of(Kind.PROTOCOL, "config blob " + p.configDigest()
                        + " is not valid JSON"), o.info, o.rateLimit());
            }
        }
        return RegistryResult.ok(new Manifest(digest, p.mediaType(), platforms, p.configDigest()), o.info,
                o.rateLimit());
    }

    @Override
    public RegistryResult<TagList> tags(ImageReference image, Credential credential) {
        Deadline d = Deadline.in(options.totalTimeout());
        URI next = URI.create(endpoint(image.domain()) + "/v2/" + image.path() + "/tags/list"
                + (options.pageSize() > 0 ? "?n=" + options.pageSize() : ""));
        List<String> tags = new ArrayList<>();
        AuthInfo info = AuthInfo.NONE;
        int pages = 0;
        while (next != null) {
            Outcome o = request(d, image, next, "GET", "application/json", credential, MAX_TAG_PAGE);
            if (o.failure != null) {
                if (pages > 0) {
                    // a later page failed: say what was listed, marked incomplete
                    return RegistryResult.ok(new TagList(tags, true, pages), info, null);
                }
                return RegistryResult.failed(o.failure, o.info, o.rateLimit());
            }
            info = o.info;
            pages++;
            try {
                JsonNode j = JSON.readTree(o.response.body());
                for (JsonNode t : j.path("tags")) {
                    if (tags.size() >= options.maxTags()) {
                        return RegistryResult.ok(new TagList(tags, true, pages), info, null);
                    }
                    tags.add(t.asText());
                }
            } catch (IOException e) {
                return RegistryResult.failed(RegistryFailure.of(Kind.PROTOCOL, "tag list of " + image.name()
                        + " is not valid JSON"), info, null);
            }
            Optional<String> link = ManifestParser.nextLink(o.response.headers().allValues("Link"));
            next = link.map(l -> o.response.uri().resolve(l)).orElse(null);
            if (next != null && pages >= MAX_PAGES) {
                return RegistryResult.ok(new TagList(tags, true, pages), info, null);
            }
        }
        return RegistryResult.ok(new TagList(tags, false, pages), info, null);
    }

    private URI manifestUri(ImageReference image) {
        String ref = image.digest() != null ? image.digest() : image.tag() != null ? image.tag() : "latest";
        return URI.create(endpoint(image.domain()) + "/v2/" + image.path() + "/manifests/" + ref);
    }

    /** A response with the authentication that led to it, or a failure. */
    private record Outcome(RegistryTransport.Response response, RegistryFailure failure, AuthInfo info) {
        RateLimit rateLimit() {
            return response == null ? null : RateLimit.from(response.headers()).orElse(null);
        }

        static Outcome failed(RegistryFailure f, AuthInfo info, RegistryTransport.Response r) {
            return new Outcome(r, f, info);
        }
    }

    /**
     * One request with the challenge met: the cached Authorization first; on 401 the challenge is answered
     * ({@link Authorizer}) and the request sent once more; statuses over 299 become failures.
     */
    private Outcome request(Deadline d, ImageReference image, URI uri, String method, String accept, Credential cred,
                            long maxBody) {
        String scope = "repository:" + image.path() + ":pull";
        String authority = uri.getRawAuthority();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", accept);
        AuthInfo info = AuthInfo.NONE;
        Authorizer.Granted pre = auth.cached(authority, scope, cred);
        if (pre != null) {
            headers.put("Authorization", pre.header());
            info = pre.info();
        }
        try {
            RegistryTransport.Response r = transport.send(d, method, uri, headers, null, maxBody);
            if (r.status() == 401 && pre != null) {
                auth.forget(authority, scope, cred); // expired or revoked: ask afresh once
                headers.remove("Authorization");
                r = transport.send(d, method, uri, headers, null, maxBody);
            }
            if (r.status() == 401) {
                List<AuthChallenge> cs = AuthChallenge.parse(r.headers().allValues("WWW-Authenticate"));
                AuthChallenge c = cs.stream().filter(x -> x.isBearer() || x.isBasic()).findFirst().orElse(null);
                if (c == null) {
                    Kind k = cred.isAnonymous() ? Kind.AUTH_REQUIRED : Kind.CREDENTIALS_REJECTED;
                    return Outcome.failed(withKind(statusFailure(r, method, true), k), new AuthInfo(true, null, null,
                            !cred.isAnonymous(), cred.isAnonymous() ? null : false), r);
                }
                AuthInfo challenged = new AuthInfo(true, c.isBearer() ? "Bearer" : "Basic", c.param("realm") == null
                        ? null : RegistryTransport.safe(URI.create(c.param("realm"))), !cred.isAnonymous(), null);
                Authorizer.Granted g;
                try {
                    g = auth.answer(d, c, authority, scope, cred);
                } catch (RegistryException e) {
                    Boolean accepted = e.failure().kind() == Kind.CREDENTIALS_REJECTED ? Boolean.FALSE : null;
                    return Outcome.failed(e.failure(), new AuthInfo(true, challenged.scheme(), challenged.realm(),
                            !cred.isAnonymous(), accepted), r);
                }
                info = g.info();
                headers.put("Authorization", g.header());
                r = transport.send(d, method, uri, headers, null, maxBody);
                if (r.status() == 401) {
                    auth.forget(authority, scope, cred);
                    if (c.isBasic()) {
                        return Outcome.failed(withKind(statusFailure(r, method, true), Kind.CREDENTIALS_REJECTED),
                                new AuthInfo(true, "Basic", null, true, false), r);
                    }
                    return Outcome.failed(withKind(statusFailure(r, method, true), Kind.NOT_FOUND_OR_UNAUTHORIZED),
                            info, r);
                }
                if (c.isBasic() && r.status() < 400) {
                    info = new AuthInfo(true, "Basic", null, true, true);
                }
            }
            if (r.status() >= 300) {
                return Outcome.failed(statusFailure(r, method, uri.getRawPath().contains("/manifests/")), info, r);
            }
            return new Outcome(r, null, info);
        } catch (RegistryException e) {
            return Outcome.failed(e.failure(), info, null);
        }
    }

    private static RegistryFailure withKind(RegistryFailure f, Kind kind) {
        return new RegistryFailure(kind, f.httpStatus(), f.codes(), f.detail());
    }

    /** A status over 299 as containerd words it, with the registry's error codes. */
    static RegistryFailure statusFailure(RegistryTransport.Response r, String method, boolean manifest) {
        List<ErrorEntry> errors = ManifestParser.errors(r.body());
        List<String> codes = errors.stream().map(ErrorEntry::code).filter(c -> !c.isEmpty()).toList();
        StringBuilder detail = new StringBuilder("unexpected status from " + method + " request to "
                + RegistryTransport.safe(r.uri()) + ": " + r.status() + " " + reason(r.status()));
        for (ErrorEntry e : errors) {
            detail.append("\n").append(e.code().isEmpty() ? "" : e.code() + ": ").append(e.message());
        }
        int s = r.status();
        Kind kind;
        if (s == 429 || codes.contains("TOOMANYREQUESTS")) {
            kind = Kind.RATE_LIMITED;
        } else if (s == 404) {
            kind = codes.contains("NAME_UNKNOWN") ? Kind.NAME_UNKNOWN
                    : manifest || codes.contains("MANIFEST_UNKNOWN") ? Kind.MANIFEST_UNKNOWN : Kind.NAME_UNKNOWN;
        } else if (s == 403) {
            kind = Kind.DENIED;
        } else if (s == 401) {
            kind = Kind.AUTH_REQUIRED;
        } else if (s >= 500) {
            kind = Kind.SERVER_ERROR;
        } else {
            kind = Kind.PROTOCOL;
        }
        return new RegistryFailure(kind, s, codes, detail.toString());
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }
}
