package dev.pullfix.model.diagnosis.runbook;

import dev.pullfix.model.diagnosis.runbook.port.ClusterPort;
import dev.pullfix.model.diagnosis.runbook.port.ContainerFacts;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.EventFacts;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;

/**
 * Diagnoses every failing pod of a namespace (or of all namespaces) at once and groups them by cause, sharing what
 * it fetches: one pod list and one event list for all, and one read per repository policy, role, node, image or
 * endpoint list for all the pods that need it. Synchronous; pods are diagnosed a few at a time on the executor.
 */
public final class DiagnoseAll {

    /** A pod by namespace and name. */
    public record PodRef(String namespace, String name) {
    }

    /**
     * Pods that failed for the same reason.
     *
     * @param cause    the category found (or the symptom), null when nothing was found
     * @param finding  the root finding shared by the group, or null
     * @param runbook  the runbook the group's diagnoses started with
     * @param fixes    the fixes proposed for these pods, without duplicates
     */
    public record Group(String cause, Finding finding, String runbook, List<PodRef> pods, List<FixProposal> fixes) {
    }

    /** @param failing the pods whose image pull fails, out of {@code pods} scanned */
    public record Result(int pods, int failing, List<Group> groups, List<Diagnosis> diagnoses, boolean cancelled) {
    }

    private final DiagnosisEngine engine;
    private final ClusterPort cluster;
    private final Executor executor;
    private final int parallelism;

    public DiagnoseAll(DiagnosisEngine engine, ClusterPort cluster, Executor executor, int parallelism) {
        this.engine = engine;
        this.cluster = cluster;
        this.executor = executor;
        this.parallelism = Math.max(1, parallelism);
    }

    /** @param namespace one namespace, or null for all (-A) */
    public Result run(String namespace, CancelToken cancel, ProgressListener progress) throws CouldNotCheckException {
        List<PodFacts> pods = cluster.pods(namespace);
        List<PodFacts> failing = pods.stream().filter(p -> p.containers().stream().anyMatch(ContainerFacts::pullFailing))
                .sorted(Comparator.comparing(PodFacts::namespace).thenComparing(PodFacts::name)).toList();
        Facts.SharedCache cache = new Facts.SharedCache();
        if (!failing.isEmpty()) {
            Map<String, List<EventFacts>> byPod = new HashMap<>();
            for (EventFacts e : cluster.events(namespace)) {
                if ("Pod".equals(e.involvedKind())) {
                    byPod.computeIfAbsent(e.namespace() + "/" + e.involvedName(), k -> new ArrayList<>()).add(e);
                }
            }
            for (PodFacts p : failing) {
                cache.put(Facts.podKey(p.namespace(), p.name()), p);
                cache.put(Facts.eventsKey(p.namespace(), p.name()), byPod.getOrDefault(p.namespace() + "/" + p.name(), List.of()));
            }
        }
        Semaphore slots = new Semaphore(parallelism);
        List<FutureTask<Diagnosis>> tasks = new ArrayList<>();
        for (PodFacts p : failing) {
            FutureTask<Diagnosis> t = new FutureTask<>(() -> {
                try {
                    return engine.diagnose(DiagnosisEngine.Request.of(p.namespace(), p.name()), cancel, progress, cache);
                } finally {
                    slots.release();
                }
            });
            tasks.add(t);
        }
        List<Diagnosis> diagnoses = new ArrayList<>();
        List<FutureTask<Diagnosis>> submitted = new ArrayList<>();
        try {
            for (FutureTask<Diagnosis> t : tasks) {
                if (cancel.isCancelled()) {
                    break;
                }
                slots.acquire();
                executor.execute(t);
                submitted.add(t);
            }
            for (FutureTask<Diagnosis> t : submitted) {
                diagnoses.add(t.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel.cancel();
        } catch (ExecutionException e) {
            throw CouldNotCheckException.of(CouldNotCheckException.Reason.ERROR, e.getCause().getClass().getSimpleName());
        }
        Map<String, List<Diagnosis>> grouped = new LinkedHashMap<>();
        for (Diagnosis d : diagnoses) {
            String key = d.cause() + "|" + (d.finding() == null ? "" : d.finding().code() + d.finding().args());
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
        }
        List<Group> groups = new ArrayList<>();
        for (List<Diagnosis> g : grouped.values()) {
            java.util.Set<FixProposal> fixes = new java.util.LinkedHashSet<>();
            g.forEach(d -> fixes.addAll(d.fixes()));
            Diagnosis first = g.get(0);
            groups.add(new Group(first.cause(), first.finding(), first.startRunbook(),
                    g.stream().map(d -> new PodRef(d.namespace(), d.pod())).toList(), new ArrayList<>(fixes)));
        }
        groups.sort(Comparator.comparing((Group gr) -> -gr.pods().size()).thenComparing(gr -> String.valueOf(gr.cause())));
        return new Result(pods.size(), failing.size(), groups, diagnoses, cancel.isCancelled());
    }
}
