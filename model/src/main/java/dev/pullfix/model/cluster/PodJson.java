package dev.pullfix.model.cluster;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;

/**
 * Reads pods from Kubernetes JSON in one streaming pass (Jackson's parser, no object model), keeping only the
 * {@link PodFields} the tree, the table and the classifier use and skipping the rest (managedFields, volumes,
 * env, annotations, ...) without building it. Used for list pages and watch events alike.
 */
final class PodJson {

    private PodJson() {
    }

    /** Reads one pod; the parser is at its START_OBJECT (or VALUE_NULL: returns null). Leaves it at END_OBJECT. */
    static PodFields read(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        PodFields f = new PodFields();
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (field) {
                case "kind" -> f.kind = text(p, t);
                case "metadata" -> metadata(p, t, f);
                case "spec" -> spec(p, t, f);
                case "status" -> status(p, t, f);
                case "code" -> f.statusCode = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : 0;
                case "message" -> f.statusMessage = text(p, t);
                default -> p.skipChildren();
            }
        }
        return f;
    }

    private static void metadata(JsonParser p, JsonToken t, PodFields f) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (field) {
                case "name" -> f.name = text(p, v);
                case "namespace" -> f.namespace = text(p, v);
                case "uid" -> f.uid = text(p, v);
                case "resourceVersion" -> f.resourceVersion = text(p, v);
                case "creationTimestamp" -> f.creationTimestamp = text(p, v);
                case "deletionTimestamp" -> {
                    f.deleting = v != JsonToken.VALUE_NULL;
                    p.skipChildren();
                }
                case "labels" -> labels(p, v, f);
                case "ownerReferences" -> owners(p, v, f.owners);
                default -> p.skipChildren();
            }
        }
    }

    private static void labels(JsonParser p, JsonToken t, PodFields f) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if ("pod-template-hash".equals(field)) {
                f.podTemplateHash = text(p, v);
            } else {
                p.skipChildren();
            }
        }
    }

    static void owners(JsonParser p, JsonToken t, List<PodFields.Owner> out) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String kind = null;
            String name = null;
            boolean controller = false;
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                switch (field) {
                    case "kind" -> kind = text(p, v);
                    case "name" -> name = text(p, v);
                    case "controller" -> controller = v == JsonToken.VALUE_TRUE;
                    default -> p.skipChildren();
                }
            }
            out.add(new PodFields.Owner(kind, name, controller));
        }
    }

    private static void spec(JsonParser p, JsonToken t, PodFields f) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (field) {
                case "nodeName" -> f.nodeName = text(p, v);
                case "containers" -> containers(p, v, f.containers);
                case "initContainers" -> containers(p, v, f.initContainers);
                case "ephemeralContainers" -> containers(p, v, f.ephemeralContainers);
                default -> p.skipChildren();
            }
        }
    }

    private static void containers(JsonParser p, JsonToken t, List<PodFields.Spec> out) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String name = null;
            String image = null;
            String policy = null;
            String restart = null;
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                switch (field) {
                    case "name" -> name = text(p, v);
                    case "image" -> image = text(p, v);
                    case "imagePullPolicy" -> policy = text(p, v);
                    case "restartPolicy" -> restart = text(p, v);
                    default -> p.skipChildren();
                }
            }
            out.add(new PodFields.Spec(name, image, policy, restart));
        }
    }

    private static void status(JsonParser p, JsonToken t, PodFields f) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (field) {
                case "phase" -> f.phase = text(p, v);
                case "reason" -> f.reason = text(p, v);
                case "conditions" -> conditions(p, v, f.conditions);
                case "containerStatuses" -> statuses(p, v, f.statuses);
                case "initContainerStatuses" -> statuses(p, v, f.initStatuses);
                case "ephemeralContainerStatuses" -> statuses(p, v, f.ephemeralStatuses);
                default -> p.skipChildren();
            }
        }
    }

    private static void conditions(JsonParser p, JsonToken t, List<PodFields.Condition> out) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String type = null;
            String status = null;
            String reason = null;
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                switch (field) {
                    case "type" -> type = text(p, v);
                    case "status" -> status = text(p, v);
                    case "reason" -> reason = text(p, v);
                    default -> p.skipChildren();
                }
            }
            out.add(new PodFields.Condition(type, status, reason));
        }
    }

    private static void statuses(JsonParser p, JsonToken t, List<PodFields.Status> out) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            PodFields.Status s = new PodFields.Status();
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                switch (field) {
                    case "name" -> s.name = text(p, v);
                    case "restartCount" -> s.restartCount = v == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : 0;
                    case "ready" -> s.ready = v == JsonToken.VALUE_TRUE;
                    case "started" -> s.started = v == JsonToken.VALUE_TRUE;
                    case "state" -> state(p, v, s);
                    case "lastState" -> lastState(p, v, s);
                    default -> p.skipChildren();
                }
            }
            out.add(s);
        }
    }

    private static void state(JsonParser p, JsonToken t, PodFields.Status s) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (field) {
                case "waiting" -> s.waiting = detail(p, v);
                case "terminated" -> s.terminated = detail(p, v);
                case "running" -> {
                    s.running = v == JsonToken.START_OBJECT;
                    p.skipChildren();
                }
                default -> p.skipChildren();
            }
        }
    }

    private static void lastState(JsonParser p, JsonToken t, PodFields.Status s) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if ("terminated".equals(field)) {
                PodFields.Detail d = detail(p, v);
                s.lastFinishedAt = d == null ? null : d.finishedAt();
            } else {
                p.skipChildren();
            }
        }
    }

    private static PodFields.Detail detail(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String reason = null;
        String message = null;
        Integer exitCode = null;
        Integer signal = null;
        String finishedAt = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (field) {
                case "reason" -> reason = text(p, v);
                case "message" -> message = text(p, v);
                case "exitCode" -> exitCode = v == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
                case "signal" -> signal = v == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
                case "finishedAt" -> finishedAt = text(p, v);
                default -> p.skipChildren();
            }
        }
        return new PodFields.Detail(reason, message, exitCode, signal, finishedAt);
    }

    /** A scalar as text (null for JSON null); an object or array where a scalar belongs is skipped as null. */
    static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        return t == JsonToken.VALUE_NULL ? null : p.getText();
    }
}
