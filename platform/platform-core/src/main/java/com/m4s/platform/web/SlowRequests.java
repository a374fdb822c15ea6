package com.m4s.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names the requests that are still running after {@code m4s.web.slow-request-after} (10 s by default) while they
 * run: once per request, a warning with the method, the path, how long it has run and where its thread is at that
 * moment (its stack and state: waiting for a connection of the pool, a lock of the database, an outside call). A
 * request that hangs is otherwise invisible until it ends, and one whose caller gave up never says why. Looked at
 * every {@value #CHECK_SECONDS} s by a daemon thread; each request costs a map entry while it runs. Time is read from
 * the machine's clock, not the service's (which tests move by days).
 */
public final class SlowRequests extends OncePerRequestFilter implements DisposableBean {

    static final int CHECK_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(SlowRequests.class);

    private record Running(Thread thread, String method, String path, Instant since, AtomicBoolean reported) {
    }

    private final Map<Thread, Running> running = new ConcurrentHashMap<>();
    private final Duration after;
    private final InstantSource clock;
    private final ScheduledExecutorService timer;

    /** A filter whose requests are looked at only when {@link #check()} is called (tests). */
    SlowRequests(Duration after, InstantSource clock) {
        this(after, clock, null);
    }

    private SlowRequests(Duration after, InstantSource clock, ScheduledExecutorService timer) {
        this.after = after;
        this.clock = clock;
        this.timer = timer;
    }

    /** The filter of a running service: its requests looked at every few seconds. */
    static SlowRequests watching(Duration after) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "slow-requests");
            t.setDaemon(true);
            return t;
        });
        SlowRequests requests = new SlowRequests(after, InstantSource.system(), timer);
        timer.scheduleWithFixedDelay(requests::checkQuietly, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
        return requests;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Thread thread = Thread.currentThread();
        Running entry = new Running(thread, request.getMethod(), request.getRequestURI(), clock.instant(),
                new AtomicBoolean());
        running.put(thread, entry);
        try {
            chain.doFilter(request, response);
        } finally {
            running.remove(thread, entry);
            if (entry.reported().get()) {
                LOG.warn("{} {} ended after {} ms", entry.method(), entry.path(),
                        Duration.between(entry.since(), clock.instant()).toMillis());
            }
        }
    }

    /** Logs each request running for longer than the limit that was not reported yet; returns what it logged. */
    List<String> check() {
        Instant now = clock.instant();
        List<String> reports = new ArrayList<>();
        for (Running entry : running.values()) {
            Duration took = Duration.between(entry.since(), now);
            if (took.compareTo(after) >= 0 && entry.reported().compareAndSet(false, true)) {
                StringBuilder report = new StringBuilder().append(entry.method()).append(' ').append(entry.path())
                        .append(" still running after ").append(took.toSeconds()).append(" s on thread ")
                        .append(entry.thread().getName()).append(" (").append(entry.thread().getState()).append(')');
                for (StackTraceElement frame : entry.thread().getStackTrace()) {
                    report.append("\n\tat ").append(frame);
                }
                LOG.warn(report.toString());
                reports.add(report.toString());
            }
        }
        return reports;
    }

    /** Requests running now. */
    int running() {
        return running.size();
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.debug("could not look at the running requests", e);
        }
    }

    @Override
    public void destroy() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
