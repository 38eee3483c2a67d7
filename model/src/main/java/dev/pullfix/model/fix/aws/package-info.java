/**
 * Write-path plans for AWS: an ECR repository policy, a node role's managed policies, a VPC endpoint policy, each over
 * the {@code aws} package's gateway and writer ports.
 *
 * <p>May not: SDK types (the ports hide them); write outside {@code apply}; JavaFX.
 */
package dev.pullfix.model.fix.aws;
