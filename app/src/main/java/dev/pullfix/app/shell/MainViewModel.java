package dev.pullfix.app.shell;

import dev.pullfix.app.common.TaskRunner;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the main window: what the top bar pickers hold, the tree filter, the connection state and the
 * activity log. No {@code javafx.scene} here; the view binds to it.
 */
public final class MainViewModel {

    /** Where the window's data comes from. */
    public enum Connection { NOT_CONNECTED, CONNECTING, CONNECTED, LAB, ERROR }

    private final TaskRunner tasks;
    private final ObservableList<String> contexts = FXCollections.observableArrayList();
    private final StringProperty selectedContext = new SimpleStringProperty();
    private final StringProperty namespaceFilter = new SimpleStringProperty("");
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final StringProperty selectedProfile = new SimpleStringProperty();
    private final StringProperty region = new SimpleStringProperty();
    private final StringProperty searchText = new SimpleStringProperty("");
    private final BooleanProperty failingOnly = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Connection> connection = new ReadOnlyObjectWrapper<>(Connection.NOT_CONNECTED);
    private final ObjectProperty<String> whoAmI = new SimpleObjectProperty<>();
    private final ObservableList<String> activity = FXCollections.observableArrayList();

    public MainViewModel(TaskRunner tasks) {
        this.tasks = tasks;
    }

    public ObservableList<String> contexts() {
        return contexts;
    }

    public StringProperty selectedContextProperty() {
        return selectedContext;
    }

    public StringProperty namespaceFilterProperty() {
        return namespaceFilter;
    }

    public ObservableList<String> profiles() {
        return profiles;
    }

    public StringProperty selectedProfileProperty() {
        return selectedProfile;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public BooleanProperty failingOnlyProperty() {
        return failingOnly;
    }

    public ReadOnlyObjectProperty<Connection> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ObjectProperty<String> whoAmIProperty() {
        return whoAmI;
    }

    /** What the app did, newest last: shown in the activity tab. */
    public ObservableList<String> activity() {
        return activity;
    }

    public void log(String line) {
        activity.add(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "  " + line);
        if (activity.size() > 2000) {
            activity.remove(0, activity.size() - 2000);
        }
    }

    void setConnection(Connection c) {
        connection.set(c);
    }

    TaskRunner tasks() {
        return tasks;
    }
}
