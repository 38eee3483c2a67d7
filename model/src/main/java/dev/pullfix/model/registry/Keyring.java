package dev.pullfix.model.registry;

import java.net.URI;
import java.nio.file.FileSystems;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The kubelet's credential keyring ({@code pkg/credentialprovider/keyring.go}): each docker config key is parsed as a
 * URL ({@code https://} added when there is no scheme); {@code /v1/} and {@code /v2/} path prefixes are dropped, so
 * {@code https://index.docker.io/v1/} is the key {@code index.docker.io}; keys are kept reverse-sorted so the most
 * specific match comes first. An image matches a key when the ports are equal, the host has as many labels and each
 * label matches as a glob ({@code *.example.com}), and the key's path is a prefix of the image's path. Failing all,
 * an image on Docker Hub gets the {@code index.docker.io} credentials. Every match is tried in order, as the kubelet
 * tries each until one pull succeeds.
 */
public final class Keyring {
    private final Map<String, List<Credential>> creds = new LinkedHashMap<>();
    private final TreeSet<String> index = new TreeSet<>(Comparator.reverseOrder());

    /** Adds a secret's entries (later secrets' credentials come after earlier ones for the same key). */
    public Keyring add(List<DockerConfig.Entry> entries) {
        for (DockerConfig.Entry e : entries) {
            String key = key(e.key());
            if (key == null) {
                continue; // the kubelet logs and skips an unparsable key
            }
            creds.computeIfAbsent(key, k -> new ArrayList<>()).add(e.credential());
            index.add(key);
        }
        return this;
    }

    /** The keys as the kubelet indexes them, most specific first. */
    public List<String> keys() {
        return List.copyOf(index);
    }

    public boolean isEmpty() {
        return index.isEmpty();
    }

    /**
     * The credentials the kubelet would try for an image, in order; empty means an anonymous pull.
     *
     * @param repository the normalised repository without tag, e.g. {@code docker.io/library/nginx}
     */
    public List<Credential> lookup(String repository) {
        List<Credential> out = new ArrayList<>();
        for (String k : index) {
            if (urlsMatch(k, repository)) {
                out.addAll(creds.get(k));
            }
        }
        if (out.isEmpty() && isDefaultRegistryMatch(repository)) {
            out.addAll(creds.getOrDefault("index.docker.io", List.of()));
        }
        return List.copyOf(out);
    }

    /**
     * Whether a docker config with these keys gives the kubelet credentials for the image: one key matches it, or the
     * image is on Docker Hub and a key is {@code index.docker.io} (the kubelet's fallback). Needs the keys only, never
     * the credentials, so a check can answer it from a secret's registry hosts.
     *
     * @param repository the normalised repository without tag, e.g. {@code docker.io/library/nginx}
     */
    public static boolean covers(Collection<String> configKeys, String repository) {
        boolean dockerHubKey = false;
        for (String loc : configKeys) {
            String k = key(loc);
            if (k == null) {
                continue;
            }
            if (urlsMatch(k, repository)) {
                return true;
            }
            dockerHubKey |= k.equals("index.docker.io");
        }
        return dockerHubKey && isDefaultRegistryMatch(repository);
    }

    /** The kubelet's key for a docker config key, or null when it does not parse. */
    static String key(String loc) {
        String value = loc;
        if (!value.startsWith("https://") && !value.startsWith("http://")) {
            value = "https://" + value;
        }
        URI u;
        try {
            u = URI.create(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String host = u.getRawAuthority();
        if (host == null) {
            return null;
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        if (path.startsWith("/v2/") || path.startsWith("/v1/")) {
            path = path.substring(3);
        }
        return path.isEmpty() || path.equals("/") ? host : host + path;
    }

    static boolean isDefaultRegistryMatch(String image) {
        String[] parts = image.split("/", 2);
        if (parts[0].isEmpty()) {
            return false;
        }
        if (parts.length == 1) {
            return true;
        }
        if (parts[0].equals("docker.io") || parts[0].equals("index.docker.io")) {
            return true;
        }
        return !(parts[0].contains(".") || parts[0].contains(":"));
    }

    /** keyring.go {@code URLsMatchStr}: schemeless glob key against a schemeless image. */
    static boolean urlsMatch(String glob, String target) {
        URI g;
        URI t;
        try {
            g = URI.create("https://" + glob);
            t = URI.create("https://" + target);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (g.getRawAuthority() == null || t.getRawAuthority() == null) {
            return false;
        }
        String[] gh = splitHostPort(g.getRawAuthority());
        String[] th = splitHostPort(t.getRawAuthority());
        if (!gh[1].equals(th[1])) {
            return false;
        }
        String[] gp = gh[0].split("\\.", -1);
        String[] tp = th[0].split("\\.", -1);
        if (gp.length != tp.length) {
            return false;
        }
        String gPath = g.getRawPath() == null ? "" : g.getRawPath();
        String tPath = t.getRawPath() == null ? "" : t.getRawPath();
        if (!tPath.startsWith(gPath)) {
            return false;
        }
        for (int i = 0; i < gp.length; i++) {
            if (!globMatch(gp[i], tp[i])) {
                return false;
            }
        }
        return true;
    }

    private static String[] splitHostPort(String authority) {
        String a = authority.toLowerCase(Locale.ROOT);
        int colon = a.lastIndexOf(':');
        if (colon > 0 && !a.endsWith("]") && a.indexOf(':') == colon) {
            return new String[] {a.substring(0, colon), a.substring(colon + 1)};
        }
        return new String[] {a, ""};
    }

    /** Go's {@code filepath.Match} for one host label ({@code *}, {@code ?}, {@code [..]}). */
    private static boolean globMatch(String pattern, String label) {
        if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("[")) {
            return pattern.equals(label);
        }
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + pattern).matches(java.nio.file.Path.of(label));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
