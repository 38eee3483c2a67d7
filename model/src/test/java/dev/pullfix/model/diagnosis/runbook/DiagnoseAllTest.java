package dev.pullfix.model.diagnosis.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.runbook.port.EventFacts;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Many failing pods at once: grouped by cause, with one pod list, one event list and one policy read per repository. */
class DiagnoseAllTest {

    /** Copies a scenario's pod (and its events) n times under new names into {@code into}. */
    static void replicate(Scenarios.World from, FakeCluster into, int n) {
        replicate(from, into, n, "");
    }

    static void replicate(Scenarios.World from, FakeCluster into, int n, String prefix) {
        PodFacts p = from.cluster().pods.get(from.namespace() + "/" + from.pod());
        for (int i = 0; i < n; i++) {
            String name = prefix + p.name() + "-" + i;
            into.pod(new PodFacts(p.namespace(), name, p.phase(), p.nodeName(), p.serviceAccount(), p.imagePullSecrets(),
                    p.owner(), p.containers(), p.created()));
            for (EventFacts e : from.cluster().events) {
                into.event(new EventFacts(e.namespace(), e.involvedKind(), name, e.type(), e.reason(), e.message(), e.count(),
                        e.firstSeen(), e.lastSeen(), e.source()));
            }
        }
        into.nodes.putAll(from.cluster().nodes);
        into.secrets.putAll(from.cluster().secrets);
        into.serviceAccounts.putAll(from.cluster().serviceAccounts);
        if (from.cluster().cluster != null) {
            into.cluster = from.cluster().cluster;
        }
    }

    @Test
    void groupsFailingPodsByCauseAndReadsEachRepositoryPolicyOnce() throws Exception {
        Scenarios.World ecr = Scenarios.ecrPolicyDeny(false);
        Scenarios.World tag = Scenarios.dockerHubTagMissing();
        Scenarios.World limit = Scenarios.rateLimited();
        FakeCluster all = new FakeCluster();
        replicate(ecr, all, 12);
        replicate(tag, all, 5);
        replicate(limit, all, 3);
        all.pod(new PodFacts("default", "healthy-1", "Running", Scenarios.NODE, "default", List.of(), null,
                List.of(new dev.pullfix.model.diagnosis.runbook.port.ContainerFacts("app", "nginx:1.27", false, true, null, null, 0)), Scenarios.NOW));
        FakeRegistry registry = new FakeRegistry();
        registry.answers.putAll(tag.registry().answers);
        registry.answers.putAll(limit.registry().answers);
        Scenarios.World world = new Scenarios.World(all, ecr.aws(), registry, null, null);
        DiagnosisEngine engine = Engines.engine(world, Engines.options());

        DiagnoseAll.Result r = new DiagnoseAll(engine, all, Engines.POOL, 4).run(null, new CancelToken(), ProgressListener.NONE);

        assertThat(r.pods()).isEqualTo(21);
        assertThat(r.failing()).isEqualTo(20);
        assertThat(r.groups()).extracting(DiagnoseAll.Group::cause, g -> g.pods().size(), DiagnoseAll.Group::runbook)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FORBIDDEN_POLICY", 12, "ecr-private-image"),
                        org.assertj.core.groups.Tuple.tuple("TAG_NOT_FOUND", 5, "image-not-found"),
                        org.assertj.core.groups.Tuple.tuple("RATE_LIMITED", 3, "rate-limit"));
        assertThat(r.groups().get(0).fixes()).extracting(FixProposal::kind).containsExactly(FixKind.ECR_POLICY_EDIT);
        // one list of pods and one of events, nothing fetched per pod
        assertThat(all.calls("pods")).isEqualTo(1);
        assertThat(all.calls("events")).isEqualTo(1);
        assertThat(all.calls("pod")).isZero();
        assertThat(all.calls("podEvents")).isZero();
        // one read per repository, role and image for the twelve ECR pods
        assertThat(ecr.aws().calls("ecr:GetRepositoryPolicy")).isEqualTo(1);
        assertThat(ecr.aws().calls("ecr:DescribeImages")).isEqualTo(1);
        assertThat(ecr.aws().calls("iam:ListAttachedRolePolicies")).isEqualTo(1);
        assertThat(ecr.aws().calls("eks:DescribeNodegroup")).isEqualTo(1);
    }
}
