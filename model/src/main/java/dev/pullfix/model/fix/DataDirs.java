package dev.pullfix.model.fix;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where Pullfix keeps the user's backups, audit log and settings: never inside the installation. */
public final class DataDirs {
    private DataDirs() {}

    /** {@code PULLFIX_DATA_DIR} if set; else the OS convention (XDG on Linux). */
    public static Path userData() {
        return userData(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    static Path userData(Map<String, String> env, String osName, Path home) {
        String override = env.get("PULLFIX_DATA_DIR");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "Pullfix") : home.resolve("AppData/Roaming/Pullfix");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/Pullfix");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("pullfix");
    }
}
