package dev.pullfix.model.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ports stay free of SDK types (so do the checks built on them); every message code the package emits exists in both bundles. */
class AwsPackageGuardTest {

    /**
     * A source scan rather than ArchUnit: importing this package with ArchUnit drags the SDK's classes in and took
     * 16 to 100 s here; the text of the sources says the same in milliseconds.
     */
    @Test
    void portsAndRecordsDoNotDependOnTheSdk() throws IOException {
        Path dir = Path.of("src/main/java/dev/pullfix/model/aws");
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith("Sdk") || name.startsWith("AwsSession") || name.startsWith("AwsProfiles")) {
                    continue;
                }
                scanned++;
                if (Files.readString(f).contains("software.amazon.")) {
                    offenders.add(name);
                }
            }
        }
        assertThat(scanned).isGreaterThan(20);
        assertThat(offenders).as("the diagnosis engine and the lab use the ports without the AWS SDK").isEmpty();
    }

    static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = AwsPackageGuardTest.class.getResourceAsStream("/dev/pullfix/i18n/aws" + suffix + ".properties")) {
            assertThat(in).as("bundle aws" + suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @EnumSource(AwsProblem.Kind.class)
    void everyProblemKindHasAMessageInEnglishAndJapanese(AwsProblem.Kind kind) throws IOException {
        String code = AwsProblem.of(kind, null, null, null).messageCode();
        assertThat(bundle("").getProperty(code)).as(code).isNotBlank();
        assertThat(bundle("_ja").getProperty(code)).as(code).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EcrCheck.java", "NodeRoleResolver.java"})
    void everyCodeTheSourceEmitsIsInBothBundles(String file) throws IOException {
        String src = Files.readString(Path.of("src/main/java/dev/pullfix/model/aws", file));
        Matcher m = Pattern.compile("\"(aws\\.(?:check|node)\\.[A-Za-z.]+[A-Za-z])\"").matcher(src);
        Set<String> codes = new TreeSet<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        assertThat(codes).isNotEmpty();
        Properties en = bundle("");
        Properties ja = bundle("_ja");
        for (String c : codes) {
            if (c.endsWith(".action")) {
                for (String d : new String[] {"ALLOW", "EXPLICIT_DENY", "IMPLICIT_DENY", "UNKNOWN"}) {
                    assertThat(en.getProperty(c + "." + d)).as(c + "." + d).isNotBlank();
                    assertThat(ja.getProperty(c + "." + d)).as(c + "." + d).isNotBlank();
                }
                continue;
            }
            assertThat(en.getProperty(c)).as(c).isNotBlank();
            assertThat(ja.getProperty(c)).as(c).isNotBlank();
        }
    }

    @Test
    void bothBundlesHaveTheSameKeysAndValidPatterns() throws IOException {
        Properties en = bundle("");
        Properties ja = bundle("_ja");
        assertThat(ja.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String k : en.stringPropertyNames()) {
            new java.text.MessageFormat(en.getProperty(k), Locale.ENGLISH);
            new java.text.MessageFormat(ja.getProperty(k), Locale.JAPANESE);
        }
    }
}
