/**
 * AWS as the engine sees it: ports with plain records, and their AWS SDK v2 adapters.
 *
 * <ul>
 * <li>Ports (no SDK types; the lab and tests implement them too): {@link dev.pullfix.model.aws.EcrGateway},
 * {@link dev.pullfix.model.aws.EcrWriter} (the write path only), {@link dev.pullfix.model.aws.IamGateway},
 * {@link dev.pullfix.model.aws.EksGateway}, {@link dev.pullfix.model.aws.Ec2Gateway},
 * {@link dev.pullfix.model.aws.StsGateway}. Every call answers an {@link dev.pullfix.model.aws.AwsResult}: a value,
 * or an {@link dev.pullfix.model.aws.AwsProblem} (access denied with the missing action, not-found kinds,
 * throttling, expired token, SSO login required...) with an i18n code of {@code dev/pullfix/i18n/aws.properties}.</li>
 * <li>{@link dev.pullfix.model.aws.AwsSession}: one profile in one region, credentials and endpoints as the AWS
 * CLI picks them ({@link dev.pullfix.model.aws.AwsProfiles}), one synchronous URL-connection SDK client per
 * service, closed with the session. The {@code Sdk*} classes are its adapters.</li>
 * <li>Built on the ports: {@link dev.pullfix.model.aws.NodeRoleResolver} (which role pulls on a node, and by
 * which path), {@link dev.pullfix.model.aws.EcrCheck} ({@code pullfix ecr check}),
 * {@link dev.pullfix.model.aws.PullNetwork} (VPC endpoints on the way to ECR).</li>
 * </ul>
 *
 * <p>May not: SDK types outside the {@code Sdk*}, {@code AwsSession*} and {@code AwsProfiles} classes; fabric8; JavaFX; writes outside the writer ports (which only the write path calls).
 */
package dev.pullfix.model.aws;
