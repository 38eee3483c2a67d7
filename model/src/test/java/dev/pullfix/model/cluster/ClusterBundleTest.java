package dev.pullfix.model.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The cluster bundle: every error code has a message and a hint, in English and Japanese, same keys. */
class ClusterBundleTest {

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ClusterBundleTest.class.getResourceAsStream("/dev/pullfix/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyErrorCodeHasAMessageAndAHintInBothLanguages() throws Exception {
        Properties en = load("cluster.properties");
        Properties ja = load("cluster_ja.properties");
        assertThat(ja.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (ClusterError.Code c : ClusterError.Code.values()) {
            ClusterError e = ClusterError.of(c);
            assertThat(en).containsKeys(e.messageKey(), e.hintKey());
        }
        for (ConnectionState s : ConnectionState.values()) {
            assertThat(en).containsKey("cluster.state." + s.name());
        }
        long unusedErrors = en.stringPropertyNames().stream().filter(k -> k.startsWith("cluster.error."))
                .filter(k -> Arrays.stream(ClusterError.Code.values()).noneMatch(c -> k.endsWith("." + c.name())))
                .count();
        assertThat(unusedErrors).isZero();
    }

    @Test
    void japaneseMessagesAreTranslated() throws Exception {
        Properties en = load("cluster.properties");
        Properties ja = load("cluster_ja.properties");
        long same = en.stringPropertyNames().stream().filter(k -> en.getProperty(k).equals(ja.getProperty(k))).count();
        assertThat(same).isZero();
    }
}
