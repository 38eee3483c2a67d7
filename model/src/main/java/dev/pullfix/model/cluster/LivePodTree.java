package dev.pullfix.model.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The pod tree kept current by watches (no polling): one paged list, then a pod watch from the list's
 * resourceVersion and an event watch for {@code FailedCreatePodSandBox}. Changes are queued as they arrive and
 * delivered every flush interval as one coalesced {@link DeltaBatch}, so a view applies thousands of changes in
 * one go. When the server goes away the state turns {@link ConnectionState#RECONNECTING}; it retries with
 * back-off (1 s doubling to 30 s), relists, delivers the difference as deltas and goes {@link ConnectionState#LIVE}
 * again.
 *
 * <p>Listeners are plain Java and are called on this class's own thread ({@code pullfix-live-pods}); a GUI
 * bridges them onto its UI thread.
 */
public final class LivePodTree implements AutoCloseable {

    /** Callbacks, all on the live thread. */
    public interface Listener {
        /** The whole tree: after the first list. */
        default void onSnapshot(ClusterSnapshot snapshot) {
        }

        /** Changes since the last batch. */
        default void onDeltas(DeltaBatch batch) {
        }

        /** Connection state changes; {@code cause} is set for RECONNECTING. */
        default void onConnection(ConnectionState state, ClusterError cause) {
        }
    }

    private record Raw(PodDelta.Kind kind, PodInfo pod, String key) {
    }

    private final ClusterConnection conn;
    private final PodTreeLoader.Scope scope;
    private final PodTreeLoader loader;
    private final Duration flushInterval;
    private final Duration maxBackoff;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread;
    private final ConcurrentLinkedQueue<Raw> queue = new ConcurrentLinkedQueue<>();
    private final Map<String, String> sandboxFailures = new ConcurrentHashMap<>();
    private final PodInfos infos = new PodInfos();
    private PodTree tree = new PodTree();
    private Map<String, String> jobOwners = Map.of();
    private List<String> skipped = List.of();
    private boolean clusterWide;
    private String resourceVersion;
    private volatile String lastSeenRv;
    private volatile ConnectionState state = ConnectionState.CONNECTING;
    private volatile ClusterError lastError;
    private volatile List<KubeHttp.Watch> podWatches = List.of();
    private List<String> readNamespaces = List.of();
    private volatile KubeHttp.Watch eventWatch;
    private volatile boolean closed;
    private volatile long generation;
    private long backoffMillis = 1000;
    private boolean snapshotDelivered;
    private ScheduledFuture<?> flusher;

    public LivePodTree(ClusterConnection conn, PodTreeLoader.Scope scope) {
        this(conn, scope, new PodTreeLoader(), Duration.ofMillis(100), Duration.ofSeconds(30));
    }

    public LivePodTree(ClusterConnection conn, PodTreeLoader.Scope scope, PodTreeLoader loader, Duration flushInterval,
                       Duration maxBackoff) {
        this.conn = conn;
        this.scope = scope;
        this.loader = loader;
        this.flushInterval = flushInterval;
        this.maxBackoff = maxBackoff;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pullfix-live-pods");
            t.setDaemon(true);
            return t;
        });
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    public ConnectionState state() {
        return state;
    }

    /** The error behind the last RECONNECTING, or null. */
    public ClusterError lastError() {
        return lastError;
    }

    /** Starts listing and watching in the background; returns at once. */
    public void start() {
        thread.execute(this::connect);
        flusher = thread.scheduleWithFixedDelay(this::flush, flushInterval.toMillis(), flushInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The current tree (built on the live thread; waits for it). */
    public ClusterSnapshot snapshot() {
        try {
            return thread.submit(() -> {
                applyQueued(new LinkedHashMap<>());
                return tree.snapshot(conn.context().name(), resourceVersion, skipped, clusterWide);
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void setState(ConnectionState s, ClusterError cause) {
        state = s;
        lastError = cause;
        for (Listener l : listeners) {
            l.onConnection(s, cause);
        }
    }

    /** First connection and every reconnection: relist, diff, watch. Runs on the live thread. */
    private void connect() {
        if (closed) {
            return;
        }
        boolean first = !snapshotDelivered;
        if (first && state == ConnectionState.CONNECTING) {
            setState(ConnectionState.CONNECTING, null);
        }
        long gen = ++generation;
        closeWatches();
        PodTree fresh = new PodTree();
        PodTreeLoader.Result r;
        try {
            r = loader.loadInto(conn, scope, fresh, infos, PodTreeLoader::noProgress, () -> closed);
        } catch (ClusterError e) {
            retryLater(e);
            return;
        } catch (RuntimeException e) {
            retryLater(conn.error(e, "list", "pods", scope.namespace()));
            return;
        }
        queue.clear();
        sandboxFailures.clear();
        sandboxFailures.putAll(r.sandboxFailures());
        jobOwners = r.jobOwners();
        skipped = r.skipped();
        clusterWide = r.clusterWide();
        readNamespaces = r.readNamespaces();
        resourceVersion = r.resourceVersion();
        lastSeenRv = r.resourceVersion();
        if (first) {
            tree = fresh;
            ClusterSnapshot s = tree.snapshot(conn.context().name(), resourceVersion, skipped, clusterWide);
            snapshotDelivered = true;
            for (Listener l : listeners) {
                l.onSnapshot(s);
            }
        } else {
            Map<String, PodDelta> changes = new LinkedHashMap<>();
            Set<String> seen = new LinkedHashSet<>();
            for (PodInfo p : fresh.all()) {
                seen.add(p.key());
                PodInfo old = tree.get(p.key());
                if (old == null) {
                    changes.put(p.key(), new PodDelta(PodDelta.Kind.ADDED, null, p));
                } else if (!old.equals(p)) {
                    changes.put(p.key(), new PodDelta(PodDelta.Kind.MODIFIED, old, p));
                }
            }
            for (PodInfo old : tree.all()) {
                if (!seen.contains(old.key())) {
                    changes.put(old.key(), new PodDelta(PodDelta.Kind.DELETED, old, null));
                }
            }
            tree = fresh;
            deliver(changes);
        }
        try {
            startWatches(gen);
        } catch (RuntimeException e) {
            retryLater(conn.error(e, "watch", "pods", scope.namespace()));
            return;
        }
        backoffMillis = 1000;
        setState(ConnectionState.LIVE, null);
    }

    private void retryLater(ClusterError e) {
        if (closed) {
            return;
        }
        setState(ConnectionState.RECONNECTING, e);
        long delay = backoffMillis;
        backoffMillis = Math.min(backoffMillis * 2, maxBackoff.toMillis());
        thread.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void startWatches(long gen) {
        KubeHttp client = new KubeHttp(conn);
        // per-namespace lists (the RBAC fallback) have no common resourceVersion: those watches start from
        // "now" and replay the current objects as ADDED, which the tree applies as no-ops
        Map<String, String> opts = new LinkedHashMap<>();
        String from = clusterWide || !scope.all() ? lastSeenRv : null;
        if (from != null) {
            opts.put("resourceVersion", from);
        }
        opts.put("allowWatchBookmarks", "true");
        KubeHttp.WatchListener pw = new KubeHttp.WatchListener() {
            @Override
            public void onEvent(String type, com.fasterxml.jackson.core.JsonParser object) throws java.io.IOException {
                PodFields pod = PodJson.read(object);
                if (gen != generation || pod == null) {
                    return;
                }
                if ("ERROR".equals(type)) {
                    throw new KubernetesStatusException(pod.statusCode, pod.statusMessage);
                }
                if (pod.resourceVersion != null) {
                    lastSeenRv = pod.resourceVersion;
                }
                if (pod.name == null) {
                    return;
                }
                switch (type == null ? "" : type) {
                    case "ADDED", "MODIFIED" -> {
                        PodInfo p = infos.from(pod);
                        queue.add(new Raw(PodDelta.Kind.MODIFIED, p, p.key()));
                    }
                    case "DELETED" -> queue.add(new Raw(PodDelta.Kind.DELETED, null, pod.namespace + "/" + pod.name));
                    default -> {
                    }
                }
            }

            @Override
            public void onClose(Throwable cause) {
                if (closed || gen != generation) {
                    return;
                }
                if (cause != null) {
                    thread.execute(() -> {
                        if (gen == generation) {
                            retryLater(conn.error(cause, "watch", "pods", scope.namespace()));
                        }
                    });
                    return;
                }
                // a clean close (server-side timeout): resume from the last seen version
                thread.execute(() -> {
                    if (gen == generation && !closed) {
                        try {
                            closeWatches();
                            generation++;
                            startWatches(generation);
                        } catch (RuntimeException e) {
                            retryLater(conn.error(e, "watch", "pods", scope.namespace()));
                        }
                    }
                });
            }
        };
        List<KubeHttp.Watch> watches = new ArrayList<>();
        if (!scope.all()) {
            watches.add(client.watch(KubeHttp.path("v1", scope.namespace(), "pods"), opts, pw));
        } else if (clusterWide) {
            watches.add(client.watch(KubeHttp.path("v1", null, "pods"), opts, pw));
        } else {
            for (String ns : readNamespaces) {
                watches.add(client.watch(KubeHttp.path("v1", ns, "pods"), opts, pw));
            }
        }
        podWatches = List.copyOf(watches);
        KubeHttp.WatchListener ew = new KubeHttp.WatchListener() {
            @Override
            public void onEvent(String type, com.fasterxml.jackson.core.JsonParser object) throws java.io.IOException {
                EventJson.Fields e = EventJson.read(object);
                if (gen != generation || !PodTreeLoader.isSandboxFailure(e)) {
                    return;
                }
                String key = PodTreeLoader.sandboxKey(e);
                if ("DELETED".equals(type)) {
                    sandboxFailures.remove(key);
                } else {
                    sandboxFailures.put(key, e.message() == null ? "" : e.message());
                }
                queue.add(new Raw(PodDelta.Kind.MODIFIED, null, key));
            }

            @Override
            public void onClose(Throwable cause) {
                // the pod watch drives reconnection; sandbox marks resync on the next relist
            }
        };
        try {
            Map<String, String> eo = Map.of("fieldSelector", PodTreeLoader.SANDBOX_SELECTOR);
            eventWatch = !scope.all() ? client.watch(KubeHttp.path("v1", scope.namespace(), "events"), eo, ew)
                    : clusterWide ? client.watch(KubeHttp.path("v1", null, "events"), eo, ew)
                    : null;
        } catch (RuntimeException e) {
            eventWatch = null;
        }
    }

    /** A watch ERROR event (e.g. 410 Gone: the version is too old), as fabric8 reports it. */
    private static final class KubernetesStatusException extends io.fabric8.kubernetes.client.KubernetesClientException {
        KubernetesStatusException(int code, String message) {
            super(message == null ? "watch error " + code : message, code, null);
        }
    }

    private void closeWatches() {
        List<KubeHttp.Watch> ws = podWatches;
        podWatches = List.of();
        for (KubeHttp.Watch w : ws) {
            try {
                w.close();
            } catch (RuntimeException ignored) {
                // closing a broken watch
            }
        }
        KubeHttp.Watch e = eventWatch;
        eventWatch = null;
        if (e != null) {
            try {
                e.close();
            } catch (RuntimeException ignored) {
                // closing a broken watch
            }
        }
    }

    private void flush() {
        try {
            Map<String, PodDelta> changes = new LinkedHashMap<>();
            applyQueued(changes);
            deliver(changes);
        } catch (RuntimeException e) {
            // never let one bad batch stop the flusher
        }
    }

    /** Applies queued raw changes to the tree, coalescing into {@code changes}. Live thread only. */
    private void applyQueued(Map<String, PodDelta> changes) {
        Raw r;
        int budget = 200_000;
        while (budget-- > 0 && (r = queue.poll()) != null) {
            PodInfo before = tree.get(r.key());
            PodInfo after;
            if (r.kind() == PodDelta.Kind.DELETED) {
                after = null;
                if (before != null) {
                    tree.remove(r.key());
                }
            } else {
                PodInfo base = r.pod() != null ? r.pod() : before;
                if (base == null) {
                    continue;
                }
                if (r.pod() != null) {
                    // a fresh object from the server: recompute from its own marks, then the side lists
                    after = PodTreeLoader.resolve(base, infos, jobOwners, sandboxFailures);
                } else {
                    // a sandbox event: re-mark the pod we have
                    after = base.failure() == FailureReason.FAILED_CREATE_POD_SANDBOX
                            && !sandboxFailures.containsKey(base.key()) ? base.withFailure(null, null) : base;
                    after = PodTreeLoader.resolve(after, infos, jobOwners, sandboxFailures);
                }
                if (after.equals(before)) {
                    continue;
                }
                tree.put(after);
            }
            PodDelta prev = changes.get(r.key());
            PodInfo origin = prev != null ? prev.before() : before;
            if (origin == null && after == null) {
                changes.remove(r.key());
            } else if (origin == null) {
                changes.put(r.key(), new PodDelta(PodDelta.Kind.ADDED, null, after));
            } else if (after == null) {
                changes.put(r.key(), new PodDelta(PodDelta.Kind.DELETED, origin, null));
            } else {
                changes.put(r.key(), new PodDelta(PodDelta.Kind.MODIFIED, origin, after));
            }
        }
    }

    private void deliver(Map<String, PodDelta> changes) {
        if (changes.isEmpty() || closed) {
            return;
        }
        Set<String> namespaces = new LinkedHashSet<>();
        Map<String, Set<WorkloadRef>> workloads = new HashMap<>();
        for (PodDelta d : changes.values()) {
            for (PodInfo p : new PodInfo[] {d.before(), d.after()}) {
                if (p != null) {
                    namespaces.add(p.namespace());
                    workloads.computeIfAbsent(p.namespace(), k -> new LinkedHashSet<>()).add(p.workload());
                }
            }
        }
        List<DeltaBatch.NamespaceCounts> nc = new ArrayList<>();
        for (String ns : namespaces) {
            var c = tree.namespaceCounts(ns);
            nc.add(new DeltaBatch.NamespaceCounts(ns, c.pods(), c.failing()));
        }
        List<DeltaBatch.WorkloadCounts> wc = new ArrayList<>();
        workloads.forEach((ns, refs) -> refs.forEach(ref -> {
            var c = tree.workloadCounts(ns, ref);
            wc.add(new DeltaBatch.WorkloadCounts(ns, ref, c.pods(), c.failing()));
        }));
        DeltaBatch batch = new DeltaBatch(List.copyOf(changes.values()), List.copyOf(nc), List.copyOf(wc));
        for (Listener l : listeners) {
            l.onDeltas(batch);
        }
    }

    @Override
    public void close() {
        closed = true;
        generation++;
        if (flusher != null) {
            flusher.cancel(false);
        }
        closeWatches();
        thread.shutdownNow();
        setState(ConnectionState.STOPPED, null);
    }
}
