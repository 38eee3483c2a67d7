package dev.pullfix.model.lab.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Jackson helpers shared by the lab API server (one mapper, RFC 3339 timestamps as Kubernetes writes them). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static JsonNode parse(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw ApiException.badRequest("the body of the request was in an unknown format: " + firstLine(e));
        }
    }

    static ObjectNode parseObject(byte[] bytes) {
        JsonNode n = parse(bytes);
        if (!(n instanceof ObjectNode o)) {
            throw ApiException.badRequest("the body of the request must be a JSON object");
        }
        return o;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(JsonGenerator g, JsonNode node) throws IOException {
        MAPPER.writeTree(g, node);
    }

    static String str(JsonNode n, String... path) {
        JsonNode cur = n;
        for (String p : path) {
            if (cur == null) {
                return null;
            }
            cur = cur.get(p);
        }
        return cur == null || cur.isNull() || cur.isContainerNode() ? null : cur.asText();
    }

    static JsonNode at(JsonNode n, String... path) {
        JsonNode cur = n;
        for (String p : path) {
            if (cur == null) {
                return null;
            }
            cur = cur.get(p);
        }
        return cur == null || cur.isNull() ? null : cur;
    }

    static ObjectNode obj(ObjectNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(field);
    }

    /** Kubernetes' metav1.Time: RFC 3339 in UTC, whole seconds. */
    static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    static long millis(String rfc3339) {
        if (rfc3339 == null || rfc3339.isEmpty()) {
            return Long.MIN_VALUE;
        }
        try {
            return Instant.parse(rfc3339).toEpochMilli();
        } catch (RuntimeException e) {
            return Long.MIN_VALUE;
        }
    }

    static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** A reusable in-memory output whose bytes can be taken without copying twice. */
    static final class Buf extends ByteArrayOutputStream {
        Buf(int size) {
            super(size);
        }

        byte[] array() {
            return buf;
        }
    }
}
