package dev.pullfix.model.cluster;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming readers for the side lists of the pod tree: any object's name, namespace and owners (Jobs,
 * Namespaces), and the few fields of an event that mark a pod's sandbox failure. Like {@link PodJson}, one pass,
 * the rest skipped.
 */
final class ObjectJson {

    private ObjectJson() {
    }

    /** metadata.name, metadata.namespace and metadata.ownerReferences of any object. */
    record Meta(String namespace, String name, List<PodFields.Owner> owners) {
    }

    /** An event's reason, message, its own namespace and its involvedObject's kind, name and namespace. */
    record EventFields(String namespace, String reason, String message, String objectKind, String objectName,
                       String objectNamespace) {
    }

    /** The parser is at the object's START_OBJECT; leaves it at END_OBJECT. */
    static Meta meta(JsonParser p) throws IOException {
        String namespace = null;
        String name = null;
        List<PodFields.Owner> owners = new ArrayList<>(1);
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            if (!"metadata".equals(field) || t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String mf;
            while ((mf = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                switch (mf) {
                    case "name" -> name = PodJson.text(p, v);
                    case "namespace" -> namespace = PodJson.text(p, v);
                    case "ownerReferences" -> PodJson.owners(p, v, owners);
                    default -> p.skipChildren();
                }
            }
        }
        return new Meta(namespace, name, owners);
    }

    /** The parser is at the event's START_OBJECT; leaves it at END_OBJECT. */
    static EventFields event(JsonParser p) throws IOException {
        String namespace = null;
        String reason = null;
        String message = null;
        String kind = null;
        String name = null;
        String objectNamespace = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (field) {
                case "reason" -> reason = PodJson.text(p, t);
                case "message" -> message = PodJson.text(p, t);
                case "metadata" -> {
                    if (t != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        break;
                    }
                    String mf;
                    while ((mf = p.nextFieldName()) != null) {
                        JsonToken v = p.nextToken();
                        if ("namespace".equals(mf)) {
                            namespace = PodJson.text(p, v);
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                case "involvedObject" -> {
                    if (t != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        break;
                    }
                    String of;
                    while ((of = p.nextFieldName()) != null) {
                        JsonToken v = p.nextToken();
                        switch (of) {
                            case "kind" -> kind = PodJson.text(p, v);
                            case "name" -> name = PodJson.text(p, v);
                            case "namespace" -> objectNamespace = PodJson.text(p, v);
                            default -> p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new EventFields(namespace, reason, message, kind, name, objectNamespace);
    }
}
