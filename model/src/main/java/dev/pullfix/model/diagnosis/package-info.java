/**
 * Pull-failure diagnosis: the classifier (an ordered rule table over the evidence read from kubelet events), its
 * verdict {@link dev.pullfix.model.diagnosis.PullFailure}, its text and its adapter to the runbooks' port
 * ({@link dev.pullfix.model.diagnosis.BuiltInClassifier}). The runbook engine, the check families and the front door
 * live in the sub-packages {@code runbook}, {@code checks} and {@code service}.
 *
 * <p>May not: fabric8, the AWS SDK, JavaFX; depend on the front door ({@code diagnosis.service}), the adapters
 * ({@code connect}) or the registry client: lower layers (the registry client, the lab) use its categories.
 *
 * <h2>How a message is classified</h2>
 * <ol>
 *   <li>{@link dev.pullfix.model.diagnosis.KubeletEvent#parseLine(String)} reads a line (describe row, get-events
 *       row, klog/journald line, bare message);</li>
 *   <li>{@link dev.pullfix.model.diagnosis.PullEvidence#of(String)} unescapes it and extracts the image, registry,
 *       repository, tag/digest, HTTP status, gRPC code and the quoted error, once, for every rule;</li>
 *   <li>the first rule of {@code dev/pullfix/classifier/rules.yaml} (resources module) that matches, by precedence,
 *       names the category, the summary key and the next checks;</li>
 *   <li>across a pod's events, specific messages beat status-only ones ({@code Error: ErrImagePull}, back-offs),
 *       then the most recent, then the most specific rule; the waiting reasons {@code InvalidImageName} and
 *       {@code ErrImageNeverPull} are the kubelet's own verdicts.</li>
 * </ol>
 *
 * <h2>Extending it</h2>
 * Add one rule to {@code rules.yaml} (with {@code summary.<name>} and any new {@code check.<name>} keys in
 * {@code i18n/classifier.properties} and {@code classifier_ja.properties}) and one real message, with its source, to
 * {@code model/src/test/resources/classifier/fixtures.yaml}. {@code ClassifierRulesTest} fails when a rule has no
 * text in either language or no fixture exercises it.
 */
package dev.pullfix.model.diagnosis;
