package dev.pullfix.model.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.secret.Redactor;
import dev.pullfix.model.secret.Secrets;
import java.nio.charset.StandardCharsets;

/**
 * The redactor's two promises, for any secret and any text around it: the redacted text never contains a
 * registered secret (of the length that is masked anywhere), and redacted JSON is still JSON. Input: the secret,
 * a NUL byte, the surrounding text.
 */
class RedactorFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "2m")
    void neverLeaksARegisteredSecretAndKeepsJsonValid(byte[] data) throws Exception {
        String all = new String(data, StandardCharsets.UTF_8);
        int nul = all.indexOf('\0');
        String secret = (nul < 0 ? all : all.substring(0, nul)).strip();
        String around = nul < 0 ? "" : all.substring(nul + 1);
        String text = around.substring(0, around.length() / 2) + secret + around.substring(around.length() / 2);
        if (secret.length() >= Secrets.ANYWHERE_LENGTH) {
            Secrets registry = new Secrets();
            registry.add(secret);
            assertThat(Redactor.redact(text, registry)).doesNotContain(secret);
        }
        ObjectNode doc = JSON.createObjectNode();
        doc.put("message", text).put("command", "--password " + around);
        doc.putArray("events").add(around).add(text);
        JsonNode redacted = Redactor.redact(doc);
        String out = JSON.writeValueAsString(redacted);
        assertThat(JSON.readTree(out)).isEqualTo(redacted);
    }
}
