/**
 * The guided diagnosis: runbooks that replay the seed documents' numbered steps, and the engine that walks them
 * against the live cluster and AWS account, read-only.
 *
 * <h2>Runbooks as data</h2>
 * {@code resources/src/main/resources/dev/pullfix/runbooks/}: {@code index.yaml} (the runbooks in display order, the
 * cause → runbook routes, a fallback) and one {@code <id>.yaml} per procedure, each checked against
 * {@code runbook.schema.json} at build time (resources module) and by {@link dev.pullfix.model.diagnosis.runbook.RunbookCatalog}
 * on load (step ids, next targets, check ids, placeholders, translations, duplicate numbers, unreachable steps).
 * A step has {@code id}, {@code number} (the document's), optional {@code docNumber.ja} (the Japanese document's),
 * {@code title}/{@code explain} in {@code en} and {@code ja}, {@code commands} with {@code {placeholder}}s, the
 * {@code check} id run live, {@code show} (EVENTS_TABLE, TABLE, JSON, POLICY_STATEMENTS, TEXT), {@code next}
 * ({@code ok}/{@code problem}/{@code unknown}, optional {@code skipped}/{@code okAfterCause}; a step id, {@code end},
 * or {@code runbook:<id>[#<step>]}) and {@code afterFix} for steps shown but only run when verifying a fix.
 *
 * <h2>Checks and fixes</h2>
 * The steps name checks by id; the check families ({@code dev.pullfix.model.diagnosis.checks}) register them in a
 * {@link dev.pullfix.model.diagnosis.runbook.CheckRegistry} the catalog is loaded with. A check's outcome carries typed
 * {@link dev.pullfix.model.diagnosis.runbook.FixProposal}s; the engine never writes (the fix planner plans the writes).
 * May not: depend on the checks package, the connect adapters, fabric8, the AWS SDK or JavaFX.
 *
 * <h2>Ports</h2>
 * The engine reaches the outside only through {@code port}: {@link dev.pullfix.model.diagnosis.runbook.port.ClusterPort},
 * {@link dev.pullfix.model.diagnosis.runbook.port.AwsPort}, {@link dev.pullfix.model.diagnosis.runbook.port.RegistryPort},
 * {@link dev.pullfix.model.diagnosis.runbook.port.PolicyJudge} (production: {@link
 * dev.pullfix.model.diagnosis.runbook.PolicyEvaluatorJudge}) and
 * {@link dev.pullfix.model.diagnosis.runbook.port.PullErrorClassifier} (production:
 * {@link dev.pullfix.model.diagnosis.BuiltInClassifier}). A port call that cannot answer throws
 * {@link dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException} with a reason and, for missing permissions,
 * the IAM action or Kubernetes verb.
 */
package dev.pullfix.model.diagnosis.runbook;
