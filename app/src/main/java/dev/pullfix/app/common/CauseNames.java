package dev.pullfix.app.common;

import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.diagnosis.PullFailure;
import dev.pullfix.model.diagnosis.PullFailureCategory;
import dev.pullfix.model.diagnosis.PullFailureClassifier;

/**
 * Readable names for pull-failure causes (the classifier's categories, "Denied by a policy" rather than
 * {@code FORBIDDEN_POLICY}), and a first guess at a pod's cause from its waiting message alone (the kubelet's
 * {@code ErrImagePull} message carries the registry's answer; a back-off message does not).
 */
public final class CauseNames {
    private final I18n i18n;
    private final PullFailureClassifier classifier = PullFailureClassifier.withBuiltInRules();

    public CauseNames(I18n i18n) {
        this.i18n = i18n;
    }

    /** The readable name of a cause code; the code itself only when no bundle knows it. */
    public String name(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return i18n.find("classifier", "category." + code).orElse(code);
    }

    /** Whether a word is a cause code the bundles name. */
    public boolean isCode(String word) {
        return word != null && word.matches("[A-Z][A-Z_]+") && i18n.find("classifier", "category." + word).isPresent();
    }

    /** Replaces every cause code in a text by its readable name. */
    public String readable(String text) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b[A-Z][A-Z_]{3,}\\b").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
                    isCode(m.group()) ? name(m.group()) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The cause the pod's waiting message names, or null when it names none (a back-off, no message). */
    public PullFailureCategory guess(PodInfo pod) {
        if (pod == null || !pod.failing() || pod.failureMessage() == null) {
            return null;
        }
        PullFailure f = classifier.classifyMessage(pod.failureMessage());
        return f == null || f.category() == PullFailureCategory.OTHER ? null : f.category();
    }
}
