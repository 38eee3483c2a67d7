package dev.pullfix.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every English bundle has a Japanese twin with exactly the same keys, and no value is blank. */
class I18nBundlesTest {
    static final Path DIR = Path.of("src/main/resources/dev/pullfix/i18n");

    static Stream<Path> englishBundles() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".properties"))
                    .filter(p -> !p.getFileName().toString().matches(".*_[a-z]{2}\\.properties"))
                    .sorted().toList();
            return all.stream();
        }
    }

    static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        return props;
    }

    @Test
    void thereIsAtLeastTheAppBundle() throws IOException {
        assertThat(englishBundles()).extracting(p -> p.getFileName().toString()).contains("app.properties");
    }

    @ParameterizedTest
    @MethodSource("englishBundles")
    void japaneseBundleHasTheSameKeysAsTheEnglishOne(Path english) throws IOException {
        Path japanese = english.resolveSibling(english.getFileName().toString().replace(".properties", "_ja.properties"));
        assertThat(japanese).as("Japanese twin of %s", english.getFileName()).exists();
        Properties en = load(english);
        Properties ja = load(japanese);
        assertThat(ja.stringPropertyNames()).as("keys of %s", japanese.getFileName())
                .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        en.forEach((k, v) -> assertThat(v.toString()).as("%s in %s", k, english.getFileName()).isNotBlank());
        ja.forEach((k, v) -> assertThat(v.toString()).as("%s in %s", k, japanese.getFileName()).isNotBlank());
    }
}
