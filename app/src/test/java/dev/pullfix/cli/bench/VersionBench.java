package dev.pullfix.cli.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, row 5 (a benchmark, not a test): {@code pullfix --version}, the bare cost of starting the command
 * line, beside {@code kubectl version --client}; whole processes, medians of 5.
 * Run: {@code mvn -B -Pbench verify -pl app -am -Dtest=VersionBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class VersionBench {
    @TempDir
    Path dir;

    @Test
    void versionAgainstKubectlVersionClient() throws Exception {
        System.out.println("VersionBench: load average at start " + ProcessBench.loadAverage());
        ProcessBench bench = new ProcessBench(dir);
        List<ProcessBench.Side> sides = new ArrayList<>();
        sides.add(ProcessBench.Side.of("pullfix --version", ProcessBench.pullfix("--version")));
        List<String> before = ProcessBench.baseline("--version");
        if (before != null) {
            sides.add(ProcessBench.Side.of("pullfix --version (baseline)", before));
        }
        Path kubectl = ProcessBench.kubectl();
        sides.add(kubectl == null ? sides.get(0)
                : ProcessBench.Side.of("kubectl version --client", List.of(kubectl.toString(), "version", "--client")));
        var figures = bench.compare(Integer.getInteger("bench.runs", 5), sides);
        ProcessBench.print("--version", figures, "none in the issue; CPU is the start-up floor of every command");
        System.out.println("VersionBench: load average at end " + ProcessBench.loadAverage());
    }
}
