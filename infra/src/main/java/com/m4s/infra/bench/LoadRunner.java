package com.m4s.infra.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Repeats one call from several client threads, each with its own session (an HTTP caller, a JDBC connection):
 * first a warm-up that is not counted, then the measured period. Both end by the clock; a call still running at the
 * end is let finish (calls have their own timeouts) and counted. The machine's CPU use is read over the measured
 * period, to show whether other processes competed.
 */
final class LoadRunner {

    /** One client thread's means of calling, and the call it repeats. */
    interface Session extends AutoCloseable {

        void call() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** Opens the session of client thread {@code thread} (0-based). */
    interface SessionFactory {
        Session open(int thread) throws Exception;
    }

    /** How long past the planned end a client thread may take to return before the run is abandoned. */
    private static final Duration GRACE = Duration.ofSeconds(60);

    private final int threads;
    private final Duration warmUp;
    private final Duration measured;
    private final CpuMeter cpu;

    LoadRunner(int threads, Duration warmUp, Duration measured, CpuMeter cpu) {
        this.threads = threads;
        this.warmUp = warmUp;
        this.measured = measured;
        this.cpu = cpu;
    }

    /** What one client thread saw during the measured period. */
    private record ThreadResult(LatencyHistogram latencies, long errors, String firstError, long lastReturn) {
    }

    LoadResult run(String name, SessionFactory factory) {
        List<Session> sessions = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("bench-client-", 0).daemon().factory());
        try {
            for (int i = 0; i < threads; i++) {
                sessions.add(factory.open(i));
            }
            long start = System.nanoTime();
            long warmUpEnd = start + warmUp.toNanos();
            long end = warmUpEnd + measured.toNanos();
            List<Future<ThreadResult>> futures = new ArrayList<>();
            for (Session session : sessions) {
                futures.add(pool.submit(() -> drive(session, warmUpEnd, end)));
            }
            Thread.sleep(Duration.ofNanos(Math.max(0, warmUpEnd - System.nanoTime())));
            Optional<CpuMeter.Snapshot> cpuAtWarmUpEnd = cpu.snapshot();
            ThreadResult all = collect(futures, end);
            return new LoadResult(name, all.latencies().count(), all.errors(), all.firstError(),
                    Duration.ofNanos(all.lastReturn() - warmUpEnd), all.latencies(), cpu.since(cpuAtWarmUpEnd));
        } catch (Exception e) {
            throw new IllegalStateException(name + ": the load run failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
            sessions.forEach(LoadRunner::closeQuietly);
        }
    }

    private static ThreadResult drive(Session session, long warmUpEnd, long end) {
        while (System.nanoTime() < warmUpEnd && !Thread.currentThread().isInterrupted()) {
            attempt(session);
        }
        LatencyHistogram latencies = new LatencyHistogram();
        long errors = 0;
        String firstError = null;
        long lastReturn = warmUpEnd;
        long started;
        while ((started = System.nanoTime()) < end && !Thread.currentThread().isInterrupted()) {
            String error = attempt(session);
            lastReturn = System.nanoTime();
            if (error == null) {
                latencies.record(lastReturn - started);
            } else {
                errors++;
                firstError = firstError == null ? error : firstError;
            }
        }
        return new ThreadResult(latencies, errors, firstError, lastReturn);
    }

    /** Makes one call; returns what went wrong, or null. */
    private static String attempt(Session session) {
        try {
            session.call();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** Waits for every client thread and merges what they saw. */
    private static ThreadResult collect(List<Future<ThreadResult>> futures, long end)
            throws InterruptedException, ExecutionException {
        LatencyHistogram latencies = new LatencyHistogram();
        long errors = 0;
        String firstError = null;
        long lastReturn = 0;
        for (Future<ThreadResult> future : futures) {
            long wait = Math.max(0, end - System.nanoTime()) + GRACE.toNanos();
            ThreadResult result;
            try {
                result = future.get(wait, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("a client thread was still busy " + GRACE.toSeconds()
                        + " s after the end of the run");
            }
            latencies.add(result.latencies());
            errors += result.errors();
            firstError = firstError == null ? result.firstError() : firstError;
            lastReturn = Math.max(lastReturn, result.lastReturn());
        }
        return new ThreadResult(latencies, errors, firstError, lastReturn);
    }

    private static void closeQuietly(Session session) {
        try {
            session.close();
        } catch (Exception e) {
            System.err.println("could not close a benchmark session: " + e.getMessage());
        }
    }
}
