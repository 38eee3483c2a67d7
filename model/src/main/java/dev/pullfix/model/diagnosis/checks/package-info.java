/**
 * The live, read-only checks the runbooks name by id, one class per family, each registering its own checks into a
 * {@link dev.pullfix.model.diagnosis.runbook.CheckRegistry} ({@link dev.pullfix.model.diagnosis.checks.Checks#all()}
 * gathers them): pod ({@code pod.*}), pull secrets ({@code pod.pull-secrets}, {@code secret.docker-config},
 * {@code registry.needs-credentials}), registry ({@code registry.manifest}, {@code registry.rate-limit}), ECR
 * ({@code ecr.*}), IAM ({@code iam.*}, {@code k8s.irsa}), network ({@code aws.*}, {@code manual.node-shell}) and
 * workload ({@code workload.*}). Check ids are stable: the runbook files in the resources module name them.
 *
 * <p>A check reads facts through {@link dev.pullfix.model.diagnosis.runbook.Facts} (never a client), returns a verdict,
 * a finding (i18n code + arguments, with the pull-failure category when it found a cause), evidence and proposed fixes,
 * and never writes. Everything about IAM policies comes from {@code dev.pullfix.model.policy}: what the kubelet needs
 * ({@code KubeletPull}), the managed policies ({@code ManagedPolicies}) and the repository policy edit
 * ({@code PullFixProposal}). May not: fabric8, the AWS SDK, JavaFX, I/O of any kind, English text.
 */
package dev.pullfix.model.diagnosis.checks;
