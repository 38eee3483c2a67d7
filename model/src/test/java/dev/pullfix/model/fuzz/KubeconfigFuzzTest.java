package dev.pullfix.model.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pullfix.model.cluster.ClusterEnvironment;
import dev.pullfix.model.cluster.ClusterError;
import dev.pullfix.model.cluster.Kubeconfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Any bytes as a kubeconfig: loaded, or refused as a ClusterError in our words, never another exception. */
class KubeconfigFuzzTest {

    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("pullfix-fuzz-kubeconfig");
            DIR.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "2m")
    void loadsOrRefusesInOurWords(byte[] data) throws IOException {
        Path file = DIR.resolve("config");
        Files.write(file, data);
        ClusterEnvironment env = ClusterEnvironment.of(Map.of(), DIR);
        try {
            Kubeconfig k = Kubeconfig.load(env, file);
            k.contexts().forEach(c -> assertThat(c.name()).isNotNull());
        } catch (ClusterError e) {
            assertThat(String.join(" ", e.args())).doesNotContain("io.fabric8", "com.fasterxml", "StreamReadConstraints",
                    "MalformedInputException");
        }
    }
}
