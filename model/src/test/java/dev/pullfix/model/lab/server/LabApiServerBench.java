package dev.pullfix.model.lab.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale figures of the lab API server (not a test): preload time for 5,000 / 20,000 / 50,000 pods, heap and RSS
 * after load, a 500-item page (JSON and Table), one GET, and kubectl's wall times for {@code get pods -A} (table,
 * default paging and {@code --chunk-size=0}) and {@code -o json}. Targets: 50k preload under 60 s, heap under
 * 300 MB, a page under 20 ms. Run: {@code mvn -B -Pbench verify -pl model -am -Dtest=LabApiServerBench
 * -Dsurefire.failIfNoSpecifiedTests=false} (add {@code -Dbench.sizes=5000} for one size).
 */
@Tag("benchmark")
class LabApiServerBench {
    @TempDir
    Path dir;

    private HttpClient http;
    private String token;

    @Test
    void preloadPagesAndKubectlAtScale() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "5000,20000,50000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        boolean kubectl = KubectlConformanceTest.onPath("kubectl");
        System.out.printf("load average at start: %s (2 cores shared; wall times inflate under load, preloadCpu does not)%n",
                Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.printf("%-7s %9s %10s %8s %8s %9s %9s %9s %8s%n", "pods", "preload", "preloadCpu", "heapMB", "rssMB",
                "page500", "table500", "lastPage", "getOne");
        for (int n : sizes) {
            try (LabApiServer server = LabApiServer.start(LabApiServerOptions.defaults())) {
                // HTTPS with the server's CA and its bearer token, as kubectl below and a real cluster
                http = HttpClient.newBuilder().sslContext(server.clientSslContext()).build();
                token = server.token();
                long t0 = System.nanoTime();
                long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                LabPopulation.Result r = LabPopulation.generate(server.store(), new LabPopulation.Spec(n, 50, 0.1, 42, Instant.now()));
                double preload = (System.nanoTime() - t0) / 1e9;
                double preloadCpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0) / 1e9;
                long heap = usedHeapAfterGc();
                long rss = rssKb();
                String base = server.url();
                double page = median(() -> get(base + "/api/v1/pods?limit=500", null), 30);
                double table = median(() -> get(base + "/api/v1/pods?limit=500",
                        "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"), 30);
                String token = lastPageToken(base, n);
                double last = median(() -> get(base + "/api/v1/pods?limit=500&continue=" + token, null), 30);
                StoredObject one = server.store().list(ResourceTypes.PODS, "payments", null).get(0);
                double getOne = median(() -> get(base + "/api/v1/namespaces/payments/pods/" + one.name(), null), 50);
                System.out.printf("%-7d %8.2fs %9.2fs %8d %8d %7.2fms %7.2fms %7.2fms %6.2fms%n", r.pods(), preload, preloadCpu,
                        heap / (1024 * 1024), rss / 1024, page, table, last, getOne);
                System.out.printf("        server CPU per request (event-loop threads, immune to machine load): page500 %.2f ms, "
                                + "table500 %.2f ms, one GET %.3f ms; full list of all pods (JSON, streamed) %.0f ms%n",
                        serverCpuMs(() -> get(base + "/api/v1/pods?limit=500", null), 20),
                        serverCpuMs(() -> get(base + "/api/v1/pods?limit=500", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"), 20),
                        serverCpuMs(() -> get(base + "/api/v1/namespaces/payments/pods/" + one.name(), null), 50),
                        serverCpuMs(() -> get(base + "/api/v1/pods", null), 2));
                if (kubectl) {
                    Path kc = server.writeKubeconfig(dir.resolve("kubeconfig-" + n));
                    kubectl(kc, "get", "ns");
                    System.out.printf("        kubectl get pods -A (table, default --chunk-size=500): %s%n", kubectl(kc, "get", "pods", "-A"));
                    System.out.printf("        kubectl get pods -A --chunk-size=0 (table, one streamed list): %s%n",
                            kubectl(kc, "get", "pods", "-A", "--chunk-size=0"));
                    System.out.printf("        kubectl get pods -A -o json: %s%n", kubectl(kc, "get", "pods", "-A", "-o", "json"));
                }
                System.out.printf("        (%d failing to pull, %d events, %d nodes, %d workloads; store rv %d)%n",
                        r.failingPods(), r.events(), r.nodes(), r.workloads(), server.store().resourceVersion());
            }
        }
    }

    /**
     * The peer: fabric8's CRUD mock (what tests used before) against the lab server, both loaded over HTTPS with
     * the same fabric8 client and the same pods, then a 500-item page. Size: {@code -Dbench.peerPods} (1000).
     */
    @Test
    void peerFabric8CrudMockOverHttp() throws Exception {
        int n = Integer.getInteger("bench.peerPods", 1000);
        LabStore source = new LabStore(100, java.time.Clock.systemUTC());
        LabPopulation.generate(source, new LabPopulation.Spec(n, 50, 0.1, 42, Instant.now()));
        List<io.fabric8.kubernetes.api.model.Pod> pods = new ArrayList<>();
        for (StoredObject o : source.list(ResourceTypes.PODS, null, null)) {
            io.fabric8.kubernetes.api.model.Pod p = io.fabric8.kubernetes.client.utils.Serialization.unmarshal(o.toJsonString(),
                    io.fabric8.kubernetes.api.model.Pod.class);
            p.getMetadata().setResourceVersion(null);
            p.getMetadata().setUid(null);
            pods.add(p);
        }
        io.fabric8.kubernetes.client.server.mock.KubernetesMockServer mock = new io.fabric8.kubernetes.client.server.mock.KubernetesMockServer(
                new io.fabric8.mockwebserver.Context(), new io.fabric8.mockwebserver.MockWebServer(), new java.util.HashMap<>(),
                new io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher(), true); // HTTPS, as the lab
        mock.init(java.net.InetAddress.getLoopbackAddress(), 0);
        double mockLoad;
        double mockPage;
        try (io.fabric8.kubernetes.client.KubernetesClient c = mock.createClient()) {
            mockLoad = load(c, pods, false);
            mockPage = median(() -> c.pods().inAnyNamespace().list(new io.fabric8.kubernetes.api.model.ListOptionsBuilder()
                    .withLimit(500L).build()), 10);
        } finally {
            mock.destroy();
        }
        double labLoad;
        double labPage;
        try (LabApiServer server = LabApiServer.start(LabApiServerOptions.defaults());
             io.fabric8.kubernetes.client.KubernetesClient c = new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                     .withConfig(io.fabric8.kubernetes.client.Config.fromKubeconfig(server.kubeconfig())).build()) {
            labLoad = load(c, pods, true);
            labPage = median(() -> c.pods().inAnyNamespace().list(new io.fabric8.kubernetes.api.model.ListOptionsBuilder()
                    .withLimit(500L).build()), 10);
        }
        System.out.printf("peer (fabric8 client over HTTPS, %d pods): load lab %.2f s vs CRUD mock %.2f s (%.1fx); "
                + "500-pod page (mock ignores limit: all %d) lab %.2f ms vs mock %.2f ms (%.1fx)%n", n, labLoad, mockLoad,
                mockLoad / labLoad, n, labPage, mockPage, mockPage / labPage);
    }

    private static double load(io.fabric8.kubernetes.client.KubernetesClient c, List<io.fabric8.kubernetes.api.model.Pod> pods,
                               boolean namespaces) {
        long t = System.nanoTime();
        java.util.Set<String> made = new java.util.HashSet<>();
        for (io.fabric8.kubernetes.api.model.Pod p : pods) {
            String ns = p.getMetadata().getNamespace();
            if (namespaces && made.add(ns) && c.namespaces().withName(ns).get() == null) {
                c.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(ns)
                        .endMetadata().build()).create();
            }
            c.pods().inNamespace(ns).resource(p).create();
        }
        return (System.nanoTime() - t) / 1e9;
    }

