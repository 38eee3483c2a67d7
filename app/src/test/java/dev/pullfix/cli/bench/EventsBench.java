package dev.pullfix.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, row 4 (a benchmark, not a test): {@code pullfix events POD} against {@code kubectl describe pod POD}
 * on the practice lab's S1 ({@code pullfix lab}, its own process), whole processes from cold, medians of 5.
 * Target: wall ≤ 4×.
 * Run: {@code mvn -B -Pbench verify -pl app -am -Dtest=EventsBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class EventsBench {
    @TempDir
    Path dir;

    @Test
    void eventsAgainstKubectlDescribePod() throws Exception {
        System.out.println("EventsBench: load average at start " + ProcessBench.loadAverage());
        try (LabProcess lab = LabProcess.lab(dir.resolve("lab"), "S1")) {
            ProcessBench bench = new ProcessBench(dir).env(lab.env());
            LabPod pod = LabPod.failing(bench, lab, dir);
            List<ProcessBench.Side> sides = new ArrayList<>();
            sides.add(ProcessBench.Side.of("pullfix events", ProcessBench.pullfix("events", "-n", pod.namespace(), pod.name())));
            List<String> before = ProcessBench.baseline("events", "-n", pod.namespace(), pod.name());
            if (before != null) {
                sides.add(ProcessBench.Side.of("pullfix events (baseline)", before));
            }
            Path kubectl = ProcessBench.kubectl();
            sides.add(kubectl == null ? sides.get(0) : ProcessBench.Side.of("kubectl describe pod", List.of(
                    kubectl.toString(), "--cache-dir", dir.resolve("kcache").toString(), "describe", "pod", "-n",
                    pod.namespace(), pod.name())));
            assertThat(bench.run(sides.get(0)).stdout()).contains("Events:").contains("Failed");
            var figures = bench.compare(Integer.getInteger("bench.runs", 5), sides);
            ProcessBench.print("events one pod (S1), cold", figures, "wall <= 4x");
        }
        System.out.println("EventsBench: load average at end " + ProcessBench.loadAverage());
    }
}
