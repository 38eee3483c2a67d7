package dev.pullfix.model.diagnosis.runbook;

import dev.pullfix.model.ExampleKeys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Checks run concurrently, each within its timeout, and a diagnosis can be cancelled. */
class ConcurrencyTest {

    @Test
    void independentAwsCallsRunAtTheSameTimeNotOneAfterAnother() {
        Scenarios.World w = Scenarios.ecrPolicyDeny(false);
        w.aws().delay("ecr:DescribeImages", 400).delay("ecr:GetRepositoryPolicy", 400).delay("iam:ListAttachedRolePolicies", 400)
                .delay("eks:DescribeNodegroup", 100);
        long t0 = System.nanoTime();
        Diagnosis d = Engines.diagnose(w);
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertThat(d.cause()).isEqualTo("FORBIDDEN_POLICY");
        // one after another would take at least 400 + 400 + 400 + 100 ms
        assertThat(ms).isLessThan(1100);
    }

    @Test
    void aCauseFoundInTheEcrRunbookAsksNothingOfTheNetworkRunbookItNeverReaches() {
        Scenarios.World w = Scenarios.ecrPolicyDeny(false);
        Diagnosis d = Engines.diagnose(w);

        assertThat(d.cause()).isEqualTo("FORBIDDEN_POLICY");
        assertThat(d.runbooks()).doesNotContain("vpc-endpoint-network");
        // the network runbook's reads (EC2) start only when the walk jumps there
        assertThat(w.aws().calls("ec2:DescribeInstances")).isZero();
        assertThat(w.aws().calls("ec2:DescribeVpcEndpoints")).isZero();
        assertThat(w.aws().calls("ecr:GetRepositoryPolicy")).isEqualTo(1);
    }

    @Test
    void theNetworkRunbookStillRunsWhenTheWalkJumpsThere() {
        Scenarios.World w = Scenarios.vpcEndpointPolicyDenies();
        Diagnosis d = Engines.diagnose(w);

        assertThat(d.runbooks()).contains("vpc-endpoint-network");
        assertThat(w.aws().calls("ec2:DescribeVpcEndpoints")).isGreaterThan(0);
    }

    @Test
    void aSlowAwsCallTimesOutOnItsOwnStepWithoutHoldingUpTheClusterSteps() {
        Scenarios.World w = Scenarios.ecrPolicyDeny(false);
        w.aws().delay("ecr:GetRepositoryPolicy", 5_000);
        List<String> order = new CopyOnWriteArrayList<>();
        ProgressListener progress = new ProgressListener() {
            @Override
            public void stepDone(StepResult step) {
                order.add(step.step().number() + ":" + step.took().toMillis());
            }
        };
        DiagnosisEngine engine = Engines.engine(w, Engines.options().withTimeouts(Duration.ofMillis(600), Duration.ofMillis(500)));
        long t0 = System.nanoTime();
        Diagnosis d = engine.diagnose(DiagnosisEngine.Request.of(w.namespace(), w.pod()), new CancelToken(), progress);
        long ms = (System.nanoTime() - t0) / 1_000_000;

        StepResult six = d.steps().get(5);
        assertThat(six.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(six.outcome().reason()).isEqualTo(CouldNotCheckException.Reason.TIMEOUT);
        assertThat(ms).isLessThan(2_500);
        // the cluster steps settled at once
        assertThat(d.steps().subList(0, 3)).allSatisfy(s -> assertThat(s.took()).isLessThan(Duration.ofMillis(400)));
        assertThat(order).hasSize(d.steps().size());
    }

    @Test
    void cancellingStopsTheWalkAndTheOutstandingCalls() throws Exception {
        Scenarios.World w = Scenarios.ecrPolicyDeny(false);
        w.aws().delay("ecr:DescribeImages", 10_000);
        CancelToken cancel = new CancelToken();
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            cancel.cancel();
        });
        canceller.start();
        long t0 = System.nanoTime();
        Diagnosis d = Engines.diagnose(w, cancel);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        canceller.join();

        assertThat(d.cancelled()).isTrue();
        assertThat(ms).isLessThan(3_000);
        assertThat(d.steps()).extracting(s -> s.step().number()).containsExactly("1", "2", "3", "4");
        assertThat(d.steps().get(3).outcome().reason()).isEqualTo(CouldNotCheckException.Reason.CANCELLED);
    }

    @Test
    void aPortThatThrowsSomethingUnexpectedBecomesCouldNotCheckWithoutItsMessage() {
        Scenarios.World w = Scenarios.ecrPolicyDeny(false);
        FakeAws broken = new FakeAws() {
            @Override
            public java.util.Optional<String> repositoryPolicy(dev.pullfix.model.diagnosis.runbook.port.EcrRepositoryRef r) {
                throw new IllegalStateException("secret=" + ExampleKeys.ACCESS_KEY_ID);
            }
        };
        broken.images.putAll(w.aws().images);
        broken.nodeRoles.putAll(w.aws().nodeRoles);
        broken.rolePolicies.putAll(w.aws().rolePolicies);
        Diagnosis d = Engines.diagnose(new Scenarios.World(w.cluster(), broken, w.registry(), w.namespace(), w.pod()));

        StepResult six = d.steps().get(5);
        assertThat(six.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(six.outcome().detail()).contains("IllegalStateException").doesNotContain("AKIA");
    }
}
