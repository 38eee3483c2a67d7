package dev.pullfix.model.lab.registry;

import dev.pullfix.model.lab.world.LabWorld;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.pullfix.model.registry.HttpRegistryClient;
import dev.pullfix.model.registry.RegistryClientOptions;

/**
 * The practice lab's registries outside AWS, one loopback HTTP registry per host of the scenario
 * ({@link LabRegistryServer}). {@link #client()} is the same {@link HttpRegistryClient} Pullfix uses for any registry,
 * told (as containerd's {@code hosts.toml} would be) to reach each lab host at its loopback endpoint.
 */
public final class LabRegistries implements AutoCloseable {
    private final Map<String, LabRegistryServer> servers = new LinkedHashMap<>();
    private final HttpRegistryClient client;

    public LabRegistries(LabWorld world) {
        try {
            Iterator<String> hosts = world.registriesSnapshot().fieldNames();
            while (hosts.hasNext()) {
                String h = hosts.next();
                servers.put(h, new LabRegistryServer(h, world));
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
        this.client = new HttpRegistryClient(options());
    }

    /** Registry host → loopback endpoint. */
    public Map<String, URI> endpoints() {
        Map<String, URI> m = new LinkedHashMap<>();
        servers.forEach((h, s) -> m.put(h, s.endpoint()));
        return m;
    }

    /** Client options for the lab: its endpoints, no proxies, short deadlines (an unreachable lab host stalls). */
    public RegistryClientOptions options() {
        return RegistryClientOptions.defaults().withEndpoints(endpoints()).withEnvironment(Map.of())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(8));
    }

    /** The registry client aimed at the lab's registries. */
    public HttpRegistryClient client() {
        return client;
    }

    public List<String> hosts() {
        return new ArrayList<>(servers.keySet());
    }

    @Override
    public void close() {
        servers.values().forEach(LabRegistryServer::close);
    }
}
