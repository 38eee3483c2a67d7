package dev.pullfix.cli;

import dev.pullfix.model.fix.AuditLog;
import dev.pullfix.model.fix.BackupStore;
import dev.pullfix.model.fix.DataDirs;
import dev.pullfix.model.fix.WritePath;
import dev.pullfix.model.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/**
 * The options of the commands that write ({@code fix}, {@code undo}): confirmation, read-only mode and where backups
 * and the audit log live; and the one write path they go through.
 */
public final class WriteOptions {
    @Option(names = {"-y", "--yes"}, description = "Apply without asking (scripts). Without it Pullfix asks "
            + "\"Apply? [y/N]\" on the terminal, and with no terminal writes nothing.")
    boolean yes;

    @Option(names = "--read-only", description = "Refuse to write (also set by the workbench's read-only setting).")
    boolean readOnly;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where backups and the audit log are kept "
            + "(default: PULLFIX_DATA_DIR, else the user's data folder, e.g. ~/.local/share/pullfix).")
    Path dataDir;

    public boolean yes() {
        return yes;
    }

    public Path dataDir() {
        return dataDir != null ? dataDir : DataDirs.userData();
    }

    /** Read-only when asked here, on the command line before the command, or in the workbench's settings. */
    public boolean readOnly(boolean fromParent) {
        if (readOnly || fromParent) {
            return true;
        }
        try {
            return new SettingsStore(dataDir()).load().readOnly();
        } catch (RuntimeException e) {
            return false; // unreadable settings: the command line's own flags decide
        }
    }

    /** The one write path: backups and audit in the data folder, the actor naming the user and the context. */
    public WritePath writePath(String command, String context, boolean readOnlyFromParent) {
        Path data = dataDir();
        String user = System.getProperty("user.name", "unknown");
        return new WritePath(new BackupStore(data), new AuditLog(data), Clock.systemUTC(),
                user + " (" + command + ", context " + context + ")", readOnly(readOnlyFromParent));
    }
}
