package dev.pullfix.model.fix.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pullfix.model.fix.FixException;
import java.util.Optional;

/**
 * The port the Kubernetes fixes write through: generic objects as JSON trees. The fabric8 adapter and the
 * lab both implement it. Every mutating call takes {@code dryRun} (server-side {@code dryRun=All}).
 */
public interface KubeObjects {

    Optional<JsonNode> get(ObjectRef ref) throws FixException;

    /** A JSON merge patch (RFC 7386). Returns the object as the server answered. */
    JsonNode mergePatch(ObjectRef ref, JsonNode patch, boolean dryRun) throws FixException;

    JsonNode create(ObjectRef ref, JsonNode object, boolean dryRun) throws FixException;

    void delete(ObjectRef ref) throws FixException;
}
