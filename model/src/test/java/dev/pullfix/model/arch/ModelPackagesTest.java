package dev.pullfix.model.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The model's packages form no cycle, and each says in its package-info what lives there and what may not (the app's
 * ArchitectureTest checks the same across all modules; this one runs with the model's own build, in seconds).
 */
class ModelPackagesTest {
    static final Path CLASSES = Path.of("target/classes/dev/pullfix/model");
    static final Path SOURCES = Path.of("src/main/java/dev/pullfix/model");

    @Test
    void modelPackagesHaveNoCycles() {
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false); // names suffice; resolving the SDK costs seconds
        try {
            JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPath(CLASSES);
            assertThat(classes.size()).isGreaterThan(300);
            slices().matching("dev.pullfix.model.(**)").should().beFreeOfCycles().check(classes);
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    @Test
    void everyModelPackageSaysWhatLivesThereAndWhatMayNot() throws IOException {
        List<Path> packages;
        try (Stream<Path> dirs = Files.walk(SOURCES)) {
            packages = dirs.filter(Files::isDirectory).filter(d -> {
                try (Stream<Path> files = Files.list(d)) {
                    return files.anyMatch(f -> f.toString().endsWith(".java"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(packages).hasSizeGreaterThan(20);
        for (Path p : packages) {
            Path info = p.resolve("package-info.java");
            assertThat(info).as("package-info of %s", p).exists();
            assertThat(Files.readString(info)).as("%s says what the package may not use", info).contains("May not");
        }
    }
}
