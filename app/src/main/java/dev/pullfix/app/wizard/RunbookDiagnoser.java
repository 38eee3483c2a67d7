package dev.pullfix.app.wizard;

import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.connect.AwsAccess;
import dev.pullfix.model.connect.Workspace;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.DiagnoseAll;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.ProgressListener;
import dev.pullfix.model.diagnosis.runbook.StepResult;
import dev.pullfix.model.diagnosis.runbook.port.RegistryPort;
import dev.pullfix.model.diagnosis.service.DiagnosisService;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The wizard's diagnoser: asks the model's {@link DiagnosisService} (the front door every front end uses) to walk the
 * runbooks for the selected pod against the current cluster connection and AWS profile/region. Two services: the
 * diagnosis, and the one that also runs the "after the fix" steps; both started on first use.
 */
public final class RunbookDiagnoser implements Diagnoser, AutoCloseable {

    /**
     * What a walk runs against, read on the UI thread.
     *
     * @param aws opens an AWS session for a resource region ("" = the profile's), or null when AWS is not configured
     */
    public record Target(ClusterConnection connection, String clusterName, String profile, String region,
                         Function<String, AwsSession> aws, RegistryPort registry) {
    }

    private final Supplier<Target> target;
    private final Duration timeout;
    private DiagnosisService service;
    private DiagnosisService afterFixService;

    /**
     * @param target  the current connection and AWS settings (called on the UI thread)
     * @param timeout the longest one check or AWS call may take
     */
    public RunbookDiagnoser(Supplier<Target> target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
    }

    @Override
    public Object prepare(PodInfo pod) {
        Target t = target.get();
        return t == null || t.connection() == null ? null : t;
    }

    @Override
    public Diagnosis diagnose(PodInfo pod, Object prepared, boolean afterFix, CancelToken cancel,
                              Consumer<StepResult> stepDone) {
        Target t = (Target) prepared;
        Workspace workspace = new Workspace(t.connection(), t.clusterName(), t.aws() == null ? null
                : new AwsAccess(t.profile(), blankToNull(t.region()), null, t.aws()), t.registry());
        return service(afterFix).diagnose(workspace, new DiagnoseAll.PodRef(pod.namespace(), pod.name()),
                new ProgressListener() {
                    @Override
                    public void stepDone(StepResult step) {
                        stepDone.accept(step);
                    }
                }, cancel);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The model's diagnosis service, started on first use (the runbooks load then, not at window start). */
    private synchronized DiagnosisService service(boolean afterFix) {
        DiagnosisService.Options o = DiagnosisService.Options.defaults().withTimeout(timeout);
        if (afterFix) {
            if (afterFixService == null) {
                afterFixService = DiagnosisService.start(o.withRunAfterFix(true));
            }
            return afterFixService;
        }
        if (service == null) {
            service = DiagnosisService.start(o);
        }
        return service;
    }

    /** Closes the AWS sessions (the context or the profile/region changed); the next walk opens fresh ones. */
    public void forgetAws() {
        DiagnosisService a;
        DiagnosisService b;
        synchronized (this) {
            a = service;
            b = afterFixService;
        }
        if (a != null) {
            a.forgetAws();
        }
        if (b != null) {
            b.forgetAws();
        }
    }

    @Override
    public synchronized void close() {
        if (service != null) {
            service.close();
            service = null;
        }
        if (afterFixService != null) {
            afterFixService.close();
            afterFixService = null;
        }
    }
}
