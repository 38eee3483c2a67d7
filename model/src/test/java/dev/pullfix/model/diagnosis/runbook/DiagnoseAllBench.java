package dev.pullfix.model.diagnosis.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.runbook.port.ContainerFacts;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (not a test): 5,000 pods, 500 failing over 8 seed causes, with simulated API latency (cluster 2 ms,
 * AWS 20 ms per call). DiagnoseAll (one pod list, one event list, shared AWS reads) against diagnosing the same 500
 * pods one by one (each fetching its own pod, events, policies), in the same run; prints times, calls and the ratio.
 */
@Tag("benchmark")
class DiagnoseAllBench {

    @Test
    void diagnoseAllAgainstOneByOne() throws Exception {
        List<Supplier<Scenarios.World>> causes = List.of(() -> Scenarios.ecrPolicyDeny(false), Scenarios::dockerHubTagMissing,
                Scenarios::dockerHubRepositoryMissing, Scenarios::privateRegistryWithoutSecret, Scenarios::registryTimeout,
                Scenarios::rateLimited, () -> Scenarios.nodeRoleWithoutEcr(false), Scenarios::vpcEndpointPolicyDenies);
        FakeCluster cluster = new FakeCluster();
        FakeAws aws = new FakeAws();
        FakeRegistry registry = new FakeRegistry();
        for (int i = 0; i < causes.size(); i++) {
            Scenarios.World w = causes.get(i).get();
            // pods are named per cause; the VPC endpoint scenario shares the shop node with the node-role one, whose
            // network it overrides, so it comes last and the node role scenario keeps its own role policies
            DiagnoseAllTest.replicate(w, cluster, i == causes.size() - 1 ? 59 : 63, "c" + i + "-");
            if (w.aws() != null) {
                aws.images.putAll(w.aws().images);
                aws.repositoryPolicies.putAll(w.aws().repositoryPolicies);
                aws.nodeRoles.putAll(w.aws().nodeRoles);
                aws.rolePolicies.putAll(w.aws().rolePolicies);
                aws.networks.putAll(w.aws().networks);
                aws.endpoints.putAll(w.aws().endpoints);
            }
            registry.answers.putAll(w.registry().answers);
        }
        int failing = cluster.pods.size();
        for (int i = 0; cluster.pods.size() < 5_000; i++) {
            cluster.pod(new PodFacts("ns-" + (i % 50), "web-" + i, "Running", "node-" + (i % 40), "default", List.of(), null,
                    List.of(new ContainerFacts("app", "nginx:1.27", false, true, null, null, 0)), Scenarios.NOW));
        }
        cluster.latencyMillis = 2;
        aws.latencyMillis = 20;
        Scenarios.World world = new Scenarios.World(cluster, aws, registry, null, null);
        // warm up the JIT on a few pods with an engine of its own, then measure each way with a fresh engine
        DiagnosisEngine warm = Engines.engine(world, Engines.options());
        cluster.pods.values().stream().filter(p -> p.containers().stream().anyMatch(ContainerFacts::pullFailing)).limit(40)
                .forEach(p -> warm.diagnose(DiagnosisEngine.Request.of(p.namespace(), p.name()), new CancelToken(), ProgressListener.NONE));
        cluster.calls.clear();
        aws.calls.clear();
        DiagnosisEngine engine = Engines.engine(world, Engines.options());

        long t0 = System.nanoTime();
        DiagnoseAll.Result all = new DiagnoseAll(engine, cluster, Engines.POOL, 8).run(null, new CancelToken(), ProgressListener.NONE);
        long allMs = (System.nanoTime() - t0) / 1_000_000;
        Map<String, Integer> allCalls = snapshot(cluster, aws);

        cluster.calls.clear();
        aws.calls.clear();
        engine = Engines.engine(world, Engines.options());
        long t1 = System.nanoTime();
        List<Diagnosis> one = new ArrayList<>();
        for (PodFacts p : cluster.pods.values()) {
            if (p.containers().stream().anyMatch(ContainerFacts::pullFailing)) {
                one.add(engine.diagnose(DiagnosisEngine.Request.of(p.namespace(), p.name()), new CancelToken(), ProgressListener.NONE));
            }
        }
        long oneMs = (System.nanoTime() - t1) / 1_000_000;
        Map<String, Integer> oneCalls = snapshot(cluster, aws);

        Map<String, Long> causesAll = new TreeMap<>();
        all.diagnoses().forEach(d -> causesAll.merge(String.valueOf(d.cause()), 1L, Long::sum));
        Map<String, Long> causesOne = new TreeMap<>();
        one.forEach(d -> causesOne.merge(String.valueOf(d.cause()), 1L, Long::sum));
        System.out.printf("pods=%d failing=%d groups=%d%n", all.pods(), all.failing(), all.groups().size());
        System.out.printf("diagnose-all: %d ms, calls %s%n", allMs, allCalls);
        System.out.printf("one-by-one:   %d ms, calls %s%n", oneMs, oneCalls);
        System.out.printf("ratio one-by-one / diagnose-all = %.1f%n", (double) oneMs / Math.max(1, allMs));
        System.out.printf("causes (all) %s%ncauses (one) %s%n", causesAll, causesOne);
        assertThat(all.failing()).isEqualTo(failing);
        assertThat(causesAll).isEqualTo(causesOne);
    }

    private static Map<String, Integer> snapshot(FakeCluster c, FakeAws a) {
        Map<String, Integer> m = new TreeMap<>();
        c.calls.forEach((k, v) -> m.put("k8s:" + k, v.get()));
        a.calls.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }
}
