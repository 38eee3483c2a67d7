/**
 * The practice lab's AWS endpoint: ECR, IAM, EKS, EC2 and STS answered in their wire formats from the lab world
 * ({@code lab.world}), so the SDK, the AWS CLI and Pullfix's gateways talk to it unchanged.
 *
 * <p>May not: depend on the lab session ({@code lab}) or the engine; JavaFX.
 */
package dev.pullfix.model.lab.aws;
