package dev.pullfix.model.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The policy package is pure: no fabric8, no AWS SDK, no JavaFX (DESIGN.md). */
class PolicyPurityTest {
    @Test
    void policyPackageDependsOnNeitherFabric8NorTheAwsSdkNorJavaFx() {
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false); // names suffice; resolving costs seconds
        try {
            check();
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    private static void check() {
        // import the compiled package directly: scanning the whole classpath (AWS SDK, fabric8) takes many seconds
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target/classes/dev/pullfix/model/policy"));
        assertThat(classes).isNotEmpty();
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.fabric8..", "software.amazon..", "javafx..")
                .check(classes);
    }
}
