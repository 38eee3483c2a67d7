package dev.pullfix.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every app package says in its package-info what lives there and what may not. */
class PackageDocsTest {

    @Test
    void everyAppPackageHasAPackageInfoSayingWhatItMayNotDo() throws Exception {
        List<Path> packages = SourceFiles.packages(SourceFiles.APP);
        assertThat(packages).hasSizeGreaterThan(5);
        for (Path p : packages) {
            Path info = p.resolve("package-info.java");
            assertThat(info).as("package-info of %s", p).exists();
            String text = Files.readString(info);
            assertThat(text).as("%s documents the package", info).contains("/**");
            assertThat(text).as("%s says what the package may not use", info).contains("May not");
        }
    }
}
