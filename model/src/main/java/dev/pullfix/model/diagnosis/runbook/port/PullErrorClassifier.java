package dev.pullfix.model.diagnosis.runbook.port;

import java.util.Optional;

/**
 * The pull-failure classifier of {@code dev.pullfix.model.diagnosis}, seen from the runbooks: a kubelet message in,
 * a category name out (TAG_NOT_FOUND, FORBIDDEN_POLICY, ...). Empty when the message is not a pull failure.
 */
@FunctionalInterface
public interface PullErrorClassifier {
    Optional<String> classify(String kubeletMessage);
}
