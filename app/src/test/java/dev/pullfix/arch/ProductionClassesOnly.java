package dev.pullfix.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Imports production classes only. ArchUnit's {@link ImportOption.DoNotIncludeTests} knows test output folders but
 * not the model's test jar ({@code pullfix-model-…-tests.jar}, a test dependency of the app): in a full reactor
 * build the model's tests and benchmarks came in through it and broke the rules meant for shipped code.
 */
public final class ProductionClassesOnly implements ImportOption {
    private final ImportOption folders = new DoNotIncludeTests();

    @Override
    public boolean includes(Location location) {
        return folders.includes(location) && !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar!/.*"));
    }
}
