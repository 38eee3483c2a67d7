package dev.pullfix.model.diagnosis.runbook;

import dev.pullfix.model.diagnosis.runbook.port.ClusterPort;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.EventFacts;
import dev.pullfix.model.aws.NodeFacts;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import dev.pullfix.model.diagnosis.runbook.port.SecretFacts;
import dev.pullfix.model.diagnosis.runbook.port.ServiceAccountFacts;
import dev.pullfix.model.cluster.WorkloadRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory cluster for the engine's tests; counts calls so tests can assert what was fetched. */
public final class FakeCluster implements ClusterPort {
    public final Map<String, PodFacts> pods = new HashMap<>();
    public final List<EventFacts> events = new ArrayList<>();
    public final Map<String, NodeFacts> nodes = new HashMap<>();
    public final Map<String, SecretFacts> secrets = new HashMap<>();
    public final Map<String, ServiceAccountFacts> serviceAccounts = new HashMap<>();
    public final Map<String, AtomicInteger> calls = new HashMap<>();
    public String cluster;
    /** Simulated API latency per call (benchmarks). */
    public volatile long latencyMillis;

    private void count(String what) {
        synchronized (calls) {
            calls.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
        }
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public int calls(String what) {
        synchronized (calls) {
            return calls.getOrDefault(what, new AtomicInteger()).get();
        }
    }

    public FakeCluster pod(PodFacts p) {
        pods.put(p.namespace() + "/" + p.name(), p);
        return this;
    }

    public FakeCluster event(EventFacts e) {
        events.add(e);
        return this;
    }

    @Override
    public PodFacts pod(String namespace, String name) throws CouldNotCheckException {
        count("pod");
        PodFacts p = pods.get(namespace + "/" + name);
        if (p == null) {
            throw CouldNotCheckException.of(CouldNotCheckException.Reason.NOT_FOUND, "pods \"" + name + "\" not found");
        }
        return p;
    }

    @Override
    public List<EventFacts> podEvents(String namespace, String podName) {
        count("podEvents");
        return events.stream().filter(e -> namespace.equals(e.namespace()) && podName.equals(e.involvedName())).toList();
    }

    @Override
    public Optional<NodeFacts> node(String name) {
        count("node");
        return Optional.ofNullable(nodes.get(name));
    }

    @Override
    public Optional<SecretFacts> secret(String namespace, String name) {
        count("secret");
        return Optional.ofNullable(secrets.get(namespace + "/" + name));
    }

    /** When set, listing the namespace's secrets fails with it (e.g. RBAC without "list secrets"). */
    public CouldNotCheckException listSecretsFails;

    @Override
    public List<SecretFacts> dockerConfigSecrets(String namespace) throws CouldNotCheckException {
        count("dockerConfigSecrets");
        if (listSecretsFails != null) {
            throw listSecretsFails;
        }
        return secrets.values().stream().filter(s -> namespace.equals(s.namespace()) && s.isDockerConfig())
                .sorted(java.util.Comparator.comparing(SecretFacts::name)).toList();
    }

    @Override
    public Optional<ServiceAccountFacts> serviceAccount(String namespace, String name) {
        count("serviceAccount");
        return Optional.ofNullable(serviceAccounts.get(namespace + "/" + name));
    }

    @Override
    public List<PodFacts> workloadPods(String namespace, WorkloadRef workload) {
        count("workloadPods");
        return pods.values().stream().filter(p -> p.namespace().equals(namespace) && p.owner().equals(workload)).toList();
    }

    @Override
    public Optional<String> clusterName() {
        return Optional.ofNullable(cluster);
    }

    @Override
    public List<PodFacts> pods(String namespace) {
        count("pods");
        return pods.values().stream().filter(p -> namespace == null || p.namespace().equals(namespace)).toList();
    }

    @Override
    public List<EventFacts> events(String namespace) {
        count("events");
        return events.stream().filter(e -> namespace == null || e.namespace().equals(namespace)).toList();
    }
}
