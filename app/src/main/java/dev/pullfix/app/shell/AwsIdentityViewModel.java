package dev.pullfix.app.shell;

import dev.pullfix.app.activity.ActivityViewModel;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.model.aws.AwsProblem;
import dev.pullfix.model.aws.AwsResult;
import dev.pullfix.model.aws.CallerIdentity;
import dev.pullfix.model.cluster.ContextInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The AWS side of the top bar: the profiles of the shared config and credentials files, the chosen profile and
 * region (remembered; an EKS context fills them in), and who those credentials are ({@code sts get-caller-identity},
 * asked in a task whenever they change). No {@code javafx.scene}.
 */
public final class AwsIdentityViewModel {
    private final TaskRunner tasks;
    private final WorkbenchBackend backend;
    private final I18n i18n;
    private final SettingsViewModel settings;
    private final ActivityViewModel activity;

    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedProfile = new SimpleObjectProperty<>();
    private final StringProperty region = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper whoAmI = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper profileInUse = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper whoAmIFailed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper changes = new ReadOnlyIntegerWrapper();
    private boolean applying;
    private boolean chosen;
    private TaskRunner.Handle whoTask;

    public AwsIdentityViewModel(TaskRunner tasks, WorkbenchBackend backend, I18n i18n, SettingsViewModel settings,
                                ActivityViewModel activity) {
        this.tasks = tasks;
        this.backend = backend;
        this.i18n = i18n;
        this.settings = settings;
        this.activity = activity;
        selectedProfile.addListener((o, a, b) -> changed());
        region.addListener((o, a, b) -> changed());
    }

    // ------------------------------------------------------------------ state

    public ObservableList<String> profiles() {
        return profiles;
    }

    public ObjectProperty<String> selectedProfileProperty() {
        return selectedProfile;
    }

    public StringProperty regionProperty() {
        return region;
    }

    /** The profile AWS calls use while none is picked (AWS_PROFILE or default), for the empty box; may be null. */
    public ReadOnlyStringProperty profileInUseProperty() {
        return profileInUse.getReadOnlyProperty();
    }

    /** The STS identity line (or why it is unknown); null before anything was asked. */
    public ReadOnlyStringProperty whoAmIProperty() {
        return whoAmI.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty whoAmIFailedProperty() {
        return whoAmIFailed.getReadOnlyProperty();
    }

    /** Ticks once per settled change of profile or region (AWS sessions opened for the old ones are stale). */
    public ReadOnlyIntegerProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------ commands

    /** Lists the profiles in a task; restores the remembered profile and region unless a context chose them. */
    public void loadProfiles() {
        tasks.submit("aws configure list-profiles", () -> new Profiles(backend.awsProfiles(), backend.awsProfileInUse()),
                this::profilesLoaded, e -> profilesLoaded(new Profiles(List.of(), null)));
    }

    private record Profiles(List<String> names, String inUse) {
    }

    private void profilesLoaded(Profiles loaded) {
        List<String> names = loaded.names();
        profileInUse.set(loaded.inUse());
        Set<String> all = new LinkedHashSet<>(names);
        if (selectedProfile.get() != null) {
            all.add(selectedProfile.get()); // a context's profile stays offered even if the files do not name it
        }
        profiles.setAll(all);
        if (chosen) {
            return;
        }
        String last = settings.current().lastProfile();
        String lastRegion = settings.current().lastRegion();
        boolean known = last != null && profiles.contains(last);
        if (known || lastRegion != null) {
            choose(known ? last : selectedProfile.get(), lastRegion != null ? lastRegion : region.get());
        }
    }

    /** An EKS context names its profile and region (from its credential plugin's arguments): use them. */
    public void useContext(ContextInfo info) {
        if (info == null || info.eks() == null) {
            return;
        }
        String profile = info.eks().profile() != null ? info.eks().profile() : selectedProfile.get();
        if (profile != null && !profiles.contains(profile)) {
            profiles.add(profile);
        }
        choose(profile, info.eks().region() != null ? info.eks().region() : region.get());
    }

    /** Sets both at once and asks STS once. */
    private void choose(String profile, String r) {
        applying = true;
        try {
            selectedProfile.set(profile);
            region.set(r == null ? "" : r);
        } finally {
            applying = false;
        }
        changed();
    }

    private void changed() {
        if (applying) {
            return;
        }
        chosen = chosen || selectedProfile.get() != null || !region.get().isBlank();
        String profile = selectedProfile.get();
        String r = region.get();
        settings.update(s -> s.withAws(profile, r));
        changes.set(changes.get() + 1);
        if (whoTask != null) {
            whoTask.cancel();
        }
        whoAmI.set(i18n.t("top.whoami.asking"));
        whoAmIFailed.set(false);
        whoTask = tasks.submit("sts get-caller-identity", () -> backend.whoAmI(profile, r), this::identity, e -> {
            whoAmI.set(i18n.t("top.whoami.failed"));
            whoAmIFailed.set(true);
        });
    }

    private void identity(AwsResult<CallerIdentity> r) {
        if (r.isOk()) {
            whoAmI.set(r.value().arn());
            whoAmIFailed.set(false);
            activity.log(i18n.t("log.whoami", r.value().arn()));
        } else {
            AwsProblem p = r.problem().orElseThrow();
            whoAmI.set(i18n.find("aws", p.messageCode(), p.messageArgs().toArray()).orElse(p.kind().name()));
            whoAmIFailed.set(true);
            activity.log(i18n.t("log.whoamiFailed", whoAmI.get()));
        }
    }
}
