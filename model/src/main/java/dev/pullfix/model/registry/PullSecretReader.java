package dev.pullfix.model.registry;

import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import java.util.Optional;

/**
 * Reads a pull secret's data from the cluster (the fabric8 adapter in {@code model.connect}, the practice lab's
 * store). The only port through which credentials enter Pullfix; callers keep them in memory and never print them.
 */
public interface PullSecretReader {
    /** The secret, or empty when it does not exist; {@code ACCESS_DENIED} when it may not be read. */
    Optional<PullSecret> read(String namespace, String name) throws CouldNotCheckException;
}
