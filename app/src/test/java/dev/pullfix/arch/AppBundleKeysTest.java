package dev.pullfix.arch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.shell.ConnectionViewModel;
import dev.pullfix.model.diagnosis.runbook.Verdict;
import dev.pullfix.model.fix.DryRun;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code app} bundle and the workbench's code agree (as JabRef's LocalizationConsistencyTest): every key the code
 * asks {@code I18n.t} for exists, every key built from a prefix and an enum exists for each constant, and every key
 * in the bundle is used somewhere in the app's code.
 */
class AppBundleKeysTest {
    /** {@code i18n.t("key"}, {@code t.t("key"}, {@code i18n.get().t("key"}: the app bundle's lookups. */
    static final Pattern LOOKUP = Pattern.compile("\\b(?:i18n|t|get\\(\\))\\.t\\(\"([A-Za-z0-9_.]+)\"");
    /** {@code .t("prefix." + something}: a key built at run time. */
    static final Pattern BUILT = Pattern.compile("\\b(?:i18n|t|get\\(\\))\\.t\\(\"([A-Za-z0-9_.]+\\.)\"\\s*\\+");
    static final Pattern LITERAL = Pattern.compile("\"([A-Za-z0-9_.]+)\"");

    /** The keys built at run time, with every value the code can append. Teach the test a new prefix here. */
    static final Map<String, List<String>> BUILT_KEYS = Map.of(
            "connection.", names(ConnectionViewModel.State.values()),
            "verdict.", names(Verdict.values()),
            "fix.confirm.dryRun.", names(DryRun.Status.values()),
            "menu.language.", List.of("auto", "en", "ja"));

    static Set<String> bundle;
    static String code;

    static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    @BeforeAll
    static void read() throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(SourceFiles.I18N.resolve("app.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        bundle = new TreeSet<>(p.stringPropertyNames());
        code = SourceFiles.java(SourceFiles.APP).values().stream().map(SourceFiles::withoutComments)
                .collect(Collectors.joining("\n"));
    }

    static Set<String> all(Pattern p) {
        Set<String> out = new TreeSet<>();
        Matcher m = p.matcher(code);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyKeyTheCodeAsksForIsInTheBundle() {
        Set<String> asked = all(LOOKUP);
        asked.removeIf(k -> k.endsWith("."));
        assertThat(asked).hasSizeGreaterThan(50);
        assertThat(asked).as("keys used in code but missing from app.properties").isSubsetOf(bundle);
    }

    @Test
    void everyKeyBuiltAtRunTimeExistsForEveryValue() {
        assertThat(all(BUILT)).as("prefixes the code builds keys from (teach BUILT_KEYS a new one)")
                .isSubsetOf(BUILT_KEYS.keySet());
        BUILT_KEYS.forEach((prefix, values) -> values.forEach(v ->
                assertThat(bundle).as("app.properties").contains(prefix + v)));
    }

    @Test
    void everyKeyInTheBundleIsUsed() {
        Set<String> literals = all(LITERAL);
        Set<String> unused = new TreeSet<>(bundle);
        unused.removeIf(k -> literals.contains(k) || BUILT_KEYS.entrySet().stream()
                .anyMatch(e -> e.getValue().stream().anyMatch(v -> k.equals(e.getKey() + v))));
        assertThat(unused).as("keys in app.properties that no code uses").isEmpty();
    }
}
