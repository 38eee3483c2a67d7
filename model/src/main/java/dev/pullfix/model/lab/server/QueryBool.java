package dev.pullfix.model.lab.server;

import java.util.Set;

/**
 * A boolean query parameter as kube-apiserver reads it (Go's {@code strconv.ParseBool}): {@code 1 t T TRUE true True}
 * are true. Clients differ in how they spell it: kubectl and fabric8 send {@code true}, the Python client
 * {@code True}.
 */
final class QueryBool {
    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");

    private QueryBool() {
    }

    static boolean parse(String value) {
        return value != null && TRUE.contains(value);
    }
}
