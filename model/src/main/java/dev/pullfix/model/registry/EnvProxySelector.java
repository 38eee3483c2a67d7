package dev.pullfix.model.registry;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Proxies from {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY} (and the lower-case names), read as Go's
 * {@code net/http} reads them for containerd: HTTPS requests use {@code HTTPS_PROXY}, HTTP requests
 * {@code HTTP_PROXY}; loopback hosts are never proxied; {@code NO_PROXY} holds {@code *}, host names (matching the
 * name and its subdomains; a leading dot: subdomains only), IP addresses and CIDR ranges, each optionally with a
 * port. Proxy credentials in the URL are not supported (the JDK client refuses Basic on CONNECT by default).
 */
final class EnvProxySelector extends ProxySelector {
    private final Proxy https;
    private final Proxy http;
    private final List<String> noProxy = new ArrayList<>();

    EnvProxySelector(Map<String, String> env) {
        this.https = proxy(first(env, "HTTPS_PROXY", "https_proxy"));
        this.http = proxy(first(env, "HTTP_PROXY", "http_proxy"));
        String np = first(env, "NO_PROXY", "no_proxy");
        if (np != null) {
            for (String e : np.split(",")) {
                String t = e.trim().toLowerCase(Locale.ROOT);
                if (!t.isEmpty()) {
                    noProxy.add(t);
                }
            }
        }
    }

    /** True when some proxy is configured at all. */
    boolean configured() {
        return https != null || http != null;
    }

    @Override
    public List<Proxy> select(URI uri) {
        Proxy p = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
        if (p == null || uri.getHost() == null || bypass(uri.getHost(), uri.getPort())) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(p);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // the request fails with the connect error; nothing to remember
    }

    boolean bypass(String rawHost, int port) {
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equals("localhost") || isLoopbackLiteral(host)) {
            return true;
        }
        for (String entry : noProxy) {
            if (entry.equals("*")) {
                return true;
            }
            String e = entry;
            int entryPort = -1;
            int colon = e.lastIndexOf(':');
            if (colon > 0 && e.indexOf(':') == colon && !e.contains("/")) {
                try {
                    entryPort = Integer.parseInt(e.substring(colon + 1));
                    e = e.substring(0, colon);
                } catch (NumberFormatException ignored) {
                    // not a port
                }
            }
            if (entryPort >= 0 && entryPort != port) {
                continue;
            }
            if (e.contains("/")) {
                if (inCidr(host, e)) {
                    return true;
                }
            } else if (e.startsWith(".")) {
                if (host.endsWith(e)) {
                    return true;
                }
            } else if (e.startsWith("*.")) {
                if (host.endsWith(e.substring(1))) {
                    return true;
                }
            } else if (host.equals(e) || host.endsWith("." + e)) {
                return true;
            }
        }
        return false;
    }

    static boolean isLoopbackLiteral(String host) {
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean inCidr(String host, String cidr) {
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return false;
        }
        try {
            String[] p = cidr.split("/", 2);
            byte[] net = InetAddress.getByName(p[0]).getAddress();
            byte[] ip = InetAddress.getByName(host).getAddress();
            int bits = Integer.parseInt(p[1]);
            if (net.length != ip.length || bits < 0 || bits > net.length * 8) {
                return false;
            }
            int shift = net.length * 8 - bits;
            BigInteger a = new BigInteger(1, net).shiftRight(shift);
            BigInteger b = new BigInteger(1, ip).shiftRight(shift);
            return a.equals(b);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static String first(Map<String, String> env, String upper, String lower) {
        String v = env.get(upper);
        if (v == null || v.isBlank()) {
            v = env.get(lower);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static Proxy proxy(String value) {
        if (value == null) {
            return null;
        }
        URI u = URI.create(value.contains("://") ? value : "http://" + value);
        if (u.getHost() == null) {
            return null;
        }
        int port = u.getPort() > 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(u.getHost(), port));
    }
}
