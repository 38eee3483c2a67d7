package dev.pullfix.model.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.WebSocket;
import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;

/**
 * Reads from the API server over the connection's own HTTP client (so kubeconfig auth, exec-plugin token refresh,
 * TLS, proxies, timeouts and retries are exactly fabric8's) but hands the body to a streaming JSON parser instead
 * of fabric8's object model: list pages and watch events are decoded in one pass into what the caller keeps.
 * Error statuses become {@link KubernetesClientException}s with the HTTP code, as fabric8's own calls throw them,
 * so {@link ClusterConnection#error} maps them the same way.
 */
final class KubeHttp {

    static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_ERROR_BODY = 64 * 1024;

    /** Reads one item; the parser is at its START_OBJECT and must be left at its END_OBJECT. */
    interface ItemReader {
        void read(JsonParser p) throws IOException;
    }

    /** Watch callbacks, on the HTTP client's threads (one event at a time). */
    interface WatchListener {
        /** One event; the parser is at the object's START_OBJECT and must be left at its END_OBJECT. */
        void onEvent(String type, JsonParser object) throws IOException;

        /** The stream ended: {@code error} is null for a clean end (server timeout), else why. Not called after close. */
        void onClose(Throwable error);
    }

    /** An open watch. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    private final HttpClient http;
    private final String base;
    private final long timeoutMillis;

    KubeHttp(ClusterConnection conn) {
        this.http = conn.httpClient();
        this.base = conn.masterUrl();
        int t = conn.requestTimeoutMillis();
        this.timeoutMillis = t > 0 ? t : 60_000;
    }

    /** {@code api/v1/pods} or {@code api/v1/namespaces/NS/pods} (and likewise for any group and resource). */
    static String path(String groupVersion, String namespace, String resource) {
        String root = groupVersion.contains("/") ? "apis/" + groupVersion : "api/" + groupVersion;
        return namespace == null ? root + "/" + resource : root + "/namespaces/" + encode(namespace) + "/" + resource;
    }

