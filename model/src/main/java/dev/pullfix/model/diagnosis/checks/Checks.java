package dev.pullfix.model.diagnosis.checks;

import dev.pullfix.model.diagnosis.runbook.CheckRegistry;

/** Every check family, registered in a stable order: the registry the runbook catalog and the engine use. */
public final class Checks {
    private Checks() {
    }

    /** A fresh registry holding every family's checks. */
    public static CheckRegistry all() {
        CheckRegistry r = new CheckRegistry();
        PodChecks.register(r);
        PullSecretChecks.register(r);
        RegistryChecks.register(r);
        EcrChecks.register(r);
        IamChecks.register(r);
        NetworkChecks.register(r);
        WorkloadChecks.register(r);
        return r;
    }
}
