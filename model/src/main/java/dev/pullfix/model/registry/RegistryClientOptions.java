package dev.pullfix.model.registry;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the registry client reaches registries.
 *
 * @param connectTimeout  longest TCP/TLS connect
 * @param readTimeout     longest wait for one response's headers and body
 * @param totalTimeout    longest one operation may take, token requests, redirects and pages included
 * @param insecureHosts   registries (host or host:port) where an unverified certificate is accepted and plain HTTP
 *                        is tried when the registry does not speak TLS, as containerd's insecure registries
 * @param extraCas        certificates trusted in addition to the system trust store (the user's registry CA)
 * @param endpoints       registry host → base URI to use instead (a mirror, or the practice lab's loopback
 *                        registries); plain HTTP still only for loopback and insecure hosts
 * @param environment     where {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY} are read from
 * @param maxTags         stop listing tags after this many
 * @param pageSize        {@code n} for {@code tags/list}; 0 lets the registry choose
 * @param userAgent       the User-Agent header
 */
public record RegistryClientOptions(Duration connectTimeout, Duration readTimeout, Duration totalTimeout,
                                    Set<String> insecureHosts, List<X509Certificate> extraCas,
                                    Map<String, URI> endpoints, Map<String, String> environment, int maxTags,
                                    int pageSize, String userAgent) {

    public RegistryClientOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        insecureHosts = insecureHosts == null ? Set.of()
                : insecureHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        extraCas = extraCas == null ? List.of() : List.copyOf(extraCas);
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        userAgent = userAgent == null ? "pullfix" : userAgent;
    }

    /**
     * The environment variable naming registry endpoints ({@code HOST=URL[,HOST=URL]...}), as {@code endpoints}: what
     * a containerd {@code hosts.toml} says for a host. The practice lab sets it (its registries on loopback), so every
     * front end reaches the lab's registries through the same options; endpoints given explicitly win over it.
     */
    public static final String ENDPOINTS_ENV = "PULLFIX_REGISTRY_ENDPOINTS";

    /** 5 s connect, 15 s read, 30 s total; the process environment for proxies; up to 10,000 tags. */
    public static RegistryClientOptions defaults() {
        return new RegistryClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30),
                Set.of(), List.of(), Map.of(), System.getenv(), 10_000, 0, "pullfix");
    }

    public RegistryClientOptions withTimeouts(Duration connect, Duration read, Duration total) {
        return new RegistryClientOptions(connect, read, total, insecureHosts, extraCas, endpoints, environment,
                maxTags, pageSize, userAgent);
    }

    public RegistryClientOptions withInsecureHosts(Set<String> hosts) {
        return new RegistryClientOptions(connectTimeout, readTimeout, totalTimeout, hosts, extraCas, endpoints,
                environment, maxTags, pageSize, userAgent);
    }

    public RegistryClientOptions withExtraCas(List<X509Certificate> cas) {
        return new RegistryClientOptions(connectTimeout, readTimeout, totalTimeout, insecureHosts, cas, endpoints,
                environment, maxTags, pageSize, userAgent);
    }

    public RegistryClientOptions withEndpoints(Map<String, URI> map) {
        return new RegistryClientOptions(connectTimeout, readTimeout, totalTimeout, insecureHosts, extraCas, map,
                environment, maxTags, pageSize, userAgent);
    }

    public RegistryClientOptions withEnvironment(Map<String, String> env) {
        return new RegistryClientOptions(connectTimeout, readTimeout, totalTimeout, insecureHosts, extraCas,
                endpoints, env, maxTags, pageSize, userAgent);
    }

    public RegistryClientOptions withTagPaging(int max, int page) {
        return new RegistryClientOptions(connectTimeout, readTimeout, totalTimeout, insecureHosts, extraCas,
                endpoints, environment, max, page, userAgent);
    }

    /**
     * The endpoint for a registry host: the explicit {@code endpoints}, else the {@link #ENDPOINTS_ENV} entries of the
     * environment (a malformed entry is ignored, as an unset one), else null.
     */
    public URI endpoint(String host) {
        URI explicit = endpoints.get(host);
        if (explicit != null) {
            return explicit;
        }
        String spec = environment.get(ENDPOINTS_ENV);
        if (spec == null || spec.isBlank()) {
            return null;
        }
        for (String entry : spec.split(",")) {
            int eq = entry.indexOf('=');
            if (eq > 0 && entry.substring(0, eq).strip().equalsIgnoreCase(host)) {
                try {
                    URI u = URI.create(entry.substring(eq + 1).strip());
                    if (u.getHost() != null && ("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
                        return u;
                    }
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** {@link #ENDPOINTS_ENV}'s value for these endpoints. */
    public static String endpointsEnv(Map<String, URI> endpoints) {
        return endpoints.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
