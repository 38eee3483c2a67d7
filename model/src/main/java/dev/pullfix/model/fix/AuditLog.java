package dev.pullfix.model.fix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Append-only audit log, one JSON object per line in {@code <data>/audit.jsonl}: who, what, when, where,
 * before, after, outcome. Secrets are masked before anything is written.
 */
public final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public AuditLog(Path dataDir) {
        this.file = dataDir.resolve("audit.jsonl");
    }

    public Path file() {
        return file;
    }

    /** One audit entry. {@code before}/{@code after} are already masked. */
    public record Entry(Instant time, String actor, String action, String kind, String target, String summary,
                        String before, String after, String backupId, String outcome) {}

    public synchronized void append(Entry e) throws FixException {
        ObjectNode n = JSON.createObjectNode();
        n.put("time", e.time().toString());
        n.put("actor", e.actor());
        n.put("action", e.action());
        n.put("kind", e.kind());
        n.put("target", e.target());
        n.put("summary", e.summary());
        n.put("before", e.before());
        n.put("after", e.after());
        n.put("backupId", e.backupId());
        n.put("outcome", e.outcome());
        try {
            Files.createDirectories(file.getParent());
            // every field masked by the secret registry and secret patterns before it is written
            Files.writeString(file, JSON.writeValueAsString(dev.pullfix.model.secret.Redactor.redact(n)) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException ex) {
            throw new FixException("Could not append to the audit log " + file + ": " + ex.getMessage(), ex);
        }
    }

    public List<Entry> read() throws FixException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                out.add(new Entry(Instant.parse(n.path("time").asText()), n.path("actor").asText(),
                        n.path("action").asText(), n.path("kind").asText(), n.path("target").asText(),
                        n.path("summary").asText(), n.path("before").isNull() ? null : n.path("before").asText(),
                        n.path("after").isNull() ? null : n.path("after").asText(),
                        n.path("backupId").isNull() ? null : n.path("backupId").asText(), n.path("outcome").asText()));
            }
        } catch (IOException e) {
            throw new FixException("Could not read the audit log " + file + ": " + e.getMessage(), e);
        }
        return out;
    }
}
