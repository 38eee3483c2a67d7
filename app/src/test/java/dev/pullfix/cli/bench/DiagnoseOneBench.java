package dev.pullfix.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, row 3 (a benchmark, not a test): {@code pullfix diagnose -n NS POD} on the practice lab's S1 ({@code
 * pullfix lab}, its own process: Kubernetes API and AWS endpoint on loopback, every answer live) from cold, against
 * {@code kubectl get pods -n NS} followed by {@code kubectl describe pod -n NS POD}; whole processes, medians of 5.
 * Target: wall ≤ 8×.
 * Run: {@code mvn -B -Pbench verify -pl app -am -Dtest=DiagnoseOneBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class DiagnoseOneBench {
    @TempDir
    Path dir;

    @Test
    void diagnoseOnePodAgainstKubectlGetAndDescribe() throws Exception {
        System.out.println("DiagnoseOneBench: load average at start " + ProcessBench.loadAverage());
        try (LabProcess lab = LabProcess.lab(dir.resolve("lab"), "S1")) {
            ProcessBench bench = new ProcessBench(dir).env(lab.env());
            LabPod pod = LabPod.failing(bench, lab, dir);
            List<ProcessBench.Side> sides = new ArrayList<>();
            sides.add(ProcessBench.Side.of("pullfix diagnose",
                    ProcessBench.pullfix("diagnose", "-n", pod.namespace(), pod.name(), "--json")));
            List<String> before = ProcessBench.baseline("diagnose", "-n", pod.namespace(), pod.name(), "--json");
            if (before != null) {
                sides.add(ProcessBench.Side.of("pullfix diagnose (baseline)", before));
            }
            Path kubectl = ProcessBench.kubectl();
            String cache = dir.resolve("kcache").toString();
            sides.add(kubectl == null ? sides.get(0) : new ProcessBench.Side("kubectl get pods + describe pod", List.of(
                    List.of(kubectl.toString(), "--cache-dir", cache, "get", "pods", "-n", pod.namespace()),
                    List.of(kubectl.toString(), "--cache-dir", cache, "describe", "pod", "-n", pod.namespace(), pod.name()))));
            // the live answer: S1's cause, decided from the ECR repository policy the lab's AWS endpoint returns
            assertThat(bench.run(sides.get(0)).stdout()).contains("FORBIDDEN_POLICY");
            var figures = bench.compare(Integer.getInteger("bench.runs", 5), sides);
            ProcessBench.print("diagnose one pod (S1), cold", figures, "wall <= 8x");
        }
        System.out.println("DiagnoseOneBench: load average at end " + ProcessBench.loadAverage());
    }
}
