package dev.pullfix.model.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The policy package is pure: no fabric8, no AWS SDK, no JavaFX (DESIGN.md). */
class PolicyPurityTest {
    @Test
    void policyPackageDependsOnNeitherFabric8NorTheAwsSdkNorJavaFx() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.pullfix.model.policy");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.fabric8..", "software.amazon..", "javafx..")
                .check(classes);
    }
}
