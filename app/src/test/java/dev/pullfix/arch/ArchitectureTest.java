package dev.pullfix.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.pullfix.app.common.FxBridge;
import dev.pullfix.app.common.FxTaskRunner;
import javafx.application.Platform;

/**
 * The layering and threading of DESIGN.md, enforced: app → model → (fabric8, AWS SDK); pure packages depend on
 * neither; no package cycles; view-models never touch scenes or stages; only the FX bridge and the task runner hand
 * work to the FX thread; only the command line writes to the standard streams.
 */
@AnalyzeClasses(packages = "dev.pullfix", importOptions = ProductionClassesOnly.class)
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

    @ArchTest
    static final ArchRule appPackagesHaveNoCycles = slices().matching("dev.pullfix.app.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule frontEndsAndModelHaveNoCycles = slices().matching("dev.pullfix.(*)..")
            .should().beFreeOfCycles();

    /**
     * The model's packages form no cycle (the lab's servers take {@code lab.world}, which the session starts them on;
     * the exec-credential code lives in {@code cluster} with the connector that uses it).
     */
    @ArchTest
    static final ArchRule modelPackagesHaveNoCycles = slices().matching("dev.pullfix.model.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule viewModelsNeverTouchScenesOrStages = noClasses()
            .that().resideInAPackage("dev.pullfix.app..").and().haveNameMatching(".*ViewModel(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");

    @ArchTest
    static final ArchRule onlyTheFxBridgeAndTheTaskRunnerCallRunLater = noClasses()
            .that().doNotBelongToAnyOf(FxBridge.class, FxTaskRunner.class)
            .should().callMethod(Platform.class, "runLater", Runnable.class);

    @ArchTest
    static final ArchRule onlyTheCommandLineUsesTheStandardStreams = noClasses()
            .that().resideOutsideOfPackage("dev.pullfix.cli..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);
}
