/**
 * The cluster as the user's kubeconfig describes it: contexts, connecting (exec plugins, EKS tokens, deadlines), the
 * pod tree snapshot and live deltas, events, and the cluster's error codes. fabric8 lives here and in {@code connect}.
 *
 * <p>May not: JavaFX; Platform threads (live deltas are plain-Java callbacks); depend on the diagnosis or the fix packages.
 */
package dev.pullfix.model.cluster;
