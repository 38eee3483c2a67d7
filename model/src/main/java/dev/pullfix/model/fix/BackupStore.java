package dev.pullfix.model.fix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Backups as one JSON file each under {@code <data>/backups/<target key>/}, written atomically. */
public final class BackupStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private final Path root;

    public BackupStore(Path dataDir) {
        this.root = dataDir.resolve("backups");
    }

    public Backup save(Target target, String kind, Instant time, StateText before, List<String> secrets)
            throws FixException {
        Path dir = root.resolve(target.key());
        String base = STAMP.format(time) + "-" + kind;
        String id = base;
        for (int i = 2; Files.exists(dir.resolve(id + ".json")); i++) {
            id = base + "-" + i; // never overwrite an earlier backup taken in the same millisecond
        }
        Path file = dir.resolve(id + ".json");
        ObjectNode n = JSON.createObjectNode();
        n.put("id", id);
        n.put("system", target.system());
        n.put("location", target.location());
        n.put("kind", kind);
        n.put("time", time.toString());
        n.put("absent", before.isAbsent());
        before.text().ifPresent(t -> n.put("before",
                dev.pullfix.model.secret.Secrets.process().mask(Redaction.mask(t, secrets))));
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, base, ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), n);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new FixException("Could not write the backup to " + file + ": " + e.getMessage(), e);
        }
        return new Backup(id, target, kind, time, before, file);
    }

    /** Backups of one target, newest first. */
    public List<Backup> list(Target target) throws FixException {
        Path dir = root.resolve(target.key());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Backup> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                read(f).ifPresent(out::add);
            }
        } catch (IOException e) {
            throw new FixException("Could not read backups in " + dir + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(Backup::time).thenComparing(b -> b.file().getFileName().toString().length())
                .thenComparing(b -> b.file().getFileName().toString()).reversed());
        return out;
    }

    public Optional<Backup> latest(Target target) throws FixException {
        return list(target).stream().findFirst();
    }

    /** Every backup of every target, newest first ({@code pullfix undo} without an id takes the first). */
    public List<Backup> all() throws FixException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Backup> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path f : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                        read(f).ifPresent(out::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new FixException("Could not read backups in " + root + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(Backup::time).thenComparing(b -> b.file().getFileName().toString().length())
                .thenComparing(b -> b.file().getFileName().toString()).reversed());
        return out;
    }

    /** The backup with this id, whatever its target. */
    public Optional<Backup> find(String id) throws FixException {
        return all().stream().filter(b -> b.id().equals(id)).findFirst();
    }

    private static Optional<Backup> read(Path f) {
        try {
            ObjectNode n = (ObjectNode) JSON.readTree(f.toFile());
            StateText before = n.path("absent").asBoolean() ? StateText.absent() : StateText.of(n.path("before").asText());
            return Optional.of(new Backup(n.path("id").asText(), new Target(n.path("system").asText(),
                    n.path("location").asText()), n.path("kind").asText(), Instant.parse(n.path("time").asText()),
                    before, f));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
