package dev.pullfix.model.cluster;

import dev.pullfix.model.lab.server.LabApiServer;
import dev.pullfix.model.lab.server.LabApiServerOptions;
import dev.pullfix.model.lab.server.LabPopulation;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pullfix snapshot vs {@code kubectl get pods -A -o json} against the same lab API server in the same run
 * (not a test); both read the kubeconfig it writes, so both speak HTTPS with its CA and send its token, as against a
 * real cluster. Prints, per size: the snapshot's wall time (median of 3 after one warm-up), kubectl's wall time
 * (median of 3 at 5,000 pods, one run above), their ratio (target ≤ 1.0), and the heap the snapshot retains.
 * Run: {@code mvn -B -Pbench verify -pl model -am -Dtest=ClusterSnapshotBench -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.sizes=5000} for one size).
 */
@Tag("benchmark")
class ClusterSnapshotBench {

    @TempDir
    Path dir;

    @Test
    void snapshotVersusKubectlAtScale() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "5000,50000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Path kubectl = Path.of("/usr/bin/kubectl");
        boolean haveKubectl = Files.isExecutable(kubectl);
        System.out.printf("load average at start: %s (2 shared cores; both sides measured under the same load)%n",
                Files.readString(Path.of("/proc/loadavg")).trim());
        if (!haveKubectl) {
            System.out.println("kubectl not found at /usr/bin/kubectl: no ratio, Pullfix figures only");
        }
        System.out.printf("%-7s %9s %8s %11s %8s %10s %9s %8s%n", "pods", "failing", "pageSize", "pullfix", "kubectl",
                "ratio", "heapMB", "B/pod");
        for (int n : sizes) {
            try (LabApiServer server = LabApiServer.start(LabApiServerOptions.defaults())) {
                LabPopulation.Result r = LabPopulation.generate(server.store(),
                        new LabPopulation.Spec(n, 50, 0.1, 42, Instant.now()));
                Path kc = server.writeKubeconfig(dir.resolve("kubeconfig-" + n));
                ClusterEnvironment env = ClusterEnvironment.of(Map.of("PATH", "/usr/bin:/bin"), dir);
                snapshot(env, kc); // warm-up (JIT, connection)
                double[] ours = new double[3];
                ClusterSnapshot s = null;
                for (int i = 0; i < ours.length; i++) {
                    s = null;
                    long t0 = System.nanoTime();
                    s = snapshot(env, kc);
                    ours[i] = (System.nanoTime() - t0) / 1e9;
                }
                long withSnapshot = usedHeapAfterGc();
                int failing = s.failingPodCount();
                int count = s.podCount();
                s = null;
                long without = usedHeapAfterGc();
                long heap = Math.max(0, withSnapshot - without);
                double pullfix = median(ours);
                String kube = "-";
                String ratio = "-";
                if (haveKubectl) {
                    kubectl(kubectl, kc, "get", "ns"); // discovery cache warm-up, as a user's kubectl has
                    int runs = n <= 5000 ? 3 : 1;
                    double[] k = new double[runs];
                    for (int i = 0; i < runs; i++) {
                        k[i] = kubectl(kubectl, kc, "get", "pods", "-A", "-o", "json");
                    }
                    double km = median(k);
                    kube = String.format("%.2fs", km);
                    ratio = String.format("%.3f", pullfix / km);
                }
                System.out.printf("%-7d %9d %8d %10.2fs %8s %10s %9.1f %8d%n", count, failing,
                        PodTreeLoader.DEFAULT_PAGE_SIZE, pullfix, kube, ratio, heap / 1048576.0, heap / Math.max(1, count));
                System.out.printf("        (population: %d pods, %d failing, %d events; pullfix runs %s)%n", r.pods(),
                        r.failingPods(), r.events(), Arrays.toString(ours));
            }
        }
    }

    private static ClusterSnapshot snapshot(ClusterEnvironment env, Path kc) {
        Kubeconfig k = Kubeconfig.load(env, kc);
        try (ClusterConnection c = new ClusterConnector(env, ClusterConnector.Options.defaults()).connect(k, null)) {
            return new PodTreeLoader().load(c, PodTreeLoader.Scope.allNamespaces());
        }
    }

    private static double kubectl(Path kubectl, Path kc, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kc.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("HOME", kc.getParent().toString());
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("kubectl timed out");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("kubectl failed: " + p.exitValue());
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        var mem = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return mem.getUsed();
    }
}
