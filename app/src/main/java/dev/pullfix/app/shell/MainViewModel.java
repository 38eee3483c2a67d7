package dev.pullfix.app.shell;

import dev.pullfix.app.activity.ActivityViewModel;
import dev.pullfix.app.common.DialogService;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.LabLauncher;
import dev.pullfix.app.podtree.FailingPodsViewModel;
import dev.pullfix.app.podtree.PodTreeViewModel;
import dev.pullfix.app.wizard.WizardViewModel;
import dev.pullfix.model.cluster.PodInfo;

/**
 * The main window as a whole: the view-models of its parts (connection, AWS identity, pod tree and failing list, the
 * selected pod's details, the wizard, the activity log, the settings), joined so that choosing a context fills in its
 * AWS profile, opening a cluster chooses its first failing pod, and choosing a pod shows its details and starts its
 * diagnosis. {@link WorkbenchAssembly} builds one. No
 * {@code javafx.scene}.
 */
public final class MainViewModel {
    private final I18n i18n;
    private final DialogService dialogs;
    private final LabLauncher lab;
    private final SettingsViewModel settings;
    private final ActivityViewModel activity;
    private final ConnectionViewModel connection;
    private final AwsIdentityViewModel aws;
    private final PodTreeViewModel podTree;
    private final FailingPodsViewModel failing;
    private final PodDetailsViewModel details;
    private final WizardViewModel wizard;
    private final AutoCloseable owned;
    private static final int MAX_RETRIES = 3;
    private int retries;

    /**
     * @param owned what the window owns besides its view-models (the diagnosis engine); closed by {@link #shutdown}
     */
    public MainViewModel(I18n i18n, DialogService dialogs, LabLauncher lab, SettingsViewModel settings,
                         ActivityViewModel activity, ConnectionViewModel connection, AwsIdentityViewModel aws,
                         PodTreeViewModel podTree, FailingPodsViewModel failing, PodDetailsViewModel details,
                         WizardViewModel wizard, AutoCloseable owned) {
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.lab = lab;
        this.settings = settings;
        this.activity = activity;
        this.connection = connection;
        this.aws = aws;
        this.podTree = podTree;
        this.failing = failing;
        this.details = details;
        this.wizard = wizard;
        this.owned = owned;
        connection.contextInfoProperty().addListener((o, a, b) -> aws.useContext(b));
        podTree.selectedPodProperty().addListener((o, a, b) -> podSelected(a, b));
        wizard.diagnosisProperty().addListener((o, a, d) -> {
            if (d != null) {
                failing.causeFound(d.namespace() + "/" + d.pod(), wizard.text().causeName(d));
            }
        });
        podTree.loadedProperty().addListener((o, a, b) -> {
            if (b) {
                chooseFirstFailing();
            }
        });
    }

    // ------------------------------------------------------------------ parts

    public I18n i18n() {
        return i18n;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public ActivityViewModel activity() {
        return activity;
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    public AwsIdentityViewModel aws() {
        return aws;
    }

    public PodTreeViewModel podTree() {
        return podTree;
    }

    /** The failing pods as a flat, sortable list. */
    public FailingPodsViewModel failing() {
        return failing;
    }

    public PodDetailsViewModel details() {
        return details;
    }

    public WizardViewModel wizard() {
        return wizard;
    }

    public boolean labAvailable() {
        return lab.available();
    }

    // ------------------------------------------------------------------ commands

    /** Reads the AWS profiles and the kubeconfig (in tasks), then connects to the last (or current) context. */
    public void start() {
        aws.loadProfiles();
        connection.start();
    }

    /** Lists again. */
    public void refresh() {
        connection.refresh();
    }

    /** Cancels the running long call and the running diagnosis. */
    public void cancel() {
        connection.cancel();
        wizard.cancel();
    }

    /** Opens the practice lab (picks a scenario, starts it, points the window at it). */
    public void openLab() {
        if (!lab.available()) {
            dialogs.notifyInfo(i18n.t("lab.title"), i18n.t("lab.unavailable"));
            return;
        }
        try {
            lab.open();
            activity.log(i18n.t("log.lab"));
        } catch (RuntimeException e) {
            activity.failed(i18n.t("lab.title"), e);
        }
    }

    /** Stops everything the window started: the diagnosis, the live session (closed in a task), the engine. */
    public void shutdown() {
        wizard.cancel();
        connection.shutdown();
        try {
            owned.close();
        } catch (Exception e) {
            activity.log(i18n.t("log.taskFailed", "shutdown", activity.errors().describe(e)));
        }
    }

    /**
     * When a cluster is opened with failing pods and nothing is chosen yet, the first failing pod is chosen, so its
     * diagnosis starts without a click.
     */
    private void chooseFirstFailing() {
        if (podTree.selectedRowProperty().get() == null) {
            var first = podTree.nextFailing(null, true);
            if (first != null) {
                podTree.selectedRowProperty().set(first);
            }
        }
    }

    /**
     * A diagnosis that found no cause may have run before the kubelet said anything (a pod chosen the moment it
     * appeared): when the pod's failure message changes, it runs again, a few times at most.
     */
    private void retryWhenNothingWasFound(PodInfo before, PodInfo after) {
        boolean nothingFound = wizard.diagnosisProperty().get() != null && wizard.conclusionProperty().get() == null
                && wizard.afterFixProperty().get() == null;
        if (nothingFound && after.failing() && retries < MAX_RETRIES
                && !java.util.Objects.equals(before.failureMessage(), after.failureMessage())) {
            retries++;
            activity.log(i18n.t("log.rediagnose", after.key()));
            wizard.diagnoseAgain();
        }
    }

    private void podSelected(PodInfo before, PodInfo after) {
        if (after == null) {
            details.show(null);
            wizard.show(null);
            return;
        }
        if (before != null && before.key().equals(after.key())) {
            details.follow(after); // the Events and YAML tabs follow the live pod
            if (before.failing() && !after.failing() && wizard.conclusionProperty().get() != null
                    && !wizard.verifyingProperty().get()) {
                // recovered (fixed elsewhere, or the kubelet's retry pulled): no red cause left under a running pod
                activity.log(i18n.t("log.recovered", after.key()));
                wizard.diagnoseAgain();
                return;
            }
            retryWhenNothingWasFound(before, after);
            return; // a live update of the same pod: keep the wizard where the user is
        }
        retries = 0;
        wizard.show(after);
        details.show(after);
    }
}
