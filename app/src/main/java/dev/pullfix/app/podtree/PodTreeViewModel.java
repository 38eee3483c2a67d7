package dev.pullfix.app.podtree;

import dev.pullfix.app.podtree.TreeRow.ContainerRow;
import dev.pullfix.app.podtree.TreeRow.NamespaceRow;
import dev.pullfix.app.podtree.TreeRow.PodRow;
import dev.pullfix.app.podtree.TreeRow.WorkloadRow;
import dev.pullfix.model.cluster.ClusterSnapshot;
import dev.pullfix.model.cluster.ContainerInfo;
import dev.pullfix.model.cluster.DeltaBatch;
import dev.pullfix.model.cluster.NamespaceNode;
import dev.pullfix.model.cluster.PodDelta;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.cluster.WorkloadNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The pod tree's state: namespace > workload > pod > container rows with failing counts, a filter (failing only,
 * search over name, image and reason, namespace), and the selection. Loads a snapshot once, then patches only the
 * rows a {@link DeltaBatch} touches (binary-searched inserts and removals in each parent's visible list, counts
 * kept incrementally), so 20,000 pods with a steady stream of changes cost a few row updates per batch, not a
 * rescan. Lives on the UI thread; no {@code javafx.scene}.
 */
public final class PodTreeViewModel {

    private final ObservableList<TreeRow> roots = FXCollections.observableArrayList();
    private final ObservableList<TreeRow> readOnlyRoots = FXCollections.unmodifiableObservableList(roots);
    private final TreeMap<String, NamespaceRow> namespaces = new TreeMap<>();
    private final Map<String, PodRow> podsByKey = new HashMap<>();

