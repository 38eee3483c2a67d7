package dev.pullfix.app.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one bridge from live sources onto the FX thread (DESIGN.md "Threading" rule 4). Items are queued as they
 * arrive; the first item after a drain schedules one {@code Platform.runLater}, which takes everything queued
 * so far. However fast the source, the FX thread sees at most one drain per runnable slot, and nothing is lost
 * or reordered.
 */
public final class FxBridge implements UiBridge {

    @Override
    public <T> Consumer<T> batching(Consumer<List<T>> onUi) {
        ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
        AtomicBoolean scheduled = new AtomicBoolean();
        Runnable drain = () -> {
            scheduled.set(false);
            List<T> items = new ArrayList<>();
            T t;
            while ((t = queue.poll()) != null) {
                items.add(t);
            }
            if (!items.isEmpty()) {
                onUi.accept(items);
            }
        };
        return item -> {
            queue.add(item);
            if (scheduled.compareAndSet(false, true)) {
                Platform.runLater(drain);
            }
        };
    }
}
