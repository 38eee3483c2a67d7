package dev.pullfix.model.registry;

import dev.pullfix.model.registry.RegistryFailure.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * One HTTP exchange with a registry or its token realm, under the operation's {@link Deadline}: redirects followed
 * by hand (at most 5; Authorization dropped when the host changes, as Go's client does; never from HTTPS down to
 * HTTP), HTTPS first and plain HTTP only for loopback and insecure hosts whose server does not speak TLS (containerd's
 * HTTP fallback), and every network or TLS error turned into a {@link RegistryFailure}. Logs method, status and the
 * URL without its query (signed blob URLs carry credentials there); never a header.
 */
final class RegistryTransport {
    private static final System.Logger LOG = System.getLogger(RegistryTransport.class.getName());
    private static final int MAX_REDIRECTS = 5;
    /**
     * The JDK client's own debug loggers print request URLs with their query (a signed blob URL carries its signature
     * there) when a user turns all logging up; they stay off. Held here so the settings are not collected.
     */
    private static final List<java.util.logging.Logger> QUIET = List.of(
            java.util.logging.Logger.getLogger("jdk.internal.httpclient.debug"),
            java.util.logging.Logger.getLogger("jdk.internal.httpclient.websocket.debug"),
            java.util.logging.Logger.getLogger("jdk.internal.httpclient.hpack.debug"),
            java.util.logging.Logger.getLogger("jdk.httpclient.HttpClient"));

    static {
        QUIET.forEach(l -> l.setLevel(java.util.logging.Level.OFF));
    }

    /** A response: status, headers, body (empty for HEAD), and the URI that answered. */
    record Response(int status, HttpHeaders headers, byte[] body, URI uri) {
    }

    private final RegistryClientOptions options;
    private final HttpClient verified;
    private final HttpClient insecure;
    private final Map<String, Boolean> plainHosts = new ConcurrentHashMap<>();

    RegistryTransport(RegistryClientOptions options) {
        this.options = options;
        EnvProxySelector proxies = new EnvProxySelector(options.environment());
        this.verified = client(options, proxies, TlsTrust.verifying(options.extraCas()));
        this.insecure = client(options, proxies, TlsTrust.trustingAll());
    }

