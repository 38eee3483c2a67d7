package dev.pullfix.model.registry.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Outside tools a test drives: absent on a developer machine the test is skipped, but in CI ({@code PULLFIX_CI} set by
 * {@code .ci/run}, which installs them) it fails.
 */
public final class Tools {
    private Tools() {
    }

    /** Skips (developer machine) or fails (CI) unless every binary is on the PATH. */
    public static void need(String... binaries) {
        for (String b : binaries) {
            if (which(b) == null) {
                String msg = b + " is not installed (apt-get install docker-registry skopeo apache2-utils)";
                if (System.getenv("PULLFIX_CI") != null) {
                    Assertions.fail(msg + "; .ci/run installs it, so CI must not skip");
                }
                Assumptions.abort(msg);
            }
        }
    }

    public static Path which(String binary) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, binary);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
