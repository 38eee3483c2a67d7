package dev.pullfix.app.podtree;

import java.util.Comparator;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One row of the pod tree as the view-model keeps it: a namespace, workload, pod or container. Its
 * {@link #visibleChildren()} are the children that pass the current filter, in display order; the view mirrors
 * them lazily. {@link #revisionProperty()} ticks whenever the row's own text or marks change, so the view
 * repaints just that row.
 */
public abstract sealed class TreeRow permits TreeRow.NamespaceRow, TreeRow.WorkloadRow, TreeRow.PodRow,
        TreeRow.ContainerRow {

    /** Display order among siblings. */
    static final Comparator<TreeRow> ORDER = Comparator.comparing(TreeRow::sortKey);

    public enum Kind { NAMESPACE, WORKLOAD, POD, CONTAINER }

    final ObservableList<TreeRow> children = FXCollections.observableArrayList();
    private final ObservableList<TreeRow> readOnlyChildren = FXCollections.unmodifiableObservableList(children);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    /** A slot for the view to cache its tree item for this row (one per row, reused across filter changes). */
    public Object viewHandle;

    public abstract Kind kind();

    /** The name shown on the row. */
    public abstract String name();

    abstract String sortKey();

    /** Whether the row shows a pull failure (itself or below it). */
    public abstract boolean failing();

    public ObservableList<TreeRow> visibleChildren() {
        return readOnlyChildren;
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    void touch() {
        revision.set(revision.get() + 1);
    }

    /** A namespace with its workloads and roll-up counts. */
    public static final class NamespaceRow extends TreeRow {
        final String namespace;
        final java.util.TreeMap<dev.pullfix.model.cluster.WorkloadRef, WorkloadRow> workloads = new java.util.TreeMap<>();
        int pods;
        int failingPods;

        NamespaceRow(String namespace) {
            this.namespace = namespace;
        }

        @Override
        public Kind kind() {
            return Kind.NAMESPACE;
        }

        @Override
        public String name() {
            return namespace;
        }

        @Override
        String sortKey() {
            return namespace;
        }

        @Override
        public boolean failing() {
            return failingPods > 0;
        }

        public int pods() {
            return pods;
        }

        public int failingPods() {
            return failingPods;
        }
    }

    /** A workload (Deployment, StatefulSet, ..., or the bare pod) with its pods and roll-up counts. */
    public static final class WorkloadRow extends TreeRow {
        final NamespaceRow namespace;
        final dev.pullfix.model.cluster.WorkloadRef ref;
        final java.util.TreeMap<String, PodRow> pods = new java.util.TreeMap<>();
        int failingPods;

        WorkloadRow(NamespaceRow namespace, dev.pullfix.model.cluster.WorkloadRef ref) {
            this.namespace = namespace;
            this.ref = ref;
        }

        @Override
        public Kind kind() {
            return Kind.WORKLOAD;
        }

        @Override
        public String name() {
            return ref.name();
        }

        public String workloadKind() {
            return ref.kind();
        }

        public dev.pullfix.model.cluster.WorkloadRef ref() {
            return ref;
        }

        @Override
        String sortKey() {
            return ref.name() + '\u0000' + ref.kind();
        }

        @Override
        public boolean failing() {
            return failingPods > 0;
        }

        public int pods() {
            return pods.size();
        }

        public int failingPods() {
            return failingPods;
        }
    }

    /** One pod; its children are its containers. */
    public static final class PodRow extends TreeRow {
        final WorkloadRow workload;
        dev.pullfix.model.cluster.PodInfo info;
        /** Lower-case name, images, status and reasons: what the search box matches against. */
        String haystack;

        PodRow(WorkloadRow workload, dev.pullfix.model.cluster.PodInfo info) {
            this.workload = workload;
            this.info = info;
        }

        /** A pod row with its search text and container rows. */
        static PodRow of(WorkloadRow wr, dev.pullfix.model.cluster.PodInfo p) {
            PodRow pr = new PodRow(wr, p);
            pr.haystack = haystack(p);
            pr.children.setAll(pr.containerRows());
            return pr;
        }

        java.util.List<TreeRow> containerRows() {
            java.util.List<TreeRow> out = new java.util.ArrayList<>(info.containers().size());
            int i = 0;
            for (dev.pullfix.model.cluster.ContainerInfo c : info.containers()) {
                out.add(new ContainerRow(this, c, i++));
            }
            return out;
        }

        static String haystack(dev.pullfix.model.cluster.PodInfo p) {
            StringBuilder sb = new StringBuilder(96).append(p.name()).append('\n').append(p.status());
            if (p.failure() != null) {
                sb.append('\n').append(p.failure().reason());
            }
            for (dev.pullfix.model.cluster.ContainerInfo c : p.containers()) {
                sb.append('\n').append(c.image());
                if (c.reason() != null) {
                    sb.append('\n').append(c.reason());
                }
            }
            return sb.toString().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public Kind kind() {
            return Kind.POD;
        }

        @Override
        public String name() {
            return info.name();
        }

        public dev.pullfix.model.cluster.PodInfo info() {
            return info;
        }

        @Override
        String sortKey() {
            return info.name();
        }

        @Override
        public boolean failing() {
            return info.failing();
        }
    }

    /** One container of a pod (a leaf). */
    public static final class ContainerRow extends TreeRow {
        final PodRow pod;
        final dev.pullfix.model.cluster.ContainerInfo info;
        private final String key;

        ContainerRow(PodRow pod, dev.pullfix.model.cluster.ContainerInfo info, int index) {
            this.pod = pod;
            this.info = info;
            this.key = String.format("%03d", index);
        }

        @Override
        public Kind kind() {
            return Kind.CONTAINER;
        }

        @Override
        public String name() {
            return info.name();
        }

        public dev.pullfix.model.cluster.ContainerInfo info() {
            return info;
        }

        public PodRow pod() {
            return pod;
        }

        @Override
        String sortKey() {
            return key;
        }

        @Override
        public boolean failing() {
            return info.failure().isPresent();
        }
    }
}
