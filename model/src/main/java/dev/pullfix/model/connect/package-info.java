/**
 * Adapters that connect the diagnosis engine's ports to the live world: the cluster through fabric8 (the
 * user's kubeconfig, or the lab API server), the AWS account through the model's SDK gateways (or the lab's
 * AWS endpoint), and registries over HTTP. The engine itself stays free of fabric8 and the SDK.
 *
 * <p>May not: JavaFX; decide anything (checks, proposals and verdicts live in {@code diagnosis}); write outside the write path's ports ({@code KubeObjects}).
 */
package dev.pullfix.model.connect;
