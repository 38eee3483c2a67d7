package dev.pullfix.model.connect;

import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.ClusterConnector;
import dev.pullfix.model.cluster.ClusterEnvironment;
import dev.pullfix.model.cluster.Kubeconfig;
import dev.pullfix.model.diagnosis.KubeletEvent;
import dev.pullfix.model.diagnosis.PullFailureClassifier;
import dev.pullfix.model.diagnosis.BuiltInClassifier;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.DiagnoseAll;
import dev.pullfix.model.diagnosis.runbook.DiagnosisEngine;
import dev.pullfix.model.diagnosis.runbook.PolicyEvaluatorJudge;
import dev.pullfix.model.diagnosis.runbook.ProgressListener;
import dev.pullfix.model.diagnosis.runbook.RunbookCatalog;
import dev.pullfix.model.diagnosis.runbook.port.AwsPort;
import dev.pullfix.model.diagnosis.runbook.port.EcrImageLookup;
import dev.pullfix.model.diagnosis.runbook.port.EcrRepositoryRef;
import dev.pullfix.model.aws.NodeFacts;
import dev.pullfix.model.diagnosis.runbook.port.NodeNetwork;
import dev.pullfix.model.diagnosis.runbook.port.RoleRef;
import dev.pullfix.model.aws.PolicyDocumentRef;
import dev.pullfix.model.aws.RolePolicies;
import dev.pullfix.model.diagnosis.runbook.port.VpcEndpointFacts;
import dev.pullfix.model.lab.server.LabApiServer;
import dev.pullfix.model.lab.server.LabApiServerOptions;
import dev.pullfix.model.lab.server.LabPopulation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's benchmark (not a test): 5,000 pods (500 failing) in the lab API server. Times the Kubernetes side
 * of {@code diagnose --all -A} (AWS answered by an in-memory stub) against a loop of {@code kubectl describe pod}
 * over the same failing pods, and against the least any tool must fetch ({@code kubectl get pods -A -o json} +
 * {@code kubectl get events -A -o json}), all in the same run; checks the causes agree.
 * Run: {@code mvn -B -Pbench verify -pl model -am -Dtest=DiagnoseAllLabBench -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.pods=5000}, {@code -Dbench.describe=500} to loop over fewer pods).
 */
@Tag("benchmark")
class DiagnoseAllLabBench {
    @TempDir
    Path dir;

    /** AWS from a stub: every image exists, no repository policy, the node role has the managed read policy. */
    static final class StubAws implements AwsPort {
        @Override
        public EcrImageLookup describeImage(EcrRepositoryRef repo, String tag) {
            return new EcrImageLookup(EcrImageLookup.Status.FOUND, new EcrImageLookup.Detail(repo.account(), repo.name(),
                    "sha256:" + "0".repeat(64), List.of(tag), 1000, Instant.now(), null, null), List.of());
        }

        @Override
        public Optional<String> repositoryPolicy(EcrRepositoryRef repo) {
            return Optional.empty();
        }

        @Override
        public Optional<RoleRef> nodeRole(NodeFacts node, String cluster) {
            return Optional.of(RoleRef.ofArn("arn:aws:iam::111122223333:role/node", "MANAGED_NODEGROUP"));
        }

        @Override
        public RolePolicies rolePolicies(String role) {
            return RolePolicies.of(role, List.of(PolicyDocumentRef.attached("AmazonEC2ContainerRegistryReadOnly",
                    "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly", null)), List.of());
        }

        @Override
        public Optional<NodeNetwork> nodeNetwork(NodeFacts node) {
            return Optional.empty();
        }

        @Override
        public List<VpcEndpointFacts> vpcEndpoints(String region, String vpcId) {
            return List.of();
        }
    }

