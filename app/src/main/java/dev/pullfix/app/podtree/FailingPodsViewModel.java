package dev.pullfix.app.podtree;

import dev.pullfix.model.cluster.PodInfo;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The failing pods as one flat list (the habit of Lens's pod table and k9s's list): namespace, pod, age, the kubelet's
 * reason and the cause as far as it is known (a guess from the waiting message until a diagnosis names it). Follows the
 * pod tree's live changes one pod at a time; choosing a row selects the pod in the tree. No {@code javafx.scene}.
 */
public final class FailingPodsViewModel {

    /** One failing pod. {@code cause} is readable text, empty while unknown. */
    public record Row(String key, String namespace, String name, String reason, Instant created, String cause) {
    }

    private final PodTreeViewModel tree;
    private final Function<PodInfo, String> guessCause;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final Map<String, Row> byKey = new HashMap<>();
    /** Causes already known per pod (a diagnosis, or an earlier detailed waiting message): a back-off keeps them. */
    private final Map<String, String> knownCauses = new HashMap<>();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper();

    /** @param guessCause the readable cause a pod's own status names, or null/empty when it names none */
    public FailingPodsViewModel(PodTreeViewModel tree, Function<PodInfo, String> guessCause) {
        this.tree = tree;
        this.guessCause = guessCause;
        tree.addPodListener(new PodTreeViewModel.PodListener() {
            @Override
            public void reset(Collection<PodInfo> pods) {
                byKey.clear();
                java.util.List<Row> all = new java.util.ArrayList<>();
                for (PodInfo p : pods) {
                    if (p.failing()) {
                        Row r = row(p);
                        byKey.put(p.key(), r);
                        all.add(r);
                    }
                }
                all.sort(java.util.Comparator.comparing(Row::namespace).thenComparing(Row::name));
                rows.setAll(all);
                count.set(rows.size());
            }

            @Override
            public void changed(PodInfo before, PodInfo after) {
                String key = before != null ? before.key() : after.key();
                Row old = byKey.remove(key);
                if (after != null && after.failing()) {
                    Row r = row(after);
                    byKey.put(key, r);
                    if (old == null) {
                        rows.add(r);
                    } else if (!old.equals(r)) {
                        rows.set(rows.indexOf(old), r);
                    } else {
                        byKey.put(key, old);
                    }
                } else if (old != null) {
                    rows.remove(old);
                    if (after == null) {
                        knownCauses.remove(key);
                    }
                }
                count.set(rows.size());
            }
        });
    }

    /** The failing pods (unsorted: the view sorts a view of them). */
    public ObservableList<Row> rows() {
        return readOnlyRows;
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Selects the row's pod in the tree (the wizard follows). */
    public void select(Row row) {
        if (row != null && tree.pod(row.key()) != null) {
            tree.selectedRowProperty().set(tree.pod(row.key()));
        }
    }

    /** A diagnosis named the pod's cause: the list shows it from now on. */
    public void causeFound(String key, String cause) {
        if (cause == null || cause.isBlank()) {
            return;
        }
        knownCauses.put(key, cause);
        Row old = byKey.get(key);
        if (old != null && !cause.equals(old.cause())) {
            Row r = new Row(old.key(), old.namespace(), old.name(), old.reason(), old.created(), cause);
            byKey.put(key, r);
            rows.set(rows.indexOf(old), r);
        }
    }

    private Row row(PodInfo p) {
        String guess = guessCause.apply(p);
        if (guess != null && !guess.isBlank() && !knownCauses.containsKey(p.key())) {
            knownCauses.put(p.key(), guess);
        }
        String reason = p.failure() != null ? p.failure().reason() : p.status();
        return new Row(p.key(), p.namespace(), p.name(), reason, p.created(), knownCauses.getOrDefault(p.key(), ""));
    }
}
