package dev.pullfix.app.shell;

import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.model.settings.SettingsStore;
import dev.pullfix.model.settings.UserSettings;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The user's settings as the window holds them (theme, language, last context and AWS choice, layout). Every change
 * is saved in a task, never on the UI thread; saves run one at a time, and changes made meanwhile are saved right
 * after, so the file always ends with the latest settings.
 */
public final class SettingsViewModel {
    private final TaskRunner tasks;
    private final SettingsStore store;
    private UserSettings current;
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<String> language = new ReadOnlyObjectWrapper<>();
    private boolean saving;
    private boolean dirty;

    /** @param loaded the settings read at start ({@link #load}) */
    public SettingsViewModel(TaskRunner tasks, SettingsStore store, UserSettings loaded) {
        this.tasks = tasks;
        this.store = store;
        this.current = loaded;
        dark.set("dark".equals(loaded.theme()));
        language.set(loaded.language() == null ? "auto" : loaded.language());
        dark.addListener((o, a, b) -> update(s -> s.withTheme(b ? "dark" : "light")));
    }

    /** Reads the settings file in a task and hands the settings to {@code then} on the UI thread. */
    public static void load(TaskRunner tasks, SettingsStore store, Consumer<UserSettings> then) {
        tasks.submit("read settings", store::load, then, e -> then.accept(UserSettings.defaults()));
    }

    public UserSettings current() {
        return current;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** auto, en or ja. */
    public ReadOnlyObjectProperty<String> languageProperty() {
        return language.getReadOnlyProperty();
    }

    public void setLanguage(String lang) {
        language.set(lang);
        update(s -> s.withLanguage(lang));
    }

    /** Remembers the window layout (the view calls it on close). */
    public void rememberLayout(double x, double y, double w, double h, double tree, double bottom) {
        update(s -> s.withWindow(x, y, w, h, tree, bottom));
    }

    /** Changes the settings and saves them in a task. */
    public void update(UnaryOperator<UserSettings> change) {
        current = change.apply(current);
        if (saving) {
            dirty = true;
        } else {
            save();
        }
    }

    /** Whether a save is running or waiting. */
    public boolean saving() {
        return saving;
    }

    private void save() {
        saving = true;
        dirty = false;
        UserSettings snapshot = current;
        tasks.submit("write settings", () -> {
            store.save(snapshot);
            return snapshot;
        }, x -> saved(), e -> saved());
    }

    private void saved() {
        saving = false;
        if (dirty) {
            save();
        }
    }
}
