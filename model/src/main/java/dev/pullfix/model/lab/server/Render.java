package dev.pullfix.model.lab.server;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.pullfix.model.lab.server.TablePrinter.Column;
import dev.pullfix.model.lab.server.TablePrinter.Since;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/** Writes stored objects straight from their bytes as full objects, PartialObjectMetadata or Table rows. */
final class Render {
    enum Format { FULL, TABLE, PARTIAL }

    enum Include { NONE, METADATA, OBJECT }

    private static final byte[] PARTIAL_PREFIX = ascii("{\"kind\":\"PartialObjectMetadata\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":");
    private static final Map<ResourceType, byte[]> COLUMNS = new IdentityHashMap<>();

    static {
        for (ResourceType t : ResourceTypes.ALL_TYPES) {
            StringBuilder sb = new StringBuilder("[");
            for (Column c : t.printer().columns()) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append("{\"name\":").append(quote(c.name())).append(",\"type\":").append(quote(c.type()))
                        .append(",\"format\":").append(quote(c.format())).append(",\"description\":")
                        .append(quote(c.description())).append(",\"priority\":").append(c.priority()).append('}');
            }
            COLUMNS.put(t, ascii(sb.append(']').toString()));
        }
    }

    private Render() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    static void quote(ByteBuf out, String s) {
        out.writeByte('"');
        out.writeBytes(JsonStringEncoder.getInstance().quoteAsUTF8(s));
        out.writeByte('"');
    }

    static void item(ByteBuf out, StoredObject o, Format f, Include include, long now) {
        switch (f) {
            case FULL -> out.writeBytes(o.jsonBytes());
            case PARTIAL -> partial(out, o);
            case TABLE -> {
                out.writeBytes(ascii("{\"cells\":"));
                cells(out, o.cells(), now);
                if (include != Include.NONE) {
                    out.writeBytes(ascii(",\"object\":"));
                    if (include == Include.OBJECT) {
                        out.writeBytes(o.jsonBytes());
                    } else {
                        partial(out, o);
                    }
                }
                out.writeByte('}');
            }
            default -> throw new IllegalStateException();
        }
    }

    private static void partial(ByteBuf out, StoredObject o) {
        out.writeBytes(PARTIAL_PREFIX);
        out.writeBytes(o.jsonBytes(), o.metaStart(), o.metaEnd() - o.metaStart());
        out.writeByte('}');
    }

    static void cells(ByteBuf out, Object[] cells, long now) {
        out.writeByte('[');
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.writeByte(',');
            }
            Object c = cells[i];
            if (c instanceof Since s) {
                quote(out, s.epochMillis() == Long.MIN_VALUE ? "<unknown>" : Durations.human(now - s.epochMillis()));
            } else if (c instanceof Number n) {
                out.writeBytes(ascii(n.toString()));
            } else if (c instanceof Boolean b) {
                out.writeBytes(ascii(b.toString()));
            } else {
                quote(out, c == null ? "" : c.toString());
            }
        }
        out.writeByte(']');
    }

    /** The opening of a list or Table, up to and including the '[' of items/rows. */
    static byte[] listHeader(ResourceType t, Format f, long rv, String cont) {
        StringBuilder sb = new StringBuilder("{");
        switch (f) {
            case FULL -> sb.append("\"kind\":\"").append(t.listKind()).append("\",\"apiVersion\":\"").append(t.apiVersion()).append('"');
            case PARTIAL -> sb.append("\"kind\":\"PartialObjectMetadataList\",\"apiVersion\":\"meta.k8s.io/v1\"");
            case TABLE -> sb.append("\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\"");
            default -> throw new IllegalStateException();
        }
        sb.append(",\"metadata\":{\"resourceVersion\":\"").append(rv).append('"');
        if (cont != null) {
            sb.append(",\"continue\":").append(quote(cont));
        }
        sb.append('}');
        byte[] head = ascii(sb.toString());
        if (f == Format.TABLE) {
            byte[] cols = COLUMNS.get(t);
            byte[] a = ascii(",\"columnDefinitions\":");
            byte[] b = ascii(",\"rows\":[");
            byte[] out = new byte[head.length + a.length + cols.length + b.length];
            System.arraycopy(head, 0, out, 0, head.length);
            System.arraycopy(a, 0, out, head.length, a.length);
            System.arraycopy(cols, 0, out, head.length + a.length, cols.length);
            System.arraycopy(b, 0, out, head.length + a.length + cols.length, b.length);
            return out;
        }
        byte[] b = ascii(",\"items\":[");
        byte[] out = new byte[head.length + b.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(b, 0, out, head.length, b.length);
        return out;
    }

    static final byte[] LIST_FOOTER = ascii("]}");

    /** A single object in the requested format (a one-row Table for TABLE). */
    static void single(ByteBuf out, StoredObject o, Format f, Include include, long now) {
        if (f == Format.TABLE) {
            out.writeBytes(listHeader(o.type(), Format.TABLE, o.resourceVersion(), null));
            item(out, o, f, include, now);
            out.writeBytes(LIST_FOOTER);
        } else {
            item(out, o, f, include, now);
        }
    }

    /** A watch event line (without the trailing newline). */
    static void event(ByteBuf out, String type, StoredObject o, Format f, Include include, long now) {
        out.writeBytes(ascii("{\"type\":\"" + type + "\",\"object\":"));
        single(out, o, f, include, now);
        out.writeByte('}');
    }

    static void bookmark(ByteBuf out, ResourceType t, Format f, long rv, boolean initialEventsEnd) {
        String kind = f == Format.PARTIAL ? "PartialObjectMetadata" : t.kind();
        String apiVersion = f == Format.PARTIAL ? "meta.k8s.io/v1" : t.apiVersion();
        out.writeBytes(ascii("{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"" + kind + "\",\"apiVersion\":\"" + apiVersion
                + "\",\"metadata\":{\"resourceVersion\":\"" + rv + "\""
                + (initialEventsEnd ? ",\"annotations\":{\"k8s.io/initial-events-end\":\"true\"}" : "") + "}}}"));
    }
}
