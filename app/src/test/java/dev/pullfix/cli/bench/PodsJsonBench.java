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
 * Issue 16, row 2 (a benchmark, not a test): {@code pullfix pods -A --json} against {@code kubectl get pods -A -o
 * json} at 5,000 and 50,000 pods of {@code pullfix apiserver} (its own process), whole processes with their peak
 * memory, medians of 3. Targets: ≤ 0.7× at 5,000, ≤ 0.3× at 50,000, Pullfix's peak RSS under 300 MB.
 * Run: {@code mvn -B -Pbench verify -pl app -am -Dtest=PodsJsonBench -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.sizes=5000}, {@code -Dbench.runs=N}, {@code -Dbench.baseline=DIR}).
 */
@Tag("benchmark")
class PodsJsonBench {
    @TempDir
    Path dir;

    @Test
    void podsJsonAgainstKubectlGetPodsJson() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "5000,50000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Path kubectl = ProcessBench.kubectl();
        for (int pods : sizes) {
            System.out.println("PodsJsonBench: " + pods + " pods, load average at start " + ProcessBench.loadAverage());
            try (LabProcess lab = LabProcess.apiserver(dir.resolve("lab-" + pods), pods)) {
                String kc = lab.kubeconfig.toString();
                ProcessBench bench = new ProcessBench(dir);
                List<ProcessBench.Side> sides = new ArrayList<>();
                sides.add(ProcessBench.Side.of("pullfix pods -A --json",
                        ProcessBench.pullfix("pods", "-A", "--json", "--kubeconfig", kc)));
                List<String> before = ProcessBench.baseline("pods", "-A", "--json", "--kubeconfig", kc);
                if (before != null) {
                    sides.add(ProcessBench.Side.of("pullfix --json (baseline)", before));
                }
                sides.add(kubectl == null ? sides.get(0) : ProcessBench.Side.of("kubectl get pods -A -o json",
                        List.of(kubectl.toString(), "--kubeconfig", kc, "--cache-dir", dir.resolve("kcache").toString(),
                                "get", "pods", "-A", "-o", "json")));
                assertThat(bench.run(sides.get(0)).stdout()).contains("\"pods\" : " + pods);
                var figures = bench.compare(Integer.getInteger("bench.runs", 3), sides);
                ProcessBench.print("pods -A --json, " + pods + " pods", figures,
                        (pods >= 50_000 ? "wall <= 0.3x" : "wall <= 0.7x") + ", Pullfix peak RSS < 300 MB");
            }
        }
        System.out.println("PodsJsonBench: load average at end " + ProcessBench.loadAverage());
    }
}
