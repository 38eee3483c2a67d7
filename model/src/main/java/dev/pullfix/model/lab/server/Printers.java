package dev.pullfix.model.lab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.lab.server.TablePrinter.Column;
import dev.pullfix.model.lab.server.TablePrinter.Since;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The Table printers of the kinds the lab serves, following kubectl's (k8s.io/kubernetes printers.go) columns. */
final class Printers {
    private Printers() {
    }

    private static TablePrinter printer(List<Column> cols, Function<ObjectNode, Object[]> f) {
        return new TablePrinter() {
            @Override
            public List<Column> columns() {
                return cols;
            }

            @Override
            public Object[] cells(ObjectNode o) {
                return f.apply(o);
            }
        };
    }

    private static Column c(String name, String type) {
        return Column.of(name, type, 0);
    }

    private static Column w(String name, String type) {
        return Column.of(name, type, 1);
    }

    static String name(ObjectNode o) {
        return Json.str(o, "metadata", "name");
    }

    static Since age(ObjectNode o) {
        return new Since(Json.millis(Json.str(o, "metadata", "creationTimestamp")));
    }

    static String s(String v) {
        return v == null ? "<none>" : v.intern();
    }

    static long num(JsonNode o, String... path) {
        JsonNode n = Json.at(o, path);
        return n == null ? 0 : n.asLong();
    }

    static final TablePrinter GENERIC = printer(List.of(c("Name", "string"), c("Age", "date")), o -> new Object[] {name(o), age(o)});

    static final TablePrinter POD = printer(List.of(c("Name", "string"), c("Ready", "string"), c("Status", "string"),
            c("Restarts", "string"), c("Age", "string"), w("IP", "string"), w("Node", "string"),
            w("Nominated Node", "string"), w("Readiness Gates", "string")), Printers::podCells);

    static Object[] podCells(ObjectNode pod) {
        JsonNode spec = pod.path("spec");
        JsonNode status = pod.path("status");
        int total = spec.path("containers").size();
        int ready = 0;
        long restarts = 0;
        String reason = text(status.path("phase"));
        if (!status.path("reason").asText("").isEmpty()) {
            reason = status.path("reason").asText();
        }
        boolean initializing = false;
        JsonNode inits = status.path("initContainerStatuses");
        int nInit = spec.path("initContainers").size();
        for (int i = 0; i < inits.size(); i++) {
            JsonNode c = inits.get(i);
            restarts += c.path("restartCount").asLong();
            JsonNode term = c.path("state").path("terminated");
            JsonNode wait = c.path("state").path("waiting");
            if (!term.isMissingNode() && term.path("exitCode").asInt() == 0) {
                continue;
            }
            if (!term.isMissingNode()) {
                reason = term.path("reason").asText("").isEmpty()
                        ? (term.path("signal").asInt() != 0 ? "Init:Signal:" + term.path("signal").asInt()
                        : "Init:ExitCode:" + term.path("exitCode").asInt())
                        : "Init:" + term.path("reason").asText();
            } else if (!wait.isMissingNode() && !wait.path("reason").asText("").isEmpty()
                    && !wait.path("reason").asText().equals("PodInitializing")) {
                reason = "Init:" + wait.path("reason").asText();
            } else {
                reason = "Init:" + i + "/" + nInit;
            }
            initializing = true;
            break;
        }
        if (!initializing) {
            restarts = 0;
            boolean hasRunning = false;
            JsonNode cs = status.path("containerStatuses");
            for (int i = cs.size() - 1; i >= 0; i--) {
                JsonNode c = cs.get(i);
                restarts += c.path("restartCount").asLong();
                JsonNode state = c.path("state");
                JsonNode wait = state.path("waiting");
                JsonNode term = state.path("terminated");
                if (!wait.isMissingNode() && !wait.path("reason").asText("").isEmpty()) {
                    reason = wait.path("reason").asText();
                } else if (!term.isMissingNode() && !term.path("reason").asText("").isEmpty()) {
                    reason = term.path("reason").asText();
                } else if (!term.isMissingNode()) {
                    reason = term.path("signal").asInt() != 0 ? "Signal:" + term.path("signal").asInt()
                            : "ExitCode:" + term.path("exitCode").asInt();
                } else if (c.path("ready").asBoolean() && state.has("running")) {
                    hasRunning = true;
                    ready++;
                }
            }
            if ("Completed".equals(reason) && hasRunning) {
                reason = hasCondition(status, "Ready") ? "Running" : "NotReady";
            }
        }
        if (Json.at(pod, "metadata", "deletionTimestamp") != null) {
            reason = "NodeLost".equals(status.path("reason").asText()) ? "Unknown" : "Terminating";
        }
        String ip = status.path("podIP").asText("");
        String gates = "<none>";
        JsonNode rg = spec.path("readinessGates");
        if (rg.size() > 0) {
            int ok = 0;
            for (JsonNode g : rg) {
                for (JsonNode cond : status.path("conditions")) {
                    if (cond.path("type").asText().equals(g.path("conditionType").asText())
                            && cond.path("status").asText().equals("True")) {
                        ok++;
                    }
                }
            }
            gates = ok + "/" + rg.size();
        }
        return new Object[] {name(pod), (ready + "/" + total).intern(), s(reason), String.valueOf(restarts).intern(), age(pod),
                ip.isEmpty() ? "<none>" : ip, s(textOrNull(spec.path("nodeName"))),
                s(textOrNull(status.path("nominatedNodeName"))), gates};
    }

