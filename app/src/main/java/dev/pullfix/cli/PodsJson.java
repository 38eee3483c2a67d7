package dev.pullfix.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.pullfix.model.cluster.ClusterSnapshot;
import dev.pullfix.model.cluster.ContainerInfo;
import dev.pullfix.model.cluster.NamespaceNode;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.cluster.WorkloadNode;
import dev.pullfix.model.secret.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Writes {@code pods --json} (namespaces > workloads > pods > containers, the fields {@link PodsCommand}'s help
 * lists) straight from the snapshot onto the output, one token at a time: no record copy of the tree, no JSON tree,
 * no string of the whole document, whatever the number of pods. The same text as {@link Output#printJson} would
 * print for that document: indented alike, every string masked ({@link Redactor#redact(String)}, each distinct
 * string once) and third-party messages made safe ({@link Output#untrusted}).
 */
final class PodsJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    /** Repeated strings (images, namespaces, statuses, nodes) are masked once; a cap keeps unique ones from piling up. */
    private static final int MEMO_LIMIT = 20_000;

    private final JsonGenerator g;
    private final Map<String, String> masked = new HashMap<>();
    private final Map<String, String> madeSafe = new HashMap<>();

    private PodsJson(Writer out) throws IOException {
        this.g = FACTORY.createGenerator(out).setPrettyPrinter(new DefaultPrettyPrinter());
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Writes the document and a line break; flushes. */
    static void write(ClusterSnapshot s, Writer out) {
        try {
            PodsJson w = new PodsJson(out);
            w.document(s);
            w.g.flush();
            out.write(System.lineSeparator());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void document(ClusterSnapshot s) throws IOException {
        g.writeStartObject();
        string("context", s.context());
        string("takenAt", s.takenAt().toString());
        g.writeBooleanField("clusterWide", s.clusterWide());
        string("resourceVersion", s.resourceVersion());
        g.writeArrayFieldStart("skippedNamespaces");
        for (String ns : s.skippedNamespaces()) {
            g.writeString(mask(ns));
        }
        g.writeEndArray();
        g.writeObjectFieldStart("summary");
        g.writeNumberField("pods", s.podCount());
        g.writeNumberField("failingPods", s.failingPodCount());
        g.writeEndObject();
        g.writeArrayFieldStart("namespaces");
        for (NamespaceNode n : s.namespaces()) {
            namespace(n);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void namespace(NamespaceNode n) throws IOException {
        g.writeStartObject();
        string("name", n.name());
        g.writeNumberField("podCount", n.pods());
        g.writeNumberField("failingPods", n.failingPods());
        g.writeNumberField("failingWorkloads", n.failingWorkloads());
        g.writeArrayFieldStart("workloads");
        for (WorkloadNode w : n.workloads()) {
            g.writeStartObject();
            string("kind", w.ref().kind());
            string("name", w.ref().name());
            g.writeNumberField("podCount", w.pods().size());
            g.writeNumberField("failingPods", w.failingPods());
            g.writeArrayFieldStart("pods");
            for (PodInfo p : w.pods()) {
                pod(p);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void pod(PodInfo p) throws IOException {
        g.writeStartObject();
        string("name", p.name());
        string("uid", p.uid());
        string("phase", p.phase());
        string("status", p.status());
        string("ready", p.ready());
        g.writeNumberField("restarts", p.restarts());
        string("node", p.node());
        string("created", p.created() == null ? null : p.created().toString());
        g.writeBooleanField("failing", p.failing());
        string("failure", p.failure() == null ? null : p.failure().reason());
        string("failureMessage", untrusted(p.failureMessage()));
        g.writeArrayFieldStart("containers");
        for (ContainerInfo c : p.containers()) {
            g.writeStartObject();
            string("name", c.name());
            string("kind", c.kind().name().toLowerCase(Locale.ROOT));
            string("image", c.image());
            string("imagePullPolicy", c.imagePullPolicy());
            string("state", c.state().name().toLowerCase(Locale.ROOT));
            string("reason", c.reason());
            string("message", untrusted(c.message()));
            g.writeNumberField("restartCount", c.restartCount());
            g.writeBooleanField("ready", c.ready());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void string(String field, String value) throws IOException {
        g.writeFieldName(field);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(mask(value));
        }
    }

    private String mask(String value) {
        return memo(masked, value, Redactor::redact);
    }

    private String untrusted(String text) {
        return text == null ? null : memo(madeSafe, text, Output::untrusted);
    }

    private static String memo(Map<String, String> memo, String value, UnaryOperator<String> f) {
        String m = memo.get(value);
        if (m == null) {
            m = f.apply(value);
            if (memo.size() < MEMO_LIMIT) {
                memo.put(value, m);
            }
        }
        return m;
    }
}
