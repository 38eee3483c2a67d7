package dev.pullfix.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, row 1 (a benchmark, not a test): {@code pullfix pods -A} against {@code kubectl get pods -A} on 5,000
 * and 50,000 pods of {@code pullfix apiserver} (its own process), whole processes with their peak memory, medians of
 * 3. Target: wall ≤ 1.5× at 5,000.
 * Run: {@code mvn -B -Pbench verify -pl app -am -Dtest=PodsTableBench -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.sizes=5000}, {@code -Dbench.runs=N}, {@code -Dbench.baseline=DIR} for an older build beside).
 */
@Tag("benchmark")
class PodsTableBench {
    @TempDir
    Path dir;

    @Test
    void podsTableAgainstKubectlGetPods() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "5000,50000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        for (int pods : sizes) {
            table(pods);
        }
    }

    private void table(int pods) throws Exception {
        Path kubectl = ProcessBench.kubectl();
        System.out.println("PodsTableBench: " + pods + " pods, load average at start " + ProcessBench.loadAverage());
        try (LabProcess lab = LabProcess.apiserver(dir.resolve("lab-" + pods), pods)) {
            String kc = lab.kubeconfig.toString();
            ProcessBench bench = new ProcessBench(dir);
            List<ProcessBench.Side> sides = new ArrayList<>();
            sides.add(ProcessBench.Side.of("pullfix pods -A", ProcessBench.pullfix("pods", "-A", "--kubeconfig", kc)));
            List<String> before = ProcessBench.baseline("pods", "-A", "--kubeconfig", kc);
            if (before != null) {
                sides.add(ProcessBench.Side.of("pullfix pods -A (baseline)", before));
            }
            if (kubectl == null) {
                System.out.println("PodsTableBench: no kubectl at /usr/bin/kubectl: Pullfix figures only");
                sides.add(sides.get(0));
            } else {
                sides.add(ProcessBench.Side.of("kubectl get pods -A", List.of(kubectl.toString(), "--kubeconfig", kc,
                        "--cache-dir", dir.resolve("kcache").toString(), "get", "pods", "-A")));
            }
            // the same rows: one line per pod plus the header on both sides
            assertThat(bench.run(sides.get(0)).stdout().lines().count()).isEqualTo(pods + 1);
            var figures = bench.compare(Integer.getInteger("bench.runs", 3), sides);
            ProcessBench.print("pods -A table, " + pods + " pods", figures, pods > 5000 ? "none at this size" : "wall <= 1.5x");
        }
        System.out.println("PodsTableBench: load average at end " + ProcessBench.loadAverage());
    }
}
