package dev.pullfix.model.registry.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/** A loopback HTTP server answering with a handler, recording each request's method, URI and headers. */
public final class StubServer implements AutoCloseable {
    /** One request as seen. */
    public record Seen(String method, String uri, Map<String, List<String>> headers) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

    public StubServer(HttpHandler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stub-registry");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", ex -> {
            seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().toString(), Map.copyOf(ex.getRequestHeaders())));
            handler.handle(ex);
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String base() {
        return "http://127.0.0.1:" + port();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** Sends a response; a null body for HEAD-like answers. */
    public static void reply(HttpExchange ex, int status, Map<String, String> headers, String body) throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || b.length == 0 ? -1 : b.length);
        if (!head && b.length > 0) {
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
