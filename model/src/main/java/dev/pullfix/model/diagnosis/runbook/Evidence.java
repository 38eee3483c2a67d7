package dev.pullfix.model.diagnosis.runbook;

import java.util.List;

/**
 * What a check saw, ready to show: a table (columns + rows) and/or a text body (JSON, policy statement).
 *
 * @param label i18n key in bundle {@code diagnosis} naming the evidence, e.g. {@code evidence.events}
 */
public record Evidence(Show kind, String label, List<String> columns, List<List<String>> rows, String body) {
    public Evidence {
        columns = columns == null ? List.of() : List.copyOf(columns);
        rows = rows == null ? List.of() : rows.stream().map(List::copyOf).toList();
    }

    public static Evidence table(Show kind, String label, List<String> columns, List<List<String>> rows) {
        return new Evidence(kind, label, columns, rows, null);
    }

    public static Evidence text(Show kind, String label, String body) {
        return new Evidence(kind, label, List.of(), List.of(), body);
    }
}
