package dev.pullfix.model.diagnosis.runbook;

import dev.pullfix.model.diagnosis.BuiltInClassifier;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Builds engines over a scenario's fakes with the real classifier and the real policy evaluator. */
public final class Engines {
    public static final RunbookCatalog CATALOG = RunbookCatalog.load(dev.pullfix.model.diagnosis.checks.Checks.all());
    public static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "diagnosis-test");
        t.setDaemon(true);
        return t;
    });
    public static final BuiltInClassifier CLASSIFIER = BuiltInClassifier.create();

    public static DiagnosisEngine.Options options() {
        return DiagnosisEngine.Options.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))
                .withClock(Clock.fixed(Scenarios.NOW, ZoneOffset.UTC));
    }

    public static DiagnosisEngine engine(Scenarios.World w, DiagnosisEngine.Options options) {
        return new DiagnosisEngine(CATALOG, new DiagnosisEngine.Ports(w.cluster(), w.aws(), w.registry(),
                new PolicyEvaluatorJudge(), CLASSIFIER), POOL, options);
    }

    public static Diagnosis diagnose(Scenarios.World w) {
        return diagnose(w, new CancelToken());
    }

    public static Diagnosis diagnose(Scenarios.World w, CancelToken cancel) {
        return engine(w, options()).diagnose(DiagnosisEngine.Request.of(w.namespace(), w.pod()), cancel, ProgressListener.NONE);
    }
}
