package dev.pullfix.model.cluster;

/**
 * One pod change. {@code before} is null for ADDED, {@code after} is null for DELETED.
 */
public record PodDelta(Kind kind, PodInfo before, PodInfo after) {

    public enum Kind { ADDED, MODIFIED, DELETED }

    public PodInfo pod() {
        return after != null ? after : before;
    }
}
