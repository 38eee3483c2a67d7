package dev.pullfix.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FxBridgeTest {

    @Test
    void itemsFromAnotherThreadArriveOnTheFxThreadInOrderInFewBatches() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        List<Boolean> onFx = new CopyOnWriteArrayList<>();
        Consumer<Integer> sink = new FxBridge().<Integer>batching(items -> {
            onFx.add(Platform.isFxApplicationThread());
            batchSizes.add(items.size());
            seen.addAll(items);
        });
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 20_000; i++) {
                sink.accept(i);
            }
        });
        producer.start();
        producer.join();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seen.size() == 20_000);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            expected.add(i);
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(onFx).containsOnly(true);
        assertThat(batchSizes.size()).as("drains for 20,000 items").isLessThan(10_000);
    }
}
