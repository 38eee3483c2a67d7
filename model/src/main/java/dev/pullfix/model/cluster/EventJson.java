package dev.pullfix.model.cluster;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads one event, core/v1 or events.k8s.io/v1, in one streaming pass (like {@link PodJson}). The two APIs carry the
 * same facts under different names ({@code message}/{@code note}, {@code involvedObject}/{@code regarding},
 * {@code firstTimestamp}/{@code deprecatedFirstTimestamp}, {@code source}/{@code deprecatedSource}, ...); each
 * lands in one field here, so {@link PodEvents} builds a row the same way from either.
 */
final class EventJson {

    private EventJson() {
    }

    /** An event's facts. {@code object*}: the object it is about; {@code namespace}: the event's own. */
    record Fields(String namespace, String uid, String type, String reason, String message, String eventTime,
                  String firstTimestamp, String lastTimestamp, Integer count, boolean series, String seriesLast,
                  Integer seriesCount, String sourceComponent, String reporting, String objectKind, String objectName,
                  String objectNamespace, String objectUid) {
    }

    /** The parser is at the event's START_OBJECT; leaves it at END_OBJECT. */
    static Fields read(JsonParser p) throws IOException {
        String namespace = null;
        String uid = null;
        String type = null;
        String reason = null;
        String message = null;
        String eventTime = null;
        String first = null;
        String last = null;
        Integer count = null;
        boolean series = false;
        String seriesLast = null;
        Integer seriesCount = null;
        String source = null;
        String reporting = null;
        String[] object = new String[4];
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (field) {
                case "metadata" -> {
                    String[] m = new String[2];
                    object(p, t, m, "namespace", "uid");
                    namespace = m[0];
                    uid = m[1];
                }
                case "type" -> type = PodJson.text(p, t);
                case "reason" -> reason = PodJson.text(p, t);
                case "message", "note" -> message = PodJson.text(p, t);
                case "eventTime" -> eventTime = PodJson.text(p, t);
                case "firstTimestamp", "deprecatedFirstTimestamp" -> first = PodJson.text(p, t);
                case "lastTimestamp", "deprecatedLastTimestamp" -> last = PodJson.text(p, t);
                case "count", "deprecatedCount" -> count = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
                case "series" -> {
                    series = t == JsonToken.START_OBJECT;
                    if (series) {
                        String sf;
                        while ((sf = p.nextFieldName()) != null) {
                            JsonToken v = p.nextToken();
                            if ("lastObservedTime".equals(sf)) {
                                seriesLast = PodJson.text(p, v);
                            } else if ("count".equals(sf)) {
                                seriesCount = v == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                }
                case "source", "deprecatedSource" -> {
                    String[] s = new String[1];
                    object(p, t, s, "component");
                    source = s[0];
                }
                case "reportingComponent", "reportingController" -> reporting = PodJson.text(p, t);
                case "involvedObject", "regarding" -> object(p, t, object, "kind", "name", "namespace", "uid");
                default -> p.skipChildren();
            }
        }
        return new Fields(namespace, uid, type, reason, message, eventTime, first, last, count, series, seriesLast,
                seriesCount, source, reporting, object[0], object[1], object[2], object[3]);
    }

    /** Reads the named scalar fields of an object into {@code out} (in the order named); skips the rest. */
    private static void object(JsonParser p, JsonToken t, String[] out, String... names) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            int i = indexOf(names, field);
            if (i >= 0) {
                out[i] = PodJson.text(p, v);
            } else {
                p.skipChildren();
            }
        }
    }

    private static int indexOf(String[] names, String field) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(field)) {
                return i;
            }
        }
        return -1;
    }
}
