/**
 * Adapters that connect the diagnosis engine's ports to the live world: the cluster through fabric8 (the
 * user's kubeconfig, or the lab API server), the AWS account through the model's SDK gateways (or the lab's
 * AWS endpoint), and registries over HTTP. The engine itself stays free of fabric8 and the SDK.
 */
package dev.pullfix.model.connect;
