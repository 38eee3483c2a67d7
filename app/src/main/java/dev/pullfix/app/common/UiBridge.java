package dev.pullfix.app.common;

import java.util.List;
import java.util.function.Consumer;

/**
 * Hands items produced on any thread (live watches, informers) to the UI thread in batches. The production
 * bridge ({@link FxBridge}) drains at most once per FX pulse; tests use {@link #immediate()}.
 */
public interface UiBridge {

    /**
     * A sink that may be called from any thread; the items reach {@code onUi} on the UI thread, in order, as one
     * list per drain (everything that arrived since the last drain).
     */
    <T> Consumer<T> batching(Consumer<List<T>> onUi);

    /** Runs {@code onUi} on the caller's thread at once: for view-model tests. */
    static UiBridge immediate() {
        return new UiBridge() {
            @Override
            public <T> Consumer<T> batching(Consumer<List<T>> onUi) {
                return item -> onUi.accept(List.of(item));
            }
        };
    }
}
