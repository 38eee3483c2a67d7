package dev.pullfix.model.diagnosis.runbook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The live checks runbook steps may name, by id: each check family registers its own (package
 * {@code dev.pullfix.model.diagnosis.checks}); the catalog validates the runbooks against it and the engine runs
 * from it. Ids are stable: the runbook files in the resources module name them.
 */
public final class CheckRegistry {
    private final Map<String, Check> checks = new LinkedHashMap<>();

    /** Adds a check; an id registered twice is a programming error. */
    public CheckRegistry register(String id, Check check) {
        if (checks.putIfAbsent(id, check) != null) {
            throw new IllegalStateException("check id registered twice: " + id);
        }
        return this;
    }

    public Optional<Check> byId(String id) {
        return Optional.ofNullable(checks.get(id));
    }

    /** Every check id, in registration order. */
    public Set<String> ids() {
        return Collections.unmodifiableSet(checks.keySet());
    }
}
