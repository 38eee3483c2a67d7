package dev.pullfix.model.lab.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Computes the server-side Table columns of one kind, as {@code kubectl get} shows them. */
public interface TablePrinter {

    /** A column definition; priority 0 shows by default, 1 only with {@code -o wide}. */
    record Column(String name, String type, String format, String description, int priority) {
        static Column of(String name, String type, int priority) {
            return new Column(name, type, name.equals("Name") ? "name" : "", name, priority);
        }
    }

    /**
     * A cell whose text depends on when it is served ({@code AGE}, {@code LAST SEEN}): rendered as
     * kubectl's human duration since {@code epochMillis}, or {@code <unknown>}.
     */
    record Since(long epochMillis) {
    }

    List<Column> columns();

    /** One row's cells (Strings, Longs or {@link Since}), computed once when the object is stored. */
    Object[] cells(ObjectNode object);
}
