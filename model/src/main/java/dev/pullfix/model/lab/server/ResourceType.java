package dev.pullfix.model.lab.server;

import java.util.List;

/**
 * One kind of resource the lab API server serves: its place in the API (group/version/plural),
 * discovery facts, the field selectors it honours and how it prints as a Table.
 *
 * @param fieldLabels field-selector labels beyond {@code metadata.name}/{@code metadata.namespace}, each a
 *                    dotted path into the object (e.g. {@code status.phase}, {@code involvedObject.name})
 */
public record ResourceType(String group, String version, String plural, String singular, String kind,
                           boolean namespaced, List<String> shortNames, List<String> categories,
                           boolean hasStatus, boolean hasGeneration, List<String> fieldLabels, TablePrinter printer) {

    /** {@code v1} or {@code apps/v1}. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** A key unique across groups: {@code pods}, {@code deployments.apps}, {@code events.events.k8s.io}. */
    public String id() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** How real error messages name the resource: {@code pods}, {@code deployments.apps}. */
    String qualified() {
        return id();
    }

    String listKind() {
        return kind + "List";
    }

    int fieldIndex(String label) {
        return fieldLabels.indexOf(label);
    }
}
