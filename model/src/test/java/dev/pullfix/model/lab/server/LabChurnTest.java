package dev.pullfix.model.lab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class LabChurnTest {

    @Test
    void changesPodsAtItsRateThroughTheStoreAndStopsWhenClosed() throws Exception {
        LabStore store = new LabStore(10_000, Clock.systemUTC());
        LabPopulation.generate(store, LabPopulation.Spec.of(200));
        long before = store.resourceVersion();
        LabChurn churn = LabChurn.start(store, 100);
        for (int i = 0; i < 100 && churn.changes() < 20; i++) {
            Thread.sleep(50);
        }
        churn.close();
        long changed = churn.changes();
        assertThat(changed).isGreaterThanOrEqualTo(20);
        // every change is a committed write: watches see it
        assertThat(store.resourceVersion() - before).isEqualTo(changed);
        Thread.sleep(300);
        assertThat(churn.changes()).as("no change after close").isEqualTo(changed);
        assertThat(store.count(ResourceTypes.PODS)).isEqualTo(200);
    }

    @Test
    void anEmptyStoreIsLeftAlone() throws Exception {
        LabStore store = new LabStore(100, Clock.systemUTC());
        try (LabChurn churn = LabChurn.start(store, 100)) {
            Thread.sleep(300);
            assertThat(churn.changes()).isZero();
        }
    }
}
