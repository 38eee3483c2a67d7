package dev.pullfix.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of DESIGN.md, enforced: app → model → (fabric8, AWS SDK); pure packages depend on neither. */
@AnalyzeClasses(packages = "dev.pullfix", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelNeverImportsJavaFx = noClasses().that().resideInAPackage("dev.pullfix.model..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "com.sun.javafx..");

    @ArchTest
    static final ArchRule modelNeverReachesIntoTheApp = noClasses().that().resideInAPackage("dev.pullfix.model..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pullfix.app..", "dev.pullfix.cli..");

    @ArchTest
    static final ArchRule purePackagesUseNeitherFabric8NorTheAwsSdk = noClasses()
            .that().resideInAnyPackage("dev.pullfix.model.image..", "dev.pullfix.model.policy..",
                    "dev.pullfix.model.diagnosis..")
            .should().dependOnClassesThat().resideInAnyPackage("io.fabric8..", "software.amazon..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule commandLineDoesNotUseJavaFx = noClasses().that().resideInAPackage("dev.pullfix.cli..")
            .and().doNotHaveSimpleName("Main")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");
}
