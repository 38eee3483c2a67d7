package dev.pullfix.model.cluster;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming reader for the side lists of the pod tree: any object's name, namespace and owners (Jobs,
 * Namespaces). Like {@link PodJson}, one pass, the rest skipped.
 */
final class ObjectJson {

    private ObjectJson() {
    }

    /** metadata.name, metadata.namespace and metadata.ownerReferences of any object. */
    record Meta(String namespace, String name, List<PodFields.Owner> owners) {
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

}
