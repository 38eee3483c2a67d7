package dev.pullfix.model.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void masksTheValueAndItsEncodedForms() {
        Secrets s = new Secrets();
        String v = "p@ss/w0rd+\"quoted\"";
        s.add(v);

        assertThat(s.mask("x " + v + " y")).isEqualTo("x [REDACTED] y");
        assertThat(s.mask(Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(Redactor.MASK);
        assertThat(s.mask("q=" + URLEncoder.encode(v, StandardCharsets.UTF_8))).isEqualTo("q=[REDACTED]");
        assertThat(s.mask("{\"p\":\"p@ss/w0rd+\\\"quoted\\\"\"}")).isEqualTo("{\"p\":\"[REDACTED]\"}");
    }

    @Test
    void masksShortValuesOnlyAsWholeWords() {
        Secrets s = new Secrets();
        s.add("abc12");

        assertThat(s.mask("abc12 and xabc12 and abc123 and (abc12)")).isEqualTo("[REDACTED] and xabc12 and abc123 and ([REDACTED])");
    }

    @Test
    void ignoresNullBlankAndTooShortValues() {
        Secrets s = new Secrets();
        s.add(null);
        s.add("   ");
        s.add("abc");

        assertThat(s.size()).isZero();
        assertThat(s.mask("abc")).isEqualTo("abc");
    }

    @Test
    void masksTheLongerOfTwoOverlappingValuesWhole() {
        Secrets s = new Secrets();
        s.add("token-1234");
        s.add("token-1234-extended");

        assertThat(s.mask("a token-1234-extended b")).isEqualTo("a [REDACTED] b");
        assertThat(s.leaksInto("a token-1234 b")).isTrue();
        assertThat(s.leaksInto("a [REDACTED] b")).isFalse();
    }
}
