package dev.pullfix.model.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pullfix.model.policy.InvalidPolicyException;
import dev.pullfix.model.policy.PolicyParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {

    @TempDir
    Path dir;

    @Test
    void refusesAManifestOverItsCapBySizeAlone() throws Exception {
        Path f = dir.resolve("big.yaml");
        try (var out = new java.io.RandomAccessFile(f.toFile(), "rw")) {
            out.setLength(InputKind.MANIFEST.maxBytes() + 1);
        }
        assertThatThrownBy(() -> Inputs.read(f, InputKind.MANIFEST)).isInstanceOfSatisfying(InputProblem.class, e -> {
            assertThat(e.code()).isEqualTo(InputProblem.Code.TOO_LARGE);
            assertThat(e.messageKey()).isEqualTo("limits.input.TOO_LARGE");
            assertThat(e.messageArgs()).containsExactly(f.toString(), "4194305", "manifest", "4194304");
        });
    }

    @Test
    void saysWhenAFileIsMissingOrADirectory() {
        assertThatThrownBy(() -> Inputs.read(dir.resolve("nope.json"), InputKind.POLICY))
                .isInstanceOfSatisfying(InputProblem.class, e -> assertThat(e.getMessage()).endsWith("(no such file)"));
        assertThatThrownBy(() -> Inputs.read(dir, InputKind.POLICY))
                .isInstanceOfSatisfying(InputProblem.class, e -> assertThat(e.getMessage()).endsWith("(a directory)"));
    }

    @Test
    void readsAnOrdinaryFileAndDropsAByteOrderMark() throws Exception {
        Path f = dir.resolve("p.json");
        Files.writeString(f, "\uFEFF{\"Version\":\"2012-10-17\"}");
        assertThat(Inputs.read(f, InputKind.POLICY)).isEqualTo("{\"Version\":\"2012-10-17\"}");
    }

    @Test
    void aYamlAliasBombDoesNotExpandInTheLimitedMapper() throws Exception {
        StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        String text = sb.toString();
        var mapper = Inputs.yamlMapper(InputKind.MANIFEST);
        try {
            // expanded, this is 9^10 (3.5 billion) strings; it must either be refused or stay small
            String back = mapper.writeValueAsString(mapper.readValue(text, Object.class));
            assertThat(back.length()).isLessThan(100_000);
        } catch (JsonProcessingException e) {
            assertThat(Inputs.describe(e, "m.yaml", text).code()).isEqualTo(InputProblem.Code.TOO_MANY_ALIASES);
        }
    }

    @Test
    void deeplyNestedJsonIsRefusedWithItsPlace() {
        String json = "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}";
        InputProblem p;
        try {
            Inputs.jsonMapper(InputKind.POLICY_CASE).readTree(json);
            throw new AssertionError("read");
        } catch (JsonProcessingException e) {
            p = Inputs.describe(e, "case.json", json);
        }
        assertThat(p.code()).isEqualTo(InputProblem.Code.TOO_DEEP);
        assertThat(p.getMessage()).startsWith("case.json, line 1, column ").endsWith("nested deeper than 64 levels")
                .doesNotContain("StreamReadConstraints");
    }

    @Test
    void policyParseErrorsCarryNoLibraryWordsAndRefuseHugeDocuments() {
        assertThatThrownBy(() -> PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"k\":" + "[".repeat(100)
                + "]".repeat(100) + "}}}]}"))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> {
                    assertThat(e.getMessage()).contains("nested deeper than 64 levels")
                            .doesNotContain("StreamReadConstraints", "getMaxNestingDepth");
                    assertThat(e.line()).isEqualTo(1);
                });
        assertThatThrownBy(() -> PolicyParser.parse("{\"Version\": 12" + " ".repeat(300_000) + "}"))
                .isInstanceOfSatisfying(InvalidPolicyException.class,
                        e -> assertThat(e.getMessage()).contains("too large"));
        assertThatThrownBy(() -> PolicyParser.parse("{\"Version\" \"x\"}"))
                .isInstanceOfSatisfying(InvalidPolicyException.class,
                        e -> assertThat(e.getMessage()).doesNotContain("(code ").contains("Invalid JSON"));
    }

    @Test
    void cleanDropsTypeNamesAndCharacterCodes() {
        assertThat(Inputs.clean("Cannot deserialize value of type `io.fabric8.kubernetes.api.model.Cluster` from "
                + "Array value (token `JsonToken.START_ARRAY`)\n at [Source: (String)\"x\"; line: 1]"))
                .isEqualTo("Cannot deserialize value of type a value from Array value (token a value)");
        assertThat(Inputs.clean("Unexpected character ('}' (code 125)): was expecting a colon"))
                .isEqualTo("Unexpected character ('}'): was expecting a colon");
    }
}
