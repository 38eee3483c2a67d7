package dev.pullfix.model.lab.server;

/**
 * One committed change, as watches see it.
 *
 * @param type     ADDED, MODIFIED or DELETED
 * @param object   the object after the change (for DELETED: the last state, carrying the deletion's resourceVersion)
 * @param previous the object before the change, or null for ADDED
 * @param resourceVersion the global resourceVersion this change was committed at
 */
public record Change(Type type, StoredObject object, StoredObject previous, long resourceVersion) {
    /** The watch event types. */
    public enum Type { ADDED, MODIFIED, DELETED }

    public ResourceType resource() {
        return object.type();
    }
}
