/**
 * IAM policy documents, the local evaluator, lint, diff and fix proposals. Pure: no fabric8, no AWS SDK, no JavaFX
 * (Jackson only). Entry points:
 * <ul>
 * <li>{@link dev.pullfix.model.policy.PolicyParser} / {@link dev.pullfix.model.policy.PolicyDocument}: immutable
 * model with statement text spans; {@link dev.pullfix.model.policy.InvalidPolicyException} with codes and
 * line/column.</li>
 * <li>{@link dev.pullfix.model.policy.PolicyEvaluator}: {@code evaluate(AccessRequest, PolicySet)} →
 * {@link dev.pullfix.model.policy.EvaluationResult} (ALLOW, EXPLICIT_DENY, IMPLICIT_DENY, UNKNOWN) naming the
 * deciding statements.</li>
 * <li>{@link dev.pullfix.model.policy.KubeletPull}: the kubelet's needs as data and the "can this role pull this
 * image?" verdict.</li>
 * <li>{@link dev.pullfix.model.policy.PolicyLint}, {@link dev.pullfix.model.policy.PolicyDiff},
 * {@link dev.pullfix.model.policy.PullFixProposal}, {@link dev.pullfix.model.policy.ManagedPolicies},
 * {@link dev.pullfix.model.policy.EcrActions}, {@link dev.pullfix.model.policy.PolicyCase} (the CLI's CASE file).</li>
 * </ul>
 * Not decided yet (reported as UNKNOWN where it matters, or documented simplifications):
 * <ul>
 * <li>session policies, resource control policies (RCPs), ECR registry policies outside pull-through cache,
 * permission boundaries on the resource side;</li>
 * <li>SCP exemptions (management account, service-linked roles): every SCP given applies, one entry per
 * organisation level;</li>
 * <li>role paths: a session ARN carries no path, so {@code aws:PrincipalArn} is derived without it (give it in the
 * context when the role has a path); {@code aws:userid} of a session is unknown;</li>
 * <li>NotPrincipal that lists the session but not its role or account: UNKNOWN (AWS "might" deny);</li>
 * <li>condition operators beyond String*, Numeric*, Date*, Bool, BinaryEquals, IpAddress, Arn*, Null (with
 * ...IfExists and ForAnyValue/ForAllValues): UNKNOWN;</li>
 * <li>policy variables: only {@code ${key}}, {@code ${key, 'default'}}, {@code ${*}}, {@code ${?}}, {@code ${$}};
 * the first value of a multi-valued key is used;</li>
 * <li>S3 layer downloads behind a gateway endpoint are checked against the endpoint policy only (the URL is
 * presigned by ECR; a CASE without principalArn evaluates such a request as anonymous); KubeletPull takes KMS only as
 * "key enabled" (the evaluator itself applies key-policy rules to {@code kms:} actions).</li>
 * </ul>
 *
 * <p>May not: fabric8, the AWS SDK, JavaFX, I/O beyond the shipped data files (pure and deterministic).
 */
package dev.pullfix.model.policy;
