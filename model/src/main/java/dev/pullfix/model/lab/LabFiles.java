package dev.pullfix.model.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * The lab's folder and files (kubeconfig with the API server's token, AWS config and credentials, env.sh): readable
 * by their owner only where the file system knows POSIX permissions, and deleted when the lab stops.
 */
final class LabFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private LabFiles() {
    }

    /** A new {@code pullfix-lab-*} folder in the temp directory, owner-only. */
    static Path ownerOnlyTempDirectory() throws IOException {
        return POSIX ? Files.createTempDirectory("pullfix-lab-", dirPermissions())
                : Files.createTempDirectory("pullfix-lab-");
    }

    /** {@code dir} (and missing parents); a folder it creates itself is owner-only. */
    static Path ownerOnlyDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        if (dir.getParent() != null) {
            Files.createDirectories(dir.getParent());
        }
        return POSIX ? Files.createDirectory(dir, dirPermissions()) : Files.createDirectory(dir);
    }

    /** Writes {@code text} (UTF-8) to {@code file}, which only its owner may read or write. */
    static void writeOwnerOnly(Path file, String text) throws IOException {
        if (POSIX && !Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * Deletes {@code files}; then {@code dir} with whatever is left in it when {@code wholeDir} (the lab made it); a
     * folder the user named stays. Best effort: a file that cannot be deleted is left, never thrown about.
     */
    static void delete(Path dir, List<Path> files, boolean wholeDir) {
        for (Path f : files) {
            quietly(f);
        }
        if (wholeDir) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(LabFiles::quietly);
            } catch (IOException | RuntimeException e) {
                quietly(dir);
            }
        }
    }

    private static void quietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException | RuntimeException e) {
            // left behind; nothing a user can do about it here
        }
    }

    private static FileAttribute<?> dirPermissions() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    }
}