    private static boolean hasCondition(JsonNode status, String type) {
        for (JsonNode c : status.path("conditions")) {
            if (c.path("type").asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "" : n.asText();
    }

    private static String textOrNull(JsonNode n) {
        return n.isMissingNode() || n.isNull() || n.asText().isEmpty() ? null : n.asText();
    }

    static String containers(JsonNode podSpec) {
        List<String> names = new ArrayList<>();
        for (JsonNode c : podSpec.path("containers")) {
            names.add(c.path("name").asText());
        }
        return String.join(",", names);
    }

    static String images(JsonNode podSpec) {
        List<String> names = new ArrayList<>();
        for (JsonNode c : podSpec.path("containers")) {
            names.add(c.path("image").asText());
        }
        return String.join(",", names);
    }

    static String selector(JsonNode sel) {
        if (sel == null || sel.isMissingNode() || sel.isNull()) {
            return "<none>";
        }
        List<String> parts = new ArrayList<>();
        Map<String, String> labels = new TreeMap<>();
        sel.path("matchLabels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        labels.forEach((k, v) -> parts.add(k + "=" + v));
        for (JsonNode e : sel.path("matchExpressions")) {
            List<String> vals = new ArrayList<>();
            e.path("values").forEach(v -> vals.add(v.asText()));
            String op = e.path("operator").asText();
            String key = e.path("key").asText();
            switch (op) {
                case "In" -> parts.add(key + " in (" + String.join(",", vals) + ")");
                case "NotIn" -> parts.add(key + " notin (" + String.join(",", vals) + ")");
                case "Exists" -> parts.add(key);
                case "DoesNotExist" -> parts.add("!" + key);
                default -> parts.add(key);
            }
        }
        return parts.isEmpty() ? "<none>" : String.join(",", parts);
    }

    private static String mapString(JsonNode m) {
        List<String> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = m.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            parts.add(e.getKey() + "=" + e.getValue().asText());
        }
        return parts.isEmpty() ? "<none>" : String.join(",", parts);
    }

    static final TablePrinter DEPLOYMENT = printer(List.of(c("Name", "string"), c("Ready", "string"),
            c("Up-to-date", "string"), c("Available", "string"), c("Age", "string"), w("Containers", "string"),
            w("Images", "string"), w("Selector", "string")), o -> {
        JsonNode st = o.path("status");
        JsonNode tpl = o.path("spec").path("template").path("spec");
        return new Object[] {name(o), st.path("readyReplicas").asLong() + "/" + num(o, "spec", "replicas"),
                st.path("updatedReplicas").asLong(), st.path("availableReplicas").asLong(), age(o), containers(tpl),
                images(tpl), selector(o.path("spec").path("selector"))};
    });

    static final TablePrinter REPLICASET = printer(List.of(c("Name", "string"), c("Desired", "integer"),
            c("Current", "integer"), c("Ready", "integer"), c("Age", "string"), w("Containers", "string"),
            w("Images", "string"), w("Selector", "string")), o -> {
        JsonNode st = o.path("status");
        JsonNode tpl = o.path("spec").path("template").path("spec");
        return new Object[] {name(o), num(o, "spec", "replicas"), st.path("replicas").asLong(),
                st.path("readyReplicas").asLong(), age(o), containers(tpl), images(tpl), selector(o.path("spec").path("selector"))};
    });

    static final TablePrinter STATEFULSET = printer(List.of(c("Name", "string"), c("Ready", "string"), c("Age", "string"),
            w("Containers", "string"), w("Images", "string")), o -> {
        JsonNode tpl = o.path("spec").path("template").path("spec");
        return new Object[] {name(o), num(o, "status", "readyReplicas") + "/" + num(o, "spec", "replicas"), age(o),
                containers(tpl), images(tpl)};
    });

    static final TablePrinter DAEMONSET = printer(List.of(c("Name", "string"), c("Desired", "integer"),
            c("Current", "integer"), c("Ready", "integer"), c("Up-to-date", "integer"), c("Available", "integer"),
            c("Node Selector", "string"), c("Age", "string"), w("Containers", "string"), w("Images", "string"),
            w("Selector", "string")), o -> {
        JsonNode st = o.path("status");
        JsonNode tpl = o.path("spec").path("template").path("spec");
        return new Object[] {name(o), st.path("desiredNumberScheduled").asLong(), st.path("currentNumberScheduled").asLong(),
                st.path("numberReady").asLong(), st.path("updatedNumberScheduled").asLong(), st.path("numberAvailable").asLong(),
                mapString(tpl.path("nodeSelector")), age(o), containers(tpl), images(tpl), selector(o.path("spec").path("selector"))};
    });

    static final TablePrinter JOB = printer(List.of(c("Name", "string"), c("Status", "string"), c("Completions", "string"),
            c("Duration", "string"), c("Age", "string"), w("Containers", "string"), w("Images", "string"),
            w("Selector", "string")), o -> {
        JsonNode st = o.path("status");
        JsonNode tpl = o.path("spec").path("template").path("spec");
        String status = "Running";
        for (JsonNode cond : st.path("conditions")) {
            if (cond.path("status").asText().equals("True")) {
                String t = cond.path("type").asText();
                if (t.equals("Complete")) {
                    status = "Complete";
                } else if (t.equals("Failed")) {
                    status = "Failed";
                } else if (t.equals("Suspended")) {
                    status = "Suspended";
                }
            }
        }
        long start = Json.millis(Json.str(st, "startTime"));
        long end = Json.millis(Json.str(st, "completionTime"));
        String duration = start == Long.MIN_VALUE ? "" : end == Long.MIN_VALUE ? "" : Durations.human(end - start);
        long completions = o.path("spec").has("completions") ? num(o, "spec", "completions") : 1;
        return new Object[] {name(o), status, st.path("succeeded").asLong() + "/" + completions, duration, age(o),
                containers(tpl), images(tpl), selector(o.path("spec").path("selector"))};
    });

    static final TablePrinter CRONJOB = printer(List.of(c("Name", "string"), c("Schedule", "string"),
            c("Timezone", "string"), c("Suspend", "boolean"), c("Active", "integer"), c("Last Schedule", "string"),
            c("Age", "string")), o -> {
        JsonNode spec = o.path("spec");
        long last = Json.millis(Json.str(o, "status", "lastScheduleTime"));
        return new Object[] {name(o), spec.path("schedule").asText(), s(textOrNull(spec.path("timeZone"))),
                spec.path("suspend").asBoolean(false) ? "True" : "False", (long) o.path("status").path("active").size(),
                last == Long.MIN_VALUE ? "<none>" : new Since(last), age(o)};
    });

    static final TablePrinter EVENT = printer(List.of(c("Last Seen", "string"), c("Type", "string"), c("Reason", "string"),
            c("Object", "string"), w("Subobject", "string"), w("Source", "string"), c("Message", "string"),
            w("First Seen", "string"), w("Count", "string"), w("Name", "string")), o -> {
        long first = Json.millis(Json.str(o, "firstTimestamp"));
        long last = Json.millis(Json.str(o, "lastTimestamp"));
        if (first == Long.MIN_VALUE) {
            first = Json.millis(Json.str(o, "eventTime"));
        }
        if (last == Long.MIN_VALUE) {
            last = first;
        }
        JsonNode io = o.path("involvedObject");
        String obj = io.path("kind").asText().toLowerCase() + "/" + io.path("name").asText();
        String source = o.path("source").path("component").asText(o.path("reportingComponent").asText(""));
        if (!o.path("source").path("host").asText("").isEmpty()) {
            source = source + ", " + o.path("source").path("host").asText();
        }
        long count = o.path("count").asLong(1);
        return new Object[] {new Since(last), s(textOrNull(o.path("type"))), s(textOrNull(o.path("reason"))), obj,
                io.path("fieldPath").asText(""), source, o.path("message").asText(""), new Since(first),
                String.valueOf(count), name(o)};
    });

    static final TablePrinter EVENT_V1 = printer(List.of(c("Last Seen", "string"), c("Type", "string"),
            c("Reason", "string"), c("Object", "string"), c("Message", "string")), o -> {
        long t = Json.millis(Json.str(o, "deprecatedLastTimestamp"));
        if (t == Long.MIN_VALUE) {
            t = Json.millis(Json.str(o, "eventTime"));
        }
        JsonNode r = o.path("regarding");
        return new Object[] {new Since(t), s(textOrNull(o.path("type"))), s(textOrNull(o.path("reason"))),
                r.path("kind").asText().toLowerCase() + "/" + r.path("name").asText(), o.path("note").asText("")};
    });

    static final TablePrinter NAMESPACE = printer(List.of(c("Name", "string"), c("Status", "string"), c("Age", "string")),
            o -> new Object[] {name(o), s(textOrNull(o.path("status").path("phase"))), age(o)});

    static final TablePrinter NODE = printer(List.of(c("Name", "string"), c("Status", "string"), c("Roles", "string"),
            c("Age", "string"), c("Version", "string"), w("Internal-IP", "string"), w("External-IP", "string"),
            w("OS-Image", "string"), w("Kernel-Version", "string"), w("Container-Runtime", "string")), o -> {
        String status = "Unknown";
        for (JsonNode cond : o.path("status").path("conditions")) {
            if (cond.path("type").asText().equals("Ready")) {
                status = cond.path("status").asText().equals("True") ? "Ready" : "NotReady";
            }
        }
        if (o.path("spec").path("unschedulable").asBoolean(false)) {
            status += ",SchedulingDisabled";
        }
        List<String> roles = new ArrayList<>();
        o.path("metadata").path("labels").fieldNames().forEachRemaining(k -> {
            if (k.startsWith("node-role.kubernetes.io/")) {
                roles.add(k.substring("node-role.kubernetes.io/".length()));
            }
        });
        String internal = "<none>";
        String external = "<none>";
        for (JsonNode a : o.path("status").path("addresses")) {
            if (a.path("type").asText().equals("InternalIP")) {
                internal = a.path("address").asText();
            } else if (a.path("type").asText().equals("ExternalIP")) {
                external = a.path("address").asText();
            }
        }
        JsonNode ni = o.path("status").path("nodeInfo");
        return new Object[] {name(o), status, roles.isEmpty() ? "<none>" : String.join(",", roles), age(o),
                ni.path("kubeletVersion").asText(""), internal, external, ni.path("osImage").asText(""),
                ni.path("kernelVersion").asText(""), ni.path("containerRuntimeVersion").asText("")};
    });

    static final TablePrinter SECRET = printer(List.of(c("Name", "string"), c("Type", "string"), c("Data", "string"),
            c("Age", "string")), o -> new Object[] {name(o), o.path("type").asText("Opaque"),
            (long) (o.path("data").size() + o.path("stringData").size()), age(o)});

    static final TablePrinter SERVICEACCOUNT = printer(List.of(c("Name", "string"), c("Secrets", "string"),
            c("Age", "string")), o -> new Object[] {name(o), (long) o.path("secrets").size(), age(o)});

    static final TablePrinter CONFIGMAP = printer(List.of(c("Name", "string"), c("Data", "string"), c("Age", "string")),
            o -> new Object[] {name(o), (long) (o.path("data").size() + o.path("binaryData").size()), age(o)});
}