    @Test
    void diagnoseAllAgainstKubectl() throws Exception {
        int pods = Integer.getInteger("bench.pods", 5000);
        int describeMax = Integer.getInteger("bench.describe", 500);
        Path kubectl = Path.of("/usr/bin/kubectl");
        System.out.printf("load average at start: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        // checks and pods on separate executors: pod tasks wait for their checks, so one shared fixed pool starves
        ExecutorService pool = Executors.newCachedThreadPool();
        ExecutorService podPool = Executors.newFixedThreadPool(8);
        try (LabApiServer server = LabApiServer.start(LabApiServerOptions.defaults())) {
            LabPopulation.Result pop = LabPopulation.generate(server.store(), new LabPopulation.Spec(pods, 50, 0.1, 42, Instant.now()));
            Path kc = server.writeKubeconfig(dir.resolve("kubeconfig"));
            ClusterEnvironment env = ClusterEnvironment.of(Map.of("PATH", "/usr/bin:/bin"), dir);
            Kubeconfig kubeconfig = Kubeconfig.load(env, kc);
            DiagnoseAll.Result result = null;
            double[] runs = new double[3];
            for (int i = -1; i < runs.length; i++) {
                long t0 = System.nanoTime();
                try (ClusterConnection conn = new ClusterConnector(env, ClusterConnector.Options.defaults()).connect(kubeconfig, null)) {
                    DiagnosisEngine engine = new DiagnosisEngine(RunbookCatalog.load(dev.pullfix.model.diagnosis.checks.Checks.all()), new DiagnosisEngine.Ports(
                            new Fabric8ClusterPort(conn, "lab"), new StubAws(), null, new PolicyEvaluatorJudge(),
                            BuiltInClassifier.create()), pool, DiagnosisEngine.Options.defaults());
                    result = new DiagnoseAll(engine, new Fabric8ClusterPort(conn, "lab"), podPool, 8).run(null, new CancelToken(),
                            ProgressListener.NONE);
                }
                if (i >= 0) {
                    runs[i] = (System.nanoTime() - t0) / 1e9;
                }
            }
            double ours = median(runs);
            Map<String, Integer> ourCauses = new TreeMap<>();
            List<String[]> failing = new ArrayList<>();
            for (DiagnoseAll.Group g : result.groups()) {
                ourCauses.merge(g.cause(), g.pods().size(), Integer::sum);
                g.pods().forEach(p -> failing.add(new String[] {p.namespace(), p.name(), g.cause()}));
            }
            System.out.printf("population: %d pods, %d failing (generator), diagnose --all found %d failing in %d groups%n",
                    pop.pods(), pop.failingPods(), result.failing(), result.groups().size());
            System.out.printf("pullfix diagnose --all -A (Kubernetes side, AWS stubbed): %.2f s (median of 3)%n", ours);
            System.out.println("causes (pullfix): " + ourCauses);
            if (!Files.isExecutable(kubectl)) {
                System.out.println("kubectl not found at /usr/bin/kubectl: no ratios");
                return;
            }
            run(kubectl, kc, "get", "ns");
            int n = Math.min(describeMax, failing.size());
            PullFailureClassifier classifier = PullFailureClassifier.withBuiltInRules();
            Map<String, Integer> kubectlCauses = new TreeMap<>();
            int agree = 0;
            long t0 = System.nanoTime();
            int stride = Math.max(1, failing.size() / Math.max(1, n)); // a sample spread over every cause group
            for (int k = 0; k < n; k++) {
                String[] f = failing.get((k * stride) % failing.size());
                String out = runOut(kubectl, kc, "describe", "pod", "-n", f[0], f[1]);
                String cause = classifier.classify(null, KubeletEvent.parseAll(out)).category().name();
                kubectlCauses.merge(cause, 1, Integer::sum);
                if (cause.equals(f[2])) {
                    agree++;
                }
            }
            double describe = (System.nanoTime() - t0) / 1e9;
            double describeAll = describe * failing.size() / Math.max(1, n);
            double least = run(kubectl, kc, "get", "pods", "-A", "-o", "json") + run(kubectl, kc, "get", "events", "-A", "-o", "json");
            System.out.printf("kubectl describe pod loop: %.2f s for %d pods%s%n", describe, n,
                    n < failing.size() ? String.format(" (%.1f s extrapolated to %d)", describeAll, failing.size()) : "");
            System.out.println("causes (classifier over each describe): " + kubectlCauses + "; same cause for " + agree + "/" + n);
            System.out.printf("kubectl get pods -A -o json + get events -A -o json: %.2f s%n", least);
            System.out.printf("ratio describe-loop / pullfix: %.1fx (target >= 20)%n", describeAll / ours);
            System.out.printf("ratio pullfix / least-fetch: %.2f (target <= 1.0)%n", ours / least);
        } finally {
            pool.shutdownNow();
            podPool.shutdownNow();
        }
    }

    static double median(double[] a) {
        double[] c = a.clone();
        java.util.Arrays.sort(c);
        return c[c.length / 2];
    }

    static double run(Path kubectl, Path kc, String... args) throws Exception {
        long t0 = System.nanoTime();
        runOut(kubectl, kc, args);
        return (System.nanoTime() - t0) / 1e9;
    }

    static String runOut(Path kubectl, Path kc, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kc.toString(), "--cache-dir",
                kc.getParent().resolve("kcache").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
