package com.m4s.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundLoopTest {

    @Test
    void aFailedSessionStartsAgainAfterABackOffThatDoublesUpToTheCap() throws Exception {
        AtomicInteger sessions = new AtomicInteger();
        CountDownLatch fifth = new CountDownLatch(1);
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        BackgroundLoop loop = new BackgroundLoop("test-loop", Duration.ofMillis(10), Duration.ofMillis(40), l -> {
            if (sessions.incrementAndGet() < 5) {
                throw new IllegalStateException("broker down");
            }
            fifth.countDown();
            l.awaitWork(Duration.ofMinutes(1));
        }, (e, pause) -> pauses.add(pause), () -> { }, false, Duration.ofSeconds(5));

        loop.start();
        boolean reached = fifth.await(10, TimeUnit.SECONDS);
        loop.stop();

        assertThat(reached).isTrue();
        assertThat(pauses).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40),
                Duration.ofMillis(40));
        assertThat(loop.failures()).isEqualTo(4);
    }

    @Test
    void progressResetsTheBackOff() {
        BackgroundLoop loop = new BackgroundLoop("test-loop", Duration.ofMillis(1), Duration.ofMillis(8), l -> { },
                (e, pause) -> { }, () -> { }, false, Duration.ofSeconds(5));

        loop.backOff();
        loop.backOff();
        Duration grown = loop.currentBackOff();
        loop.succeeded();

        assertThat(grown).isEqualTo(Duration.ofMillis(4));
        assertThat(loop.currentBackOff()).isEqualTo(Duration.ofMillis(1));
        assertThat(loop.failures()).isEqualTo(2);
    }

    @Test
    void stopCutsAnIdleWaitShortAndEndsTheThread() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicBoolean ended = new AtomicBoolean();
        AtomicBoolean stopHook = new AtomicBoolean();
        BackgroundLoop loop = new BackgroundLoop("test-loop", Duration.ofSeconds(1), Duration.ofSeconds(30), l -> {
            try {
                while (l.isRunning()) {
                    waiting.countDown();
                    l.awaitWork(Duration.ofHours(1));
                }
            } finally {
                ended.set(true);
            }
        }, (e, pause) -> { }, () -> stopHook.set(true), false, Duration.ofSeconds(30));

        loop.start();
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
        loop.stop();

        assertThat(ended).isTrue();
        assertThat(stopHook).isTrue();
        assertThat(loop.isRunning()).isFalse();
    }
}
