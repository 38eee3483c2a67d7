/**
 * Write-path plans for Kubernetes: a workload's pod template (image, imagePullSecrets, restart) and a docker-registry
 * Secret, over the {@link dev.pullfix.model.fix.kube.KubeObjects} port (fabric8 adapter in {@code connect}, the lab).
 *
 * <p>May not: fabric8 types; write outside {@code apply}; keep a password beyond the plan; JavaFX.
 */
package dev.pullfix.model.fix.kube;