    /** Reads one object ({@code reader} gets the parser at its START_OBJECT); null when the server answers 404. */
    <T> T get(String path, BodyReader<T> reader) {
        try (InputStream body = open(url(path, Map.of()), JSON_TYPE)) {
            try (JsonParser p = JSON.createParser(body)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("not a JSON object");
                }
                return reader.read(p);
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return null;
            }
            throw e;
        } catch (IOException e) {
            throw new KubernetesClientException("reading " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a whole object from its START_OBJECT. */
    interface BodyReader<T> {
        T read(JsonParser p) throws IOException;
    }

    /** Reads one page of a list; fills {@code meta[0]} (resourceVersion) and {@code meta[1]} (continue). */
    interface PageReader {
        void read(InputStream body, String[] meta) throws IOException;
    }

    /** The media type of a list as JSON. */
    static final String JSON_TYPE = "application/json";

    /**
     * Lists a collection with {@code limit}/{@code continue}, handing each item to {@code items} as it is parsed;
     * returns the first page's resourceVersion.
     */
    String list(String path, int limit, String fieldSelector, ItemReader items, BooleanSupplier cancelled) {
        return pages(path, limit, fieldSelector, JSON_TYPE, (body, meta) -> readList(body, items, meta), cancelled);
    }

    /**
     * Lists a collection page by page ({@code limit}/{@code continue}) in the media type {@code accept} (for example
     * the server's Table rendering), each page's body read by {@code pages} as it streams in; returns the first page's
     * resourceVersion.
     */
    String pages(String path, int limit, String fieldSelector, String accept, PageReader pages,
                 BooleanSupplier cancelled) {
        return pages(path, limit, fieldSelector == null ? Map.of() : Map.of("fieldSelector", fieldSelector), accept,
                pages, cancelled);
    }

    /** As {@link #list(String, int, String, ItemReader, BooleanSupplier)} with any selectors in the query. */
    String listSelected(String path, int limit, Map<String, String> selectors, ItemReader items,
                        BooleanSupplier cancelled) {
        return pages(path, limit, selectors, JSON_TYPE, (body, meta) -> readList(body, items, meta), cancelled);
    }

    private String pages(String path, int limit, Map<String, String> selectors, String accept, PageReader pages,
                         BooleanSupplier cancelled) {
        String cont = null;
        String rv = null;
        do {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled");
            }
            Map<String, String> q = new LinkedHashMap<>(selectors);
            q.put("limit", Integer.toString(limit));
            if (cont != null) {
                q.put("continue", cont);
            }
            String[] meta = new String[2];
            try (InputStream body = open(url(path, q), accept)) {
                pages.read(body, meta);
            } catch (IOException e) {
                throw new KubernetesClientException("reading " + path + ": " + e.getMessage(), e);
            }
            if (rv == null) {
                rv = meta[0];
            }
            cont = meta[1] == null || meta[1].isEmpty() ? null : meta[1];
        } while (cont != null);
        return rv;
    }

    /** Parses a list body: metadata.resourceVersion/continue into {@code meta[0..1]}, each item to {@code items}. */
    static void readList(InputStream body, ItemReader items, String[] meta) throws IOException {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                if ("metadata".equals(field) && t == JsonToken.START_OBJECT) {
                    String mf;
                    while ((mf = p.nextFieldName()) != null) {
                        JsonToken v = p.nextToken();
                        if ("resourceVersion".equals(mf)) {
                            meta[0] = PodJson.text(p, v);
                        } else if ("continue".equals(mf)) {
                            meta[1] = PodJson.text(p, v);
                        } else {
                            p.skipChildren();
                        }
                    }
                } else if ("items".equals(field) && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (p.currentToken() == JsonToken.START_OBJECT) {
                            items.read(p);
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    /**
     * Starts a watch ({@code watch=true} over a WebSocket, as fabric8's own watches run, one JSON event per message).
     * Fails here when the server refuses it (the HTTP code of the refused upgrade, as a KubernetesClientException).
     * Events arrive on the HTTP client's threads, one at a time.
     */
    Watch watch(String path, Map<String, String> query, WatchListener listener) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put("watch", "true");
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        WebSocket.Listener ws = new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket socket) {
                socket.request();
            }

            @Override
            public void onMessage(WebSocket socket, String text) {
                try {
                    readEvent(text, listener);
                } catch (IOException | RuntimeException e) {
                    if (closed.compareAndSet(false, true)) {
                        socket.sendClose(1000, "closing");
                        listener.onClose(e);
                    }
                    return;
                }
                socket.request();
            }

            @Override
            public void onMessage(WebSocket socket, ByteBuffer bytes) {
                byte[] b = new byte[bytes.remaining()];
                bytes.get(b);
                onMessage(socket, new String(b, StandardCharsets.UTF_8));
            }

            @Override
            public void onClose(WebSocket socket, int code, String reason) {
                if (closed.compareAndSet(false, true)) {
                    listener.onClose(null);
                }
            }

            @Override
            public void onError(WebSocket socket, Throwable error) {
                if (closed.compareAndSet(false, true)) {
                    listener.onClose(error);
                }
            }
        };
        WebSocket socket;
        try {
            socket = http.newWebSocketBuilder().uri(WebSocket.toWebSocketUri(java.net.URI.create(url(path, q))))
                    .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS).buildAsync(ws).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            if (c instanceof WebSocketHandshakeException h && h.getResponse() != null) {
                int code = h.getResponse().code();
                throw new KubernetesClientException("watch refused: HTTP " + code, code, null);
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new KubernetesClientException("watching " + path + ": " + c.getMessage(), c);
        }
        return () -> {
            if (closed.compareAndSet(false, true)) {
                socket.sendClose(1000, "closing");
            }
        };
    }

    /**
     * One watch event {@code {"type": ..., "object": {...}}}. The API server writes the type first and the object is
     * read in the same pass; when the object comes first (fabric8's mock server), the type is found by a second
     * parse that skips the object.
     */
    static void readEvent(String text, WatchListener listener) throws IOException {
        String type = null;
        boolean typeFirst = false;
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("watch event is not a JSON object");
            }
            boolean objectSeen = false;
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                if ("type".equals(field)) {
                    type = PodJson.text(p, v);
                    typeFirst = !objectSeen;
                } else if ("object".equals(field) && v == JsonToken.START_OBJECT && type != null) {
                    listener.onEvent(type, p);
                    objectSeen = true;
                } else {
                    objectSeen |= "object".equals(field);
                    p.skipChildren();
                }
            }
        }
        if (typeFirst || type == null) {
            return;
        }
        try (JsonParser p = JSON.createParser(text)) {
            p.nextToken();
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                if ("object".equals(field) && v == JsonToken.START_OBJECT) {
                    listener.onEvent(type, p);
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    private String url(String path, Map<String, String> query) {
        StringBuilder sb = new StringBuilder(base).append(path);
        char sep = '?';
        for (var e : query.entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Sends the GET; returns the body of a 2xx answer, throws KubernetesClientException(code) otherwise. */
    private InputStream open(String url, String accept) throws IOException {
        // a list compressed by the server (as it does for kubectl) moves a tenth of the bytes through TLS, whose
        // decryption costs more than the (native) inflating on a JVM that runs the quick compiler only
        HttpRequest.Builder b = http.newHttpRequestBuilder().uri(url).header("Accept", accept)
                .header("Accept-Encoding", "gzip")
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS);
        HttpResponse<InputStream> r;
        try {
            r = http.sendAsync(b.build(), InputStream.class).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new KubernetesClientException(String.valueOf(c.getMessage()), c);
        }
        if (r.isSuccessful()) {
            return decoded(r);
        }
        String message;
        try (InputStream in = decoded(r)) {
            message = statusMessage(in == null ? new byte[0] : in.readNBytes(MAX_ERROR_BODY), r.code());
        }
        throw new KubernetesClientException(message, r.code(), null);
    }

    /** The body, inflated when the server compressed it ({@code Content-Encoding: gzip}). */
    private static InputStream decoded(HttpResponse<InputStream> r) throws IOException {
        InputStream body = r.body();
        String encoding = r.header("Content-Encoding");
        if (body == null || encoding == null || !encoding.trim().equalsIgnoreCase("gzip")) {
            return body;
        }
        return new GZIPInputStream(body, 64 * 1024);
    }

    /** The {@code message} of a Status body, or the HTTP status line when the body is not one. */
    static String statusMessage(byte[] body, int code) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                String field;
                while ((field = p.nextFieldName()) != null) {
                    JsonToken v = p.nextToken();
                    if ("message".equals(field)) {
                        String m = PodJson.text(p, v);
                        if (m != null && !m.isBlank()) {
                            return m;
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: fall through
        }
        return "HTTP " + code;
    }
}
