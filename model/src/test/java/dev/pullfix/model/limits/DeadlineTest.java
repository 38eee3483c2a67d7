package dev.pullfix.model.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    @Test
    void returnsTheWorksResultWhenItFinishesInTime() {
        assertThat(Deadline.in(Duration.ofSeconds(10)).run(() -> 42)).isEqualTo(42);
    }

    @Test
    void endsWorkThatRunsPastItAndInterruptsIt() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        Deadline d = Deadline.in(Duration.ofMillis(300));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> d.run(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return null;
        })).isInstanceOfSatisfying(DeadlineExceededException.class,
                e -> assertThat(e.limit()).isEqualTo(Duration.ofMillis(300)));
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(20_000);
        assertThat(interrupted.await(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void rethrowsTheWorksOwnFailure() {
        assertThatThrownBy(() -> Deadline.in(Duration.ofSeconds(10)).run(() -> {
            throw new IllegalArgumentException("bad input");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad input");
    }

    @Test
    void capsACallsLimitByWhatIsLeftButNotBelowTheFloor() {
        Deadline d = Deadline.in(Duration.ofSeconds(5));
        assertThat(d.cap(Duration.ofSeconds(15), Duration.ofMillis(100))).isLessThanOrEqualTo(Duration.ofSeconds(5))
                .isGreaterThan(Duration.ofSeconds(3));
        assertThat(d.cap(Duration.ofSeconds(1), Duration.ofMillis(100))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refusesAZeroOrNegativeLimit() {
        assertThatThrownBy(() -> Deadline.in(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Deadline.in(Duration.ofSeconds(-5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkThrowsOnceExpired() throws Exception {
        Deadline d = Deadline.in(Duration.ofMillis(50));
        AtomicBoolean threw = new AtomicBoolean();
        Thread.sleep(120);
        try {
            d.check();
        } catch (DeadlineExceededException e) {
            threw.set(true);
        }
        assertThat(d.expired()).isTrue();
        assertThat(threw).isTrue();
    }
}
