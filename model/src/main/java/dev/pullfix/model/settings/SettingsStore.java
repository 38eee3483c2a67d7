package dev.pullfix.model.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes {@code settings.json} in the user's data folder; a broken file falls back to defaults. */
public final class SettingsStore {
    /** Made on first use: a first start (no settings file yet) loads no Jackson before its window is up. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);
    }

    private final Path file;

    public SettingsStore(Path dataDir) {
        this.file = dataDir.resolve("settings.json");
    }

    public UserSettings load() {
        if (!Files.exists(file)) {
            return UserSettings.defaults();
        }
        try {
            UserSettings s = Mapper.JSON.readValue(file.toFile(), UserSettings.class);
            UserSettings d = UserSettings.defaults();
            return new UserSettings(s.lastContext(), s.lastProfile(), s.lastRegion(),
                    s.language() == null ? d.language() : s.language(), s.theme() == null ? d.theme() : s.theme(),
                    s.readOnly(), s.windowX(), s.windowY(), s.windowWidth(), s.windowHeight(), s.treeDivider(),
                    s.bottomDivider());
        } catch (IOException e) {
            return UserSettings.defaults();
        }
    }

    public void save(UserSettings s) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "settings", ".tmp");
        Mapper.JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), s);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
