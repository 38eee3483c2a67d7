package dev.pullfix.model.cluster;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deadlines on every request of one fabric8 client (a fabric8 {@link Interceptor}, installed first by
 * {@link DeadlineHttpClientFactory}).
 *
 * <ul>
 *   <li><b>Total</b>: one call, its retry included, has {@code total} from its start, headers and body.</li>
 *   <li><b>Retries</b>: fabric8's own retries are off (they would give a timed-out call a second full timeout);
 *       an answer of 429 or 5xx is retried once here when the time left allows (after {@code Retry-After}, at
 *       most 2 s, else 200 ms). A refused or timed-out connection is not retried; the JDK client itself resends
 *       a GET once when the server closed an idle pooled connection.</li>
 *   <li><b>Read-idle</b>: once the headers are in, a body that brings no byte for {@code idle} is ended with
 *       {@link StalledTransferException} ("the server stopped sending after N bytes"); so is a body still
 *       arriving when the total runs out. fabric8 waits for a body without any limit of its own.</li>
 * </ul>
 * Watches (streamed requests) are left alone: a quiet watch is not a stalled one.
 */
final class RequestDeadlines implements Interceptor {

    static final String NAME = "pullfix-deadlines";

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pullfix-request-deadlines");
        t.setDaemon(true);
        return t;
    });

    private static final long MIN_RETRY_WINDOW = TimeUnit.SECONDS.toNanos(1);

    private final long totalNanos;
    private final long idleNanos;
    private final boolean retry;
    /** Each call's deadline, by the request builder fabric8 hands to {@link #afterFailure} for its retry. */
    private final Map<BasicBuilder, Long> deadlines = Collections.synchronizedMap(new WeakHashMap<>());

    RequestDeadlines(Duration total, Duration idle, boolean retry) {
        this.totalNanos = total.toNanos();
        this.idleNanos = idle.toNanos();
        this.retry = retry;
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        if (streaming(request) || !(builder instanceof HttpRequest.Builder b)) {
            return;
        }
        deadlines.put(builder, System.nanoTime() + totalNanos);
        b.timeout(totalNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public CompletableFuture<Boolean> afterFailure(BasicBuilder builder, HttpResponse<?> response, RequestTags tags) {
        Long deadline = deadlines.remove(builder);
        int code = response.code();
        if (!retry || deadline == null || (code != 429 && code < 500) || !(builder instanceof HttpRequest.Builder b)) {
            return CompletableFuture.completedFuture(false);
        }
        long delay = TimeUnit.MILLISECONDS.toNanos(200);
        String after = response.header("Retry-After");
        if (after != null && after.strip().matches("\\d{1,2}")) {
            delay = Math.min(TimeUnit.SECONDS.toNanos(Long.parseLong(after.strip())), TimeUnit.SECONDS.toNanos(2));
        }
        long left = deadline - System.nanoTime() - delay;
        if (left < MIN_RETRY_WINDOW) {
            return CompletableFuture.completedFuture(false);
        }
        b.timeout(left, TimeUnit.NANOSECONDS);
        return CompletableFuture.supplyAsync(() -> true, CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS));
    }

    @Override
    public AsyncBody.Consumer<List<ByteBuffer>> consumer(AsyncBody.Consumer<List<ByteBuffer>> consumer,
                                                          HttpRequest request) {
        if (streaming(request)) {
            return consumer;
        }
        Duration t = request instanceof StandardHttpRequest s ? s.getTimeout() : null;
        long deadline = System.nanoTime() + (t == null || t.isZero() || t.isNegative() ? totalNanos : t.toNanos());
        return new Transfer(consumer, deadline);
    }

    @Override
    public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        Transfer transfer = consumer == null ? null : consumer.unwrap(Transfer.class);
        if (transfer != null && response.body() instanceof AsyncBody body) {
            transfer.watch(body);
        }
    }

    private static boolean streaming(HttpRequest request) {
        if (request instanceof StandardHttpRequest s && s.isForStreaming()) {
            return true;
        }
        String q = request.uri() == null ? null : request.uri().getRawQuery();
        return q != null && (q.contains("watch=true") || q.contains("watch=1") || q.contains("follow=true"));
    }

    /** Counts the body's bytes and ends it when it stalls or runs past the deadline. */
    private final class Transfer implements AsyncBody.Consumer<List<ByteBuffer>> {
        private final AsyncBody.Consumer<List<ByteBuffer>> delegate;
        private final long deadline;
        private final AtomicLong bytes = new AtomicLong();
        private volatile long lastByte = System.nanoTime();
        private volatile ScheduledFuture<?> check;

        Transfer(AsyncBody.Consumer<List<ByteBuffer>> delegate, long deadline) {
            this.delegate = delegate;
            this.deadline = deadline;
        }

        @Override
        public void consume(List<ByteBuffer> value, AsyncBody asyncBody) throws Exception {
            long n = 0;
            for (ByteBuffer b : value) {
                n += b.remaining();
            }
            bytes.addAndGet(n);
            lastByte = System.nanoTime();
            delegate.consume(value, asyncBody);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <U> U unwrap(Class<U> target) {
            if (target == Transfer.class) {
                return (U) this;
            }
            return delegate.unwrap(target);
        }

        void watch(AsyncBody body) {
            lastByte = Math.max(lastByte, System.nanoTime());
            schedule(body);
            body.done().whenComplete((v, t) -> {
                ScheduledFuture<?> c = check;
                if (c != null) {
                    c.cancel(false);
                }
            });
        }

        private void schedule(AsyncBody body) {
            if (body.done().isDone()) {
                return;
            }
            long now = System.nanoTime();
            long next = Math.min(lastByte + idleNanos, deadline) - now;
            check = TIMER.schedule(() -> tick(body), Math.max(next, 0) + TimeUnit.MILLISECONDS.toNanos(5),
                    TimeUnit.NANOSECONDS);
        }

        private void tick(AsyncBody body) {
            if (body.done().isDone()) {
                return;
            }
            long now = System.nanoTime();
            long quiet = now - lastByte;
            if (quiet >= idleNanos || now >= deadline) {
                long waited = quiet >= idleNanos ? idleNanos : quiet;
                body.done().completeExceptionally(new StalledTransferException(bytes.get(),
                        Duration.ofNanos(Math.max(waited, 0)), now >= deadline && quiet < idleNanos));
                body.cancel();
                return;
            }
            schedule(body);
        }
    }
}
