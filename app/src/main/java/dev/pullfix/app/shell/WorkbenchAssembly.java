package dev.pullfix.app.shell;

import dev.pullfix.app.activity.ActivityViewModel;
import dev.pullfix.app.common.CauseNames;
import dev.pullfix.app.common.DialogService;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.LabLauncher;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.app.common.UiBridge;
import dev.pullfix.app.podtree.FailingPodsViewModel;
import dev.pullfix.app.podtree.PodTreeViewModel;
import dev.pullfix.app.wizard.RunbookDiagnoser;
import dev.pullfix.app.wizard.WizardViewModel;
import dev.pullfix.model.connect.Workspace;
import dev.pullfix.model.settings.SettingsStore;
import dev.pullfix.model.settings.UserSettings;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds the main window's view-models over one backend: one activity log that every task failure is reported to
 * (the runner handed to the parts says so), the settings, the connection, the AWS identity, the pod tree and
 * details, and the wizard over the model's diagnosis service.
 */
public final class WorkbenchAssembly {
    private WorkbenchAssembly() {
    }

    /**
     * @param runner       the application's task runner (not closed here)
     * @param settings     the settings read at start
     * @param checkTimeout the longest one runbook check or AWS call may take
     */
    public static MainViewModel assemble(TaskRunner runner, UiBridge bridge, DialogService dialogs, I18n i18n,
                                         WorkbenchBackend backend, SettingsStore store, UserSettings settings,
                                         LabLauncher lab, Duration checkTimeout) {
        ActivityViewModel activity = new ActivityViewModel(i18n, dialogs, Clock.systemDefaultZone());
        TaskRunner tasks = runner.reportingFailuresTo(activity::taskFailed);
        SettingsViewModel prefs = new SettingsViewModel(tasks, store, settings);
        PodTreeViewModel podTree = new PodTreeViewModel();
        CauseNames causes = new CauseNames(i18n);
        FailingPodsViewModel failing = new FailingPodsViewModel(podTree, p -> {
            var guess = causes.guess(p);
            return guess == null ? null : causes.name(guess.name());
        });
        ConnectionViewModel connection = new ConnectionViewModel(tasks, bridge, backend, i18n, prefs, activity, podTree);
        AwsIdentityViewModel aws = new AwsIdentityViewModel(tasks, backend, i18n, prefs, activity);
        PodDetailsViewModel details = new PodDetailsViewModel(tasks, i18n, activity, connection::session);
        RunbookDiagnoser runbooks = new RunbookDiagnoser(() -> target(connection, aws, backend), checkTimeout);
        WizardViewModel wizard = new WizardViewModel(tasks, bridge, dialogs, runbooks, i18n, activity::log);
        // AWS sessions opened for the old context or profile/region are closed off the UI thread
        Runnable forgetAws = () -> tasks.run("close AWS sessions", runbooks::forgetAws);
        connection.sessionProperty().addListener(o -> forgetAws.run());
        aws.changesProperty().addListener(o -> forgetAws.run());
        return new MainViewModel(i18n, dialogs, lab, prefs, activity, connection, aws, podTree, failing, details,
                wizard, runbooks);
    }

    /** What the runbook engine walks against now (UI thread): the session's connection, the AWS profile and region. */
    private static RunbookDiagnoser.Target target(ConnectionViewModel connection, AwsIdentityViewModel aws,
                                                  WorkbenchBackend backend) {
        WorkbenchBackend.ClusterSession s = connection.session();
        if (s == null || s.connection() == null) {
            return null;
        }
        String profile = aws.selectedProfileProperty().get();
        String region = aws.regionProperty().get();
        String cluster = s.context().eksMapping().map(m -> m.clusterName()).orElse(null);
        return new RunbookDiagnoser.Target(s.connection(), cluster, profile, region,
                backend.awsSessions(profile, region), Workspace.registries(s.connection(), backend.environment()));
    }
}
