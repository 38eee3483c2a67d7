package dev.pullfix.model.diagnosis;

import dev.pullfix.model.diagnosis.runbook.port.PullErrorClassifier;
import java.util.Optional;

/** The runbooks' classifier port over the model's pull-failure classifier (its built-in rule table). */
public final class BuiltInClassifier implements PullErrorClassifier {
    private final PullFailureClassifier classifier;

    public BuiltInClassifier(PullFailureClassifier classifier) {
        this.classifier = classifier;
    }

    public static BuiltInClassifier create() {
        return new BuiltInClassifier(PullFailureClassifier.withBuiltInRules());
    }

    @Override
    public Optional<String> classify(String kubeletMessage) {
        if (kubeletMessage == null || kubeletMessage.isBlank()) {
            return Optional.empty();
        }
        PullFailure f = classifier.classifyMessage(kubeletMessage);
        if (f == null || f.category() == null || PullFailureClassifier.NO_MATCH.equals(f.rule())) {
            return Optional.empty();
        }
        return Optional.of(f.category().name());
    }
}