    private static HttpClient client(RegistryClientOptions o, EnvProxySelector proxies, javax.net.ssl.SSLContext ssl) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(o.connectTimeout()).sslContext(ssl);
        if (proxies.configured()) {
            b.proxy(proxies);
        }
        return b.build();
    }

    /** True for loopback hosts and hosts the user listed as insecure: plain HTTP may be used for them. */
    boolean plainHttpAllowed(String hostPort) {
        String hp = hostPort.toLowerCase(Locale.ROOT);
        if (options.insecureHosts().contains(hp)) {
            return true;
        }
        String host = hostOnly(hp);
        return host.equals("localhost") || EnvProxySelector.isLoopbackLiteral(host)
                || options.insecureHosts().contains(host);
    }

    private boolean insecure(String hostPort) {
        String hp = hostPort.toLowerCase(Locale.ROOT);
        return options.insecureHosts().contains(hp) || options.insecureHosts().contains(hostOnly(hp));
    }

    static String hostOnly(String hostPort) {
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            return end < 0 ? hostPort : hostPort.substring(1, end);
        }
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 || hostPort.indexOf(':') != colon ? hostPort : hostPort.substring(0, colon);
    }

    /**
     * Sends one request and follows redirects.
     *
     * @param headers  request headers (Authorization among them, dropped on a redirect to another host)
     * @param form     a form body for POST, or null
     * @param maxBody  largest body read; 0 for HEAD
     */
    Response send(Deadline deadline, String method, URI uri, Map<String, String> headers, String form, long maxBody)
            throws RegistryException {
        URI current = uri;
        String m = method;
        Map<String, String> h = new LinkedHashMap<>(headers);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Response r = sendOnce(deadline, m, current, h, form, maxBody);
            if (r.status() < 300 || r.status() >= 400 || r.status() == 304) {
                return r;
            }
            String location = r.headers().firstValue("Location").orElse(null);
            if (location == null) {
                return r;
            }
            URI next = r.uri().resolve(location);
            if ("https".equalsIgnoreCase(r.uri().getScheme()) && "http".equalsIgnoreCase(next.getScheme())
                    && !plainHttpAllowed(next.getRawAuthority())) {
                throw new RegistryException(new RegistryFailure(Kind.PROTOCOL, r.status(), List.of(),
                        "redirect from HTTPS to plain HTTP refused: " + safe(next)));
            }
            if (!sameOrigin(r.uri(), next)) {
                h.remove("Authorization");
            }
            if (r.status() == 303) {
                m = "GET";
                form = null;
            }
            current = next;
        }
        throw new RegistryException(RegistryFailure.of(Kind.PROTOCOL, "stopped after " + MAX_REDIRECTS
                + " redirects: " + safe(current)));
    }

    private Response sendOnce(Deadline deadline, String method, URI uri, Map<String, String> headers, String form,
                              long maxBody) throws RegistryException {
        String authority = uri.getRawAuthority();
        URI target = uri;
        if ("https".equalsIgnoreCase(uri.getScheme()) && Boolean.TRUE.equals(plainHosts.get(authority))) {
            target = withScheme(uri, "http");
        } else if ("http".equalsIgnoreCase(uri.getScheme()) && !plainHttpAllowed(authority)) {
            throw new RegistryException(RegistryFailure.of(Kind.PLAIN_HTTP, "plain HTTP to " + authority
                    + " refused: only loopback registries and those listed as insecure are reached without TLS"));
        }
        try {
            return exchange(deadline, method, target, headers, form, maxBody);
        } catch (NotTls e) {
            if (!plainHttpAllowed(authority)) {
                throw new RegistryException(RegistryFailure.of(Kind.PLAIN_HTTP, "http: server gave HTTP response to "
                        + "HTTPS client (" + authority + " is neither loopback nor listed as insecure)"));
            }
            plainHosts.put(authority, true);
            try {
                return exchange(deadline, method, withScheme(uri, "http"), headers, form, maxBody);
            } catch (NotTls again) {
                throw new RegistryException(RegistryFailure.of(Kind.PROTOCOL, "not an HTTP server: " + authority));
            }
        }
    }

    /** The server does not speak TLS (a plain HTTP registry on an HTTPS attempt). */
    private static final class NotTls extends Exception {
        private static final long serialVersionUID = 1L;

        NotTls() {
            super(null, null, false, false);
        }
    }

    private Response exchange(Deadline deadline, String method, URI uri, Map<String, String> headers, String form,
                              long maxBody) throws RegistryException, NotTls {
        if (deadline.passed()) {
            throw new RegistryException(RegistryFailure.of(Kind.TIMEOUT, "gave up after " + secs(deadline.total())
                    + " in total before " + method + " " + safe(uri)));
        }
        Duration wait = deadline.cap(options.readTimeout());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(wait).header("User-Agent", options.userAgent());
        headers.forEach(b::header);
        if (form != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
            b.method(method, HttpRequest.BodyPublishers.ofString(form));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpClient c = insecure(uri.getRawAuthority()) ? insecure : verified;
        HttpResponse.BodyHandler<byte[]> handler = maxBody <= 0
                ? info -> HttpResponse.BodySubscribers.replacing(new byte[0]) : LimitedBody.handler(maxBody);
        CompletableFuture<HttpResponse<byte[]>> f = c.sendAsync(b.build(), handler);
        try {
            HttpResponse<byte[]> r = f.get(deadline.cap(options.readTimeout().plus(options.connectTimeout()))
                    .toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            LOG.log(System.Logger.Level.DEBUG, () -> method + " " + safe(uri) + " -> " + r.statusCode());
            return new Response(r.statusCode(), r.headers(), r.body(), uri);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new RegistryException(RegistryFailure.of(Kind.TIMEOUT, method + " " + safe(uri)
                    + ": no answer within " + secs(wait)));
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new RegistryException(RegistryFailure.of(Kind.TIMEOUT, method + " " + safe(uri) + ": interrupted"));
        } catch (ExecutionException e) {
            throw classify(e.getCause(), method, uri);
        }
    }

    private RegistryException classify(Throwable t, String method, URI uri) throws NotTls {
        String host = uri.getHost();
        String where = method + " \"" + safe(uri) + "\"";
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HttpConnectTimeoutException) {
                return fail(Kind.TIMEOUT, where + ": dial tcp " + uri.getRawAuthority() + ": i/o timeout (connect took over "
                        + secs(options.connectTimeout()) + ")");
            }
            if (c instanceof HttpTimeoutException) {
                return fail(Kind.TIMEOUT, where + ": net/http: timeout awaiting response headers (over "
                        + secs(options.readTimeout()) + ")");
            }
            if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
                return fail(Kind.DNS, where + ": dial tcp: lookup " + host + ": no such host");
            }
            if (c instanceof SSLHandshakeException || c instanceof SSLException) {
                String msg = String.valueOf(c.getMessage());
                if (msg.contains("Unsupported or unrecognized SSL message") || msg.contains("plaintext connection")) {
                    throw new NotTls();
                }
                return fail(Kind.TLS, where + ": tls: " + tlsReason(c, host));
            }
            if (c instanceof NoRouteToHostException) {
                return fail(Kind.UNREACHABLE, where + ": dial tcp " + uri.getRawAuthority() + ": connect: no route to host");
            }
            if (c instanceof ConnectException) {
                String msg = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
                if (msg.contains("refused")) {
                    return fail(Kind.UNREACHABLE, where + ": dial tcp " + uri.getRawAuthority() + ": connect: connection refused");
                }
                if (msg.contains("unreachable")) {
                    return fail(Kind.UNREACHABLE, where + ": dial tcp " + uri.getRawAuthority() + ": connect: network is unreachable");
                }
                if (c.getCause() instanceof UnresolvedAddressException || c.getCause() instanceof UnknownHostException) {
                    continue;
                }
                // the JDK client reports a refused connection as ConnectException(null) from a closed channel
                return fail(Kind.UNREACHABLE, where + ": dial tcp " + uri.getRawAuthority() + ": connect: connection "
                        + "refused" + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")"));
            }
        }
        String msg = t == null ? "unknown error" : t.getClass().getSimpleName() + ": " + t.getMessage();
        if (t instanceof IOException && String.valueOf(t.getMessage()).contains("larger than")) {
            return fail(Kind.PROTOCOL, where + ": " + t.getMessage());
        }
        return fail(Kind.UNREACHABLE, where + ": " + msg);
    }

    private static String tlsReason(Throwable t, String host) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CertificateExpiredException) {
                return "failed to verify certificate: x509: certificate has expired or is not yet valid";
            }
            if (c instanceof CertPathBuilderException || c instanceof CertPathValidatorException
                    || String.valueOf(c.getMessage()).contains("unable to find valid certification path")) {
                return "failed to verify certificate: x509: certificate signed by unknown authority";
            }
            String m = String.valueOf(c.getMessage());
            if (m.contains("No subject alternative") || m.contains("No name matching")) {
                return "failed to verify certificate: x509: certificate is not valid for " + host;
            }
        }
        return "handshake failure (" + t.getMessage() + ")";
    }

    private static RegistryException fail(Kind kind, String detail) {
        return new RegistryException(RegistryFailure.of(kind, detail));
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && String.valueOf(a.getRawAuthority())
                .equalsIgnoreCase(String.valueOf(b.getRawAuthority()));
    }

    static URI withScheme(URI u, String scheme) {
        return URI.create(scheme + "://" + u.getRawAuthority() + (u.getRawPath() == null ? "" : u.getRawPath())
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
    }

    /** The URL without its query: signed redirect targets carry credentials in the query. */
    static String safe(URI u) {
        return u.getScheme() + "://" + u.getRawAuthority() + (u.getRawPath() == null ? "" : u.getRawPath());
    }

    private static String secs(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
