package dev.pullfix.model.aws;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ports stay free of SDK types; every message code the package emits exists in both bundles. */
class AwsPackageGuardTest {

    @Test
    void portsAndRecordsDoNotDependOnTheSdk() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.pullfix.model.aws");
        noClasses().that().resideInAPackage("dev.pullfix.model.aws")
                .and().haveSimpleNameNotStartingWith("Sdk")
                .and().haveSimpleNameNotStartingWith("AwsSession")
                .and().haveSimpleNameNotStartingWith("AwsProfiles")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..")
                .because("the diagnosis engine and the lab use the ports without the AWS SDK")
                .check(classes);
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
