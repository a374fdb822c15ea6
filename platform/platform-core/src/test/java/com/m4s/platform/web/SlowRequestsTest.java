package com.m4s.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SlowRequestsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T08:00:00Z"));
    private final InstantSource clock = now::get;
    private final SlowRequests requests = new SlowRequests(Duration.ofSeconds(10), clock);

    @Test
    void aRequestStillRunningPastTheLimitIsNamedOnceWithWhereItWaits() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread request = Thread.ofPlatform().name("http-nio-exec-7").start(() -> serve("/api/stores/gz01/me",
                () -> waitingForTheDatabase(entered, release)));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        // parked on the latch (it may still be on its way there right after counting down)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (request.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        now.set(now.get().plusSeconds(9));
        assertThat(requests.check()).as("under the limit").isEmpty();

        now.set(now.get().plusSeconds(3));
        List<String> reports = requests.check();
        assertThat(reports).hasSize(1);
        assertThat(reports.getFirst())
                .startsWith("GET /api/stores/gz01/me still running after 12 s on thread http-nio-exec-7 (WAITING)")
                .contains("at " + SlowRequestsTest.class.getName() + ".waitingForTheDatabase(");

        now.set(now.get().plusSeconds(60));
        assertThat(requests.check()).as("named once").isEmpty();

        release.countDown();
        request.join(10_000);
        assertThat(requests.running()).isZero();
    }

    @Test
    void requestsThatEndInTimeAreNeverNamed() {
        serve("/api/stores/gz01/members", () -> now.set(now.get().plusSeconds(9)));
        now.set(now.get().plusSeconds(60));

        assertThat(requests.check()).isEmpty();
        assertThat(requests.running()).isZero();
    }

    private void serve(String path, Runnable work) {
        try {
            requests.doFilter(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(),
                    (req, res) -> work.run());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitingForTheDatabase(CountDownLatch entered, CountDownLatch release) {
        entered.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
