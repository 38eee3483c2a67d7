package dev.pullfix.model.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The policy bundles: same keys in English and Japanese, and every code the model returns has a message. */
class PolicyBundleTest {
    private static Properties load(String name) {
        try (InputStream in = PolicyBundleTest.class.getResourceAsStream("/dev/pullfix/i18n/" + name)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void englishAndJapaneseBundlesHaveTheSameKeys() {
        assertThat(new TreeSet<>(load("policy_ja.properties").stringPropertyNames()))
                .isEqualTo(new TreeSet<>(load("policy.properties").stringPropertyNames()));
    }

    @Test
    void everyMessageCodeInThePolicyPackageHasAMessage() throws IOException {
        Set<String> keys = load("policy.properties").stringPropertyNames();
        Pattern code = Pattern.compile("\"((?:parse|why|reason|pull|lint)\\.[A-Za-z.]+)\"");
        Set<String> used = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/pullfix/model/policy"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = code.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        used.removeIf(k -> k.endsWith("."));
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }

    @Test
    void japaneseMessagesAreActuallyTranslated() {
        Properties ja = load("policy_ja.properties");
        assertThat(ja.getProperty("lint.writeGrant")).contains("書き込み");
        assertThat(ja.getProperty("reason.noResourceAllow")).contains("リソースベースのポリシー");
    }
}
