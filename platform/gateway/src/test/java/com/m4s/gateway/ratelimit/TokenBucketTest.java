package com.m4s.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    static final long SECOND = 1_000_000_000L;
    static final long T0 = -5 * SECOND; // nanoTime may be negative

    @Test
    void aNewBucketIsFullAndCountsDown() {
        TokenBucket bucket = new TokenBucket(3, 1, T0);

        assertThat(bucket.available(T0)).isEqualTo(3);
        assertThat(bucket.tryTake(T0)).isEqualTo(new TokenBucket.Decision(true, 2, 0));
        assertThat(bucket.tryTake(T0)).isEqualTo(new TokenBucket.Decision(true, 1, 0));
        assertThat(bucket.tryTake(T0)).isEqualTo(new TokenBucket.Decision(true, 0, 0));
        TokenBucket.Decision denied = bucket.tryTake(T0);
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.retryAfterNanos()).isEqualTo(SECOND);
        assertThat(denied.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refillsAtTheConfiguredRate() {
        TokenBucket bucket = new TokenBucket(5, 2, T0); // a token every 500 ms
        for (int i = 0; i < 5; i++) {
            assertThat(bucket.tryTake(T0).allowed()).isTrue();
        }

        assertThat(bucket.tryTake(T0 + 499_999_999L).allowed()).isFalse();
        assertThat(bucket.tryTake(T0 + SECOND / 2).allowed()).isTrue();
        assertThat(bucket.tryTake(T0 + SECOND / 2).allowed()).isFalse();
        // 1.5 s later: three more tokens
        long later = T0 + 2 * SECOND;
        assertThat(bucket.available(later)).isEqualTo(3);
        assertThat(bucket.tryTake(later).remaining()).isEqualTo(2);
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(4, 100, T0);
        bucket.tryTake(T0);

        long hourLater = T0 + 3600 * SECOND;
        assertThat(bucket.available(hourLater)).isEqualTo(4);
        assertThat(bucket.fullFor(hourLater)).isGreaterThan(3599 * SECOND);
        for (int i = 0; i < 4; i++) {
            assertThat(bucket.tryTake(hourLater).allowed()).isTrue();
        }
        assertThat(bucket.tryTake(hourLater).allowed()).isFalse();
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        TokenBucket slow = new TokenBucket(1, 0.4, T0); // a token every 2.5 s
        slow.tryTake(T0);
        assertThat(slow.tryTake(T0).retryAfterSeconds()).isEqualTo(3);
        assertThat(slow.tryTake(T0 + 2 * SECOND).retryAfterSeconds()).isEqualTo(1); // 0.5 s → 1

        TokenBucket fast = new TokenBucket(1, 1000, T0);
        fast.tryTake(T0);
        TokenBucket.Decision denied = fast.tryTake(T0);
        assertThat(denied.retryAfterNanos()).isEqualTo(1_000_000L);
        assertThat(denied.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void deniedRequestsDoNotCost() {
        TokenBucket bucket = new TokenBucket(1, 1, T0);
        bucket.tryTake(T0);
        for (int i = 0; i < 100; i++) {
            assertThat(bucket.tryTake(T0 + i).allowed()).isFalse();
        }
        assertThat(bucket.tryTake(T0 + SECOND).allowed()).isTrue();
    }

    @Test
    void concurrentTakersGetExactlyTheCapacity() throws InterruptedException {
        TokenBucket bucket = new TokenBucket(1000, 1, T0);
        AtomicInteger allowed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 500; i++) {
                    if (bucket.tryTake(T0).allowed()) {
                        allowed.incrementAndGet();
                    }
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(allowed.get()).isEqualTo(1000);
    }

    @Test
    void refusesNonsense() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(0, 1, T0));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(1, 0, T0));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(1, Double.NaN, T0));
    }
}
