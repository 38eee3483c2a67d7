package dev.pullfix.model.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.InvalidImageReferenceException;
import java.nio.charset.StandardCharsets;

/** Any text: the image parser answers or says why not, and what it answers parses back to itself. */
class ImageReferenceFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void parsesOrRefusesAndNormalizesIdempotently(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        ImageReference ref;
        try {
            ref = ImageReference.parse(text);
        } catch (InvalidImageReferenceException expected) {
            return;
        }
        String n = ref.normalized();
        assertThat(n).isNotBlank();
        assertThat(ImageReference.parse(n).normalized()).isEqualTo(n);
        assertThat(ref.registry()).isNotNull();
    }
}