    private final StringProperty searchText = new SimpleStringProperty("");
    private final BooleanProperty failingOnly = new SimpleBooleanProperty(false);
    private final StringProperty namespaceFilter = new SimpleStringProperty("");
    private final ObjectProperty<TreeRow> selectedRow = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<PodInfo> selectedPod = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper podCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper failingCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper filterGeneration = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);

    private final List<PodListener> podListeners = new ArrayList<>();
    private String query = "";
    private boolean onlyFailing;
    private String nsQuery = "";

    public PodTreeViewModel() {
        searchText.addListener((o, a, b) -> refilter());
        failingOnly.addListener((o, a, b) -> refilter());
        namespaceFilter.addListener((o, a, b) -> refilter());
        selectedRow.addListener((o, a, b) -> selectedPod.set(podOf(b)));
    }

    /** Told of every pod the tree gains, changes or loses (UI thread). */
    public interface PodListener {
        /** The whole set was replaced (a snapshot was installed, or the tree was cleared). */
        void reset(Collection<PodInfo> pods);

        /** One pod appeared ({@code before} null), changed, or went ({@code after} null). */
        void changed(PodInfo before, PodInfo after);
    }

    public void addPodListener(PodListener l) {
        podListeners.add(l);
    }

    // ------------------------------------------------------------------ state

    /** The visible namespace rows, in name order. */
    public ObservableList<TreeRow> roots() {
        return readOnlyRoots;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public BooleanProperty failingOnlyProperty() {
        return failingOnly;
    }

    public StringProperty namespaceFilterProperty() {
        return namespaceFilter;
    }

    /** The row the user selected (the view writes it). */
    public ObjectProperty<TreeRow> selectedRowProperty() {
        return selectedRow;
    }

    /** The pod of the selected row (a pod row or one of its containers), kept current by live changes. */
    public ReadOnlyObjectProperty<PodInfo> selectedPodProperty() {
        return selectedPod.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty podCountProperty() {
        return podCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty failingCountProperty() {
        return failingCount.getReadOnlyProperty();
    }

    /** Ticks after every filter change (the view expands matches when a search is active). */
    public ReadOnlyIntegerProperty filterGenerationProperty() {
        return filterGeneration.getReadOnlyProperty();
    }

    /** Whether a snapshot has been loaded. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Whether a search text is active (matches are shown expanded). */
    public boolean searching() {
        return !query.isEmpty();
    }

    /** The row of a pod by {@code namespace/name}, or null. */
    public PodRow pod(String key) {
        return podsByKey.get(key);
    }

    public NamespaceRow namespace(String name) {
        return namespaces.get(name);
    }

    // ------------------------------------------------------------------ commands

    /** Replaces everything with a snapshot (builds the rows here; see {@link #prepare} to build them off-thread). */
    public void load(ClusterSnapshot snapshot) {
        install(prepare(snapshot));
    }

    /** The rows of a snapshot, built away from the UI thread; hand them to {@link #install}. */
    public static final class Prepared {
        private final TreeMap<String, NamespaceRow> namespaces = new TreeMap<>();
        private final Map<String, PodRow> pods = new HashMap<>();

        public int pods() {
            return pods.size();
        }
    }

    /**
     * Builds the rows of a snapshot with every child visible. Touches no shared state, so it may run on any thread
     * (the window runs it in a task, so 20,000 pods never hold up the UI thread).
     */
    public static Prepared prepare(ClusterSnapshot snapshot) {
        Prepared p = new Prepared();
        for (NamespaceNode n : snapshot.namespaces()) {
            NamespaceRow ns = new NamespaceRow(n.name());
            p.namespaces.put(n.name(), ns);
            for (WorkloadNode w : n.workloads()) {
                WorkloadRow wr = new WorkloadRow(ns, w.ref());
                ns.workloads.put(w.ref(), wr);
                for (PodInfo pod : w.pods()) {
                    PodRow pr = PodRow.of(wr, pod);
                    wr.pods.put(pod.name(), pr);
                    p.pods.put(pod.key(), pr);
                    count(ns, wr, pod, +1);
                }
                wr.children.setAll(wr.pods.values());
            }
            ns.children.setAll(ns.workloads.values());
        }
        return p;
    }

    /** Shows prepared rows (UI thread): swaps the index and re-applies the current filter. */
    public void install(Prepared p) {
        clearRows();
        namespaces.putAll(p.namespaces);
        podsByKey.putAll(p.pods);
        List<PodInfo> all = podsByKey.values().stream().map(r -> r.info).toList();
        podListeners.forEach(l -> l.reset(all));
        if (filtering() || !nsQuery.isEmpty()) {
            rebuildVisible();
        } else {
            roots.setAll(namespaces.values());
        }
        updateTotals();
        loaded.set(true); // last: whoever listens sees the rows
    }

    /** Empties the tree (context switch, disconnect). */
    public void clear() {
        clearRows();
        loaded.set(false);
        podListeners.forEach(l -> l.reset(List.of()));
        rebuildVisible();
        updateTotals();
    }

    private void clearRows() {
        namespaces.clear();
        podsByKey.clear();
        selectedRow.set(null);
        selectedPod.set(null);
    }

    /** Applies live changes; touches only the rows they name. */
    public void apply(List<DeltaBatch> batches) {
        for (DeltaBatch b : batches) {
            for (PodDelta d : b.changes()) {
                applyOne(d);
            }
        }
        updateTotals();
    }

    public void apply(DeltaBatch batch) {
        apply(List.of(batch));
    }

    /** The next (or previous) visible failing pod after {@code from}, wrapping; null when there is none. */
    public PodRow nextFailing(TreeRow from, boolean forward) {
        List<PodRow> failing = new ArrayList<>();
        for (TreeRow ns : roots) {
            for (TreeRow w : ns.children) {
                for (TreeRow p : w.children) {
                    if (p.failing()) {
                        failing.add((PodRow) p);
                    }
                }
            }
        }
        if (failing.isEmpty()) {
            return null;
        }
        PodRow current = from instanceof ContainerRow c ? c.pod : from instanceof PodRow p ? p : null;
        int idx = current == null ? -1 : failing.indexOf(current);
        if (idx < 0) {
            // position by order: first failing pod after the given row's pod, namespace or workload
            return forward ? failing.get(0) : failing.get(failing.size() - 1);
        }
        int n = failing.size();
        return failing.get(((forward ? idx + 1 : idx - 1) % n + n) % n);
    }

    // ------------------------------------------------------------------ deltas

    private void applyOne(PodDelta d) {
        PodInfo after = d.after();
        String key = d.pod().key();
        PodRow existing = podsByKey.get(key);
        if (after == null) {
            if (existing != null) {
                removePod(existing);
            }
            return;
        }
        if (existing != null && existing.workload.ref.equals(after.workload())
                && existing.workload.namespace.namespace.equals(after.namespace())) {
            updatePod(existing, after);
        } else {
            if (existing != null) {
                removePod(existing);
            }
            addPod(after);
        }
    }

    private void addPod(PodInfo p) {
        NamespaceRow ns = namespaces.get(p.namespace());
        boolean newNs = ns == null;
        if (newNs) {
            ns = new NamespaceRow(p.namespace());
            namespaces.put(p.namespace(), ns);
        }
        WorkloadRow wr = ns.workloads.get(p.workload());
        boolean newWl = wr == null;
        if (newWl) {
            wr = new WorkloadRow(ns, p.workload());
            ns.workloads.put(p.workload(), wr);
        }
        PodRow pr = PodRow.of(wr, p);
        wr.pods.put(p.name(), pr);
        podsByKey.put(p.key(), pr);
        count(ns, wr, p, +1);
        podListeners.forEach(l -> l.changed(null, p));
        if (podVisible(pr)) {
            SortedRows.insert(wr.children, pr);
            showChain(wr);
        }
        ns.touch();
        wr.touch();
    }

    private void removePod(PodRow pr) {
        WorkloadRow wr = pr.workload;
        NamespaceRow ns = wr.namespace;
        wr.pods.remove(pr.info.name());
        podsByKey.remove(pr.info.key());
        count(ns, wr, pr.info, -1);
        podListeners.forEach(l -> l.changed(pr.info, null));
        SortedRows.remove(wr.children, pr);
        if (selectedRow.get() == pr || (selectedRow.get() instanceof ContainerRow c && c.pod == pr)) {
            selectedRow.set(null);
        }
        if (wr.pods.isEmpty()) {
            ns.workloads.remove(wr.ref);
        }
        if (wr.children.isEmpty()) {
            SortedRows.remove(ns.children, wr);
        }
        if (ns.workloads.isEmpty()) {
            namespaces.remove(ns.namespace);
        }
        if (ns.children.isEmpty()) {
            SortedRows.remove(roots, ns);
        }
        ns.touch();
        wr.touch();
    }

    private void updatePod(PodRow pr, PodInfo after) {
        WorkloadRow wr = pr.workload;
        NamespaceRow ns = wr.namespace;
        boolean wasVisible = podVisible(pr);
        PodInfo old = pr.info;
        count(ns, wr, pr.info, -1);
        boolean containersChanged = !pr.info.containers().equals(after.containers());
        boolean shownChanged = containersChanged || old.failing() != after.failing()
                || !java.util.Objects.equals(old.status(), after.status()) || !old.ready().equals(after.ready());
        pr.info = after;
        pr.haystack = PodRow.haystack(after);
        podListeners.forEach(l -> l.changed(old, after));
        count(ns, wr, after, +1);
        if (containersChanged) {
            pr.children.setAll(pr.containerRows());
        }
        boolean visible = podVisible(pr);
        if (visible && !wasVisible) {
            SortedRows.insert(wr.children, pr);
            showChain(wr);
        } else if (!visible && wasVisible) {
            SortedRows.remove(wr.children, pr);
            if (wr.children.isEmpty()) {
                SortedRows.remove(ns.children, wr);
                if (ns.children.isEmpty()) {
                    SortedRows.remove(roots, ns);
                }
            }
        }
        if (shownChanged) {
            pr.touch();
        }
        if (old.failing() != after.failing()) {
            wr.touch();
            ns.touch();
        }
        if (selectedPod.get() != null && selectedPod.get().key().equals(after.key())) {
            selectedPod.set(after);
        }
    }

    private void showChain(WorkloadRow wr) {
        NamespaceRow ns = wr.namespace;
        if (!nsMatches(ns)) {
            return;
        }
        if (!SortedRows.contains(ns.children, wr)) {
            SortedRows.insert(ns.children, wr);
        }
        if (!SortedRows.contains(roots, ns)) {
            SortedRows.insert(roots, ns);
        }
    }

    private static void count(NamespaceRow ns, WorkloadRow wr, PodInfo p, int sign) {
        ns.pods += sign;
        if (p.failing()) {
            ns.failingPods += sign;
            wr.failingPods += sign;
        }
    }

    private void updateTotals() {
        int pods = 0;
        int failing = 0;
        for (NamespaceRow ns : namespaces.values()) {
            pods += ns.pods;
            failing += ns.failingPods;
        }
        podCount.set(pods);
        failingCount.set(failing);
    }

    // ------------------------------------------------------------------ filtering

    private boolean filtering() {
        return onlyFailing || !query.isEmpty();
    }

    private boolean podVisible(PodRow p) {
        return (!onlyFailing || p.info.failing()) && (query.isEmpty() || p.haystack.contains(query));
    }

    private boolean nsMatches(NamespaceRow ns) {
        return nsQuery.isEmpty() || ns.namespace.toLowerCase(Locale.ROOT).contains(nsQuery);
    }

    private void refilter() {
        String q = searchText.get() == null ? "" : searchText.get().strip().toLowerCase(Locale.ROOT);
        String nq = namespaceFilter.get() == null ? "" : namespaceFilter.get().strip().toLowerCase(Locale.ROOT);
        boolean f = failingOnly.get();
        if (q.equals(query) && nq.equals(nsQuery) && f == onlyFailing) {
            return;
        }
        query = q;
        nsQuery = nq;
        onlyFailing = f;
        rebuildVisible();
        filterGeneration.set(filterGeneration.get() + 1);
    }

    /** Recomputes every visible list (load and filter changes only; deltas patch). */
    private void rebuildVisible() {
        List<TreeRow> visibleNs = new ArrayList<>();
        boolean filtering = filtering();
        for (NamespaceRow ns : namespaces.values()) {
            if (!nsMatches(ns)) {
                continue;
            }
            List<TreeRow> visibleWl = new ArrayList<>();
            for (WorkloadRow wr : ns.workloads.values()) {
                List<TreeRow> visiblePods = new ArrayList<>(wr.pods.size());
                for (PodRow p : wr.pods.values()) {
                    if (!filtering || podVisible(p)) {
                        visiblePods.add(p);
                    }
                }
                SortedRows.setIfDifferent(wr.children, visiblePods);
                if (!visiblePods.isEmpty()) {
                    visibleWl.add(wr);
                }
            }
            SortedRows.setIfDifferent(ns.children, visibleWl);
            if (!visibleWl.isEmpty()) {
                visibleNs.add(ns);
            }
        }
        SortedRows.setIfDifferent(roots, visibleNs);
    }

    private static PodInfo podOf(TreeRow row) {
        if (row instanceof PodRow p) {
            return p.info;
        }
        if (row instanceof ContainerRow c) {
            return c.pod.info;
        }
        return null;
    }
}
