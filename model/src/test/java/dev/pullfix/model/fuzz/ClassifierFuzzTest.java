package dev.pullfix.model.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pullfix.model.diagnosis.PullFailureClassifier;
import java.nio.charset.StandardCharsets;

/** Any kubelet text (event messages come from the cluster, untrusted): the classifier always gives a category. */
class ClassifierFuzzTest {

    private static final PullFailureClassifier CLASSIFIER = PullFailureClassifier.withBuiltInRules();

    @FuzzTest(maxDuration = "2m")
    void alwaysClassifies(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        assertThat(CLASSIFIER.classifyMessage(text)).isNotNull();
        assertThat(CLASSIFIER.classifyLine(text)).isNotNull();
    }
}
