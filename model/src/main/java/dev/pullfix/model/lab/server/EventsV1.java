package dev.pullfix.model.lab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.function.Function;

/**
 * events.k8s.io/v1 as a view of the core/v1 events (one source of truth, as on a real server, where both
 * APIs serve the same stored events): field mapping as the API server's conversion does it
 * (involvedObject → regarding, message → note, source → deprecatedSource, count → series...).
 */
final class EventsV1 {
    private EventsV1() {
    }

    /** The events.k8s.io/v1 view of a stored core event (same name, uid and resourceVersion). */
    static StoredObject view(StoredObject core) {
        JsonNode c = core.toJson();
        ObjectNode e = Json.object();
        e.put("apiVersion", "events.k8s.io/v1").put("kind", "Event");
        e.set("metadata", c.path("metadata").deepCopy());
        String first = Json.str(c, "firstTimestamp");
        String last = Json.str(c, "lastTimestamp");
        String eventTime = Json.str(c, "eventTime");
        e.put("eventTime", micro(eventTime != null ? eventTime : first != null ? first : Json.str(c, "metadata", "creationTimestamp")));
        long count = c.path("count").asLong(0);
        if (count > 1) {
            e.putObject("series").put("count", count).put("lastObservedTime", micro(last));
        }
        String controller = Json.str(c, "reportingComponent");
        e.put("reportingController", controller == null || controller.isEmpty() ? Json.str(c, "source", "component") : controller);
        String instance = Json.str(c, "reportingInstance");
        e.put("reportingInstance", instance == null || instance.isEmpty() ? Json.str(c, "source", "host") : instance);
        copy(c, "action", e, "action");
        copy(c, "reason", e, "reason");
        copy(c, "involvedObject", e, "regarding");
        copy(c, "related", e, "related");
        copy(c, "message", e, "note");
        copy(c, "type", e, "type");
        copy(c, "source", e, "deprecatedSource");
        copy(c, "firstTimestamp", e, "deprecatedFirstTimestamp");
        copy(c, "lastTimestamp", e, "deprecatedLastTimestamp");
        if (count > 0) {
            e.put("deprecatedCount", count);
        }
        return StoredObject.of(ResourceTypes.EVENTS_V1, e);
    }

    /** The core/v1 event to store for an events.k8s.io/v1 body. */
    static ObjectNode toCore(ObjectNode e) {
        ObjectNode c = Json.object();
        c.put("apiVersion", "v1").put("kind", "Event");
        c.set("metadata", e.path("metadata").isObject() ? e.get("metadata").deepCopy() : Json.object());
        copy(e, "regarding", c, "involvedObject");
        copy(e, "related", c, "related");
        copy(e, "reason", c, "reason");
        copy(e, "note", c, "message");
        copy(e, "type", c, "type");
        copy(e, "action", c, "action");
        copy(e, "eventTime", c, "eventTime");
        copy(e, "reportingController", c, "reportingComponent");
        copy(e, "reportingInstance", c, "reportingInstance");
        copy(e, "deprecatedSource", c, "source");
        copy(e, "deprecatedFirstTimestamp", c, "firstTimestamp");
        copy(e, "deprecatedLastTimestamp", c, "lastTimestamp");
        JsonNode series = e.get("series");
        if (series != null && series.isObject()) {
            c.put("count", series.path("count").asLong(1));
            if (series.has("lastObservedTime")) {
                c.put("lastTimestamp", Json.str(series, "lastObservedTime").replaceAll("\\.\\d+Z$", "Z"));
            }
        } else if (e.has("deprecatedCount")) {
            c.put("count", e.path("deprecatedCount").asLong());
        }
        return c;
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String as) {
        JsonNode v = from.get(field);
        if (v != null && !v.isNull()) {
            to.set(as, v.deepCopy());
        }
    }

    private static String micro(String rfc3339) {
        if (rfc3339 == null) {
            return null;
        }
        return rfc3339.contains(".") ? rfc3339 : rfc3339.replace("Z", ".000000Z");
    }

    static Iterator<StoredObject> map(Iterator<StoredObject> it, Function<StoredObject, StoredObject> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public StoredObject next() {
                return f.apply(it.next());
            }
        };
    }
}
