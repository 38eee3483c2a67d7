package dev.pullfix.model.cluster;

import dev.pullfix.model.lab.server.LabApiServer;
import dev.pullfix.model.lab.server.LabApiServerOptions;
import dev.pullfix.model.lab.server.LabPopulation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What TLS costs on the lab API server (not a test): the same 5,000-pod population in two servers started in the same
 * run, one with the defaults (HTTPS with its CA, token required) and one with plain HTTP (the one use of
 * {@link LabApiServerOptions#plainHttpForBenchmarks()}), read alternately (ABAB, so machine load hits both alike) by:
 * the JDK HTTP client listing all pods in one response (kept-alive connection; wall time and the server's event-loop
 * CPU per list), a fresh connection's first {@code GET /version} (the handshake), Pullfix's snapshot (connect + the
 * streaming pod list, as {@code pullfix pods -A}) and {@code kubectl get pods -A -o json}. Prints medians and the
 * HTTPS/HTTP ratio of each. Run: {@code mvn -B -Pbench verify -pl model -am -Dtest=LabTlsCostBench
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.pods=5000}, {@code -Dbench.runs=7}).
 */
@Tag("benchmark")
class LabTlsCostBench {
    @TempDir
    Path dir;

    private interface Call {
        void run() throws Exception;
    }

    @Test
    void httpsAgainstPlainHttpOnTheSamePopulation() throws Exception {
        int pods = Integer.getInteger("bench.pods", 5000);
        int runs = Integer.getInteger("bench.runs", 7);
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        System.out.printf("load average at start: %s (2 shared cores; both sides measured alternately in the same run)%n",
                Files.readString(Path.of("/proc/loadavg")).trim());
        try (LabApiServer tls = LabApiServer.start(LabApiServerOptions.defaults());
             LabApiServer plain = LabApiServer.start(LabApiServerOptions.defaults().plainHttpForBenchmarks())) {
            LabPopulation.generate(tls.store(), new LabPopulation.Spec(pods, 50, 0.1, 42, at));
            LabPopulation.generate(plain.store(), new LabPopulation.Spec(pods, 50, 0.1, 42, at));
            Side a = new Side("https", tls, dir);
            Side b = new Side("http", plain, dir);
            int bytesA = a.listBytes();
            int bytesB = b.listBytes();
            System.out.printf("%d pods; one full list is %,d bytes over HTTPS, %,d over HTTP%n", pods, bytesA, bytesB);

            row("JDK client, full pod list (kept-alive)", a, b, Side::list, runs);
            row("JDK client, new connection + GET /version", a, b, Side::handshake, runs * 3);
            row("Pullfix snapshot (connect + streamed list)", a, b, Side::snapshot, runs);
            if (Files.isExecutable(Path.of("/usr/bin/kubectl"))) {
                a.kubectl("get", "ns");
                b.kubectl("get", "ns");
                row("kubectl get pods -A -o json", a, b, s -> s.kubectl("get", "pods", "-A", "-o", "json"), Math.max(3, runs / 2));
            } else {
                System.out.println("kubectl not found at /usr/bin/kubectl: no kubectl row");
            }
            double cpuA = a.serverCpuPerList(5);
            double cpuB = b.serverCpuPerList(5);
            System.out.printf("%-46s %9.1f ms %9.1f ms %7.2fx%n", "server event-loop CPU per full list", cpuA, cpuB, cpuA / cpuB);
        }
    }

    private interface SideCall {
        void run(Side s) throws Exception;
    }

    private static void row(String what, Side a, Side b, SideCall call, int runs) throws Exception {
        for (int i = 0; i < 2; i++) { // warm-up: JIT, connections, kubectl's discovery cache
            call.run(a);
            call.run(b);
        }
        double[] ta = new double[runs];
        double[] tb = new double[runs];
        for (int i = 0; i < runs; i++) {
            ta[i] = time(() -> call.run(a));
            tb[i] = time(() -> call.run(b));
        }
        double ma = median(ta);
        double mb = median(tb);
        System.out.printf("%-46s %9.1f ms %9.1f ms %7.2fx   (https, http, https/http; medians of %d)%n", what, ma, mb,
                ma / mb, runs);
    }

    private static double time(Call c) throws Exception {
        long t = System.nanoTime();
        c.run();
        return (System.nanoTime() - t) / 1e6;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    /** One server and the clients that read it. */
    private static final class Side {
        final String name;
        final LabApiServer server;
        final HttpClient http;
        final Path kubeconfig;
        final Path cache;
        final ClusterEnvironment env;

        Side(String name, LabApiServer server, Path dir) {
            this.name = name;
            this.server = server;
            this.http = HttpClient.newBuilder().sslContext(server.clientSslContext()).version(HttpClient.Version.HTTP_1_1)
                    .build();
            this.kubeconfig = server.writeKubeconfig(dir.resolve("kubeconfig-" + name));
            this.cache = dir.resolve("kubectl-cache-" + name);
            this.env = ClusterEnvironment.of(Map.of("PATH", "/usr/bin:/bin"), dir);
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(server.url() + path)).header("Authorization", "Bearer " + server.token());
        }

        int listBytes() throws Exception {
            HttpResponse<byte[]> r = http.send(request("/api/v1/pods").build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(name + " list answered " + r.statusCode());
            }
            return r.body().length;
        }

        void list() throws Exception {
            HttpResponse<Void> r = http.send(request("/api/v1/pods").build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(name + " list answered " + r.statusCode());
            }
        }

        void handshake() throws Exception {
            HttpClient fresh = HttpClient.newBuilder().sslContext(server.clientSslContext())
                    .version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<Void> r = fresh.send(request("/version").build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(name + " /version answered " + r.statusCode());
            }
        }

        void snapshot() {
            Kubeconfig k = Kubeconfig.load(env, kubeconfig);
            try (ClusterConnection c = new ClusterConnector(env, ClusterConnector.Options.defaults()).connect(k, null)) {
                ClusterSnapshot s = new PodTreeLoader().load(c, PodTreeLoader.Scope.allNamespaces());
                if (s.podCount() == 0) {
                    throw new IllegalStateException(name + ": no pods");
                }
            }
        }

        void kubectl(String... args) throws Exception {
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/kubectl", "--kubeconfig", kubeconfig.toString(),
                    "--cache-dir", cache.toString()));
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("HOME", kubeconfig.getParent().toString());
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("kubectl timed out");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("kubectl " + String.join(" ", args) + " against " + name + " failed: "
                        + p.exitValue());
            }
        }

        /** CPU the server's Netty event-loop threads spent per full list (both servers' loops share the name: run alone). */
        double serverCpuPerList(int times) throws Exception {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            list();
            long before = loopCpu(mx);
            for (int i = 0; i < times; i++) {
                list();
            }
            return (loopCpu(mx) - before) / 1e6 / times;
        }

        private static long loopCpu(ThreadMXBean mx) {
            long sum = 0;
            for (ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
                if (ti != null && ti.getThreadName().startsWith("multiThreadIoEventLoopGroup")) {
                    sum += Math.max(0, mx.getThreadCpuTime(ti.getThreadId()));
                }
            }
            return sum;
        }
    }
}