    private String lastPageToken(String base, int n) throws Exception {
        String cont = null;
        String body = get0(base + "/api/v1/pods?limit=500", null);
        for (int i = 0; i < n / 500 - 1; i++) {
            int at = body.indexOf("\"continue\":\"");
            if (at < 0) {
                break;
            }
            cont = body.substring(at + 12, body.indexOf('"', at + 12));
            body = get0(base + "/api/v1/pods?limit=500&continue=" + cont, null);
        }
        return cont;
    }

    /** CPU the server's Netty event-loop threads spent per call, averaged. */
    private double serverCpuMs(Call c, int times) throws Exception {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        c.run();
        long before = loopCpu(mx);
        for (int i = 0; i < times; i++) {
            c.run();
        }
        return (loopCpu(mx) - before) / 1e6 / times;
    }

    private static long loopCpu(java.lang.management.ThreadMXBean mx) {
        long sum = 0;
        for (java.lang.management.ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (ti != null && ti.getThreadName().startsWith("multiThreadIoEventLoopGroup")) {
                sum += Math.max(0, mx.getThreadCpuTime(ti.getThreadId()));
            }
        }
        return sum;
    }

    private interface Call {
        void run() throws Exception;
    }

    private double median(Call c, int times) throws Exception {
        for (int i = 0; i < 20; i++) {
            c.run();
        }
        double[] ms = new double[times];
        for (int i = 0; i < times; i++) {
            long t = System.nanoTime();
            c.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[times / 2];
    }

    private void get(String url, String accept) throws Exception {
        get0(url, accept);
    }

    private String get0(String url, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (accept != null) {
            b.header("Accept", accept);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return r.body();
    }

    /** Wall time of one kubectl run, with the CPU kubectl itself used (user+sys from /proc before it is reaped). */
    private String kubectl(Path kubeconfig, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "\"$@\" >/dev/null 2>&1; rc=$?; times; exit $rc", "bash",
                "kubectl", "--kubeconfig", kubeconfig.toString(), "--cache-dir", dir.resolve("cache").toString()));
        cmd.addAll(List.of(args));
        long t = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(900, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "> 900 s (killed)";
        }
        double wall = (System.nanoTime() - t) / 1e9;
        List<String> lines = out.lines().toList();
        String cpu = lines.isEmpty() ? "?" : lines.get(lines.size() - 1).trim().replace(' ', '+');
        return p.exitValue() == 0 ? String.format("%.2f s wall, kubectl CPU user+sys %s", wall, cpu)
                : String.format("failed (exit %d) after %.2f s", p.exitValue(), wall);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssKb() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

}
