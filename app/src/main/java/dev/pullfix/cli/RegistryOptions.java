package dev.pullfix.cli;

import dev.pullfix.model.registry.RegistryClientOptions;
import dev.pullfix.model.registry.TlsTrust;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How the commands that ask registries reach them, as containerd's registry configuration would: registries
 * reachable over plain HTTP or with an unverified certificate ({@code --insecure-registry}), a CA to trust besides the
 * system's ({@code --registry-ca}), and a mirror endpoint per host ({@code --registry-endpoint}, like a
 * {@code hosts.toml} server). Proxies come from HTTPS_PROXY/HTTP_PROXY/NO_PROXY.
 */
public final class RegistryOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]", description = "A registry reached over plain "
            + "HTTP or with an unverified certificate, as containerd's insecure registries (loopback always may).")
    List<String> insecure = List.of();

    @Option(names = "--registry-ca", paramLabel = "FILE", description = "PEM file of CA certificates trusted for "
            + "registries, besides the system trust store.")
    Path ca;

    private final Map<String, URI> endpoints = new LinkedHashMap<>();

    @Option(names = "--registry-endpoint", paramLabel = "HOST=URL", description = "Reach the registry HOST at URL "
            + "(a mirror, as containerd's hosts.toml server), e.g. docker.io=https://mirror.example.com.")
    void setEndpoint(List<String> values) {
        for (String v : values) {
            int eq = v.indexOf('=');
            URI u = null;
            try {
                u = eq <= 0 ? null : URI.create(v.substring(eq + 1).strip());
            } catch (IllegalArgumentException e) {
                u = null;
            }
            if (u == null || u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
                throw new ParameterException(mixee.commandLine(),
                        "--registry-endpoint must be HOST=http(s)://..., not '" + v + "'");
            }
            endpoints.put(v.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT), u);
        }
    }

    /** The registry client's options within the command's time limits. */
    public RegistryClientOptions clientOptions(Duration perCall, Duration total) {
        RegistryClientOptions o = RegistryClientOptions.defaults()
                .withTimeouts(perCall.compareTo(Duration.ofSeconds(5)) < 0 ? perCall : Duration.ofSeconds(5), perCall, total)
                .withInsecureHosts(Set.copyOf(new LinkedHashSet<>(insecure))).withEndpoints(endpoints);
        if (ca != null) {
            try {
                o = o.withExtraCas(TlsTrust.readCertificates(ca));
            } catch (IOException e) {
                throw new ParameterException(mixee.commandLine(), "--registry-ca: " + e.getMessage());
            }
        }
        return o;
    }
}
