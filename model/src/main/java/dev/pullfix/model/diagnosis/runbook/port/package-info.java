/**
 * The runbook engine's ports: what it reads from the cluster ({@link dev.pullfix.model.diagnosis.runbook.port.ClusterPort}),
 * the AWS account ({@link dev.pullfix.model.diagnosis.runbook.port.AwsPort}), registries
 * ({@link dev.pullfix.model.diagnosis.runbook.port.RegistryPort}), the policy judge and the classifier, as plain records;
 * a port that cannot answer throws {@link dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException}.
 *
 * <p>May not: fabric8, AWS SDK or JavaFX types; logic beyond small derived values (the checks decide); writes.
 */
package dev.pullfix.model.diagnosis.runbook.port;
