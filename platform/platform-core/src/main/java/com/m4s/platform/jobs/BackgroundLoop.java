package com.m4s.platform.jobs;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A daemon thread that runs a {@link Session} again and again until stopped, pausing with back-off after each failure
 * (first pause, doubling up to a cap). It is the lifecycle of the service's long-running workers (the outbox relay,
 * the event consumers, the job runner): start, stop with a bounded join, a wake-up signal that cuts an idle wait
 * short, and a count of failures for operators and tests.
 *
 * <p>A session runs until it throws or returns: when it throws, the loop reports the failure, pauses for the current
 * back-off and doubles it; when it returns, the loop starts it again at once (if still running). Inside a session,
 * {@link #succeeded()} resets the back-off after progress and {@link #backOff()} pauses for a failure the session
 * handles itself.
 */
public final class BackgroundLoop {

    /** One run of the worker's work; ends by returning (start again) or throwing (back off, then start again). */
    @FunctionalInterface
    public interface Session {
        void run(BackgroundLoop loop) throws Exception;
    }

    private final String threadName;
    private final Duration firstBackOff;
    private final Duration maxBackOff;
    private final Session session;
    private final BiConsumer<Exception, Duration> onFailure;
    private final Runnable onStop;
    private final boolean interruptOnStop;
    private final Duration joinTimeout;
    private final Object signal = new Object();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean running;
    private volatile boolean wakeUp;
    private volatile Duration backOff;
    private @Nullable Thread thread;

    /**
     * @param onFailure told of a failed session and the pause that follows (typically a log line)
     * @param onStop called by {@link #stop()} before joining, to cut a blocking call short (e.g. a Kafka wake-up)
     * @param interruptOnStop whether {@link #stop()} also interrupts the thread
     * @param joinTimeout how long {@link #stop()} waits for the thread to end
     */
    public BackgroundLoop(String threadName, Duration firstBackOff, Duration maxBackOff, Session session,
            BiConsumer<Exception, Duration> onFailure, Runnable onStop, boolean interruptOnStop, Duration joinTimeout) {
        this.threadName = threadName;
        this.firstBackOff = firstBackOff;
        this.maxBackOff = maxBackOff;
        this.session = session;
        this.onFailure = onFailure;
        this.onStop = onStop;
        this.interruptOnStop = interruptOnStop;
        this.joinTimeout = joinTimeout;
        this.backOff = firstBackOff;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread t = new Thread(this::loop, threadName);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    public void stop() {
        running = false;
        wakeUp();
        onStop.run();
        Thread t = thread;
        if (t != null) {
            if (interruptOnStop) {
                t.interrupt();
            }
            try {
                t.join(joinTimeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** Failed sessions and {@link #backOff()} calls since start. */
    public long failures() {
        return failures.get();
    }

    /** Ends an {@link #awaitWork} or a pause now. */
    public void wakeUp() {
        synchronized (signal) {
            wakeUp = true;
            signal.notifyAll();
        }
    }

    /** Waits up to {@code idle} unless {@link #wakeUp()} was called since the last wait. */
    public void awaitWork(Duration idle) {
        synchronized (signal) {
            if (!wakeUp && running) {
                waitOnSignal(idle);
            }
            wakeUp = false;
        }
    }

    /** Waits {@code duration}, or less when stopped or woken. */
    public void pause(Duration duration) {
        synchronized (signal) {
            if (running) {
                waitOnSignal(duration);
            }
        }
    }

    /** Progress was made: the next failure pauses for the first back-off again. */
    public void succeeded() {
        backOff = firstBackOff;
    }

    /** A failure the session handles itself: pauses for the current back-off and doubles it. */
    public void backOff() {
        failures.incrementAndGet();
        Duration pause = backOff;
        pause(pause);
        grow();
    }

    /** The pause the next failure will cause. */
    public Duration currentBackOff() {
        return backOff;
    }

    private void loop() {
        while (running) {
            try {
                session.run(this);
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                failures.incrementAndGet();
                Duration pause = backOff;
                onFailure.accept(e, pause);
                pause(pause);
                grow();
            }
        }
    }

    private void grow() {
        Duration doubled = backOff.multipliedBy(2);
        backOff = doubled.compareTo(maxBackOff) > 0 ? maxBackOff : doubled;
    }

    private void waitOnSignal(Duration duration) {
        try {
            signal.wait(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
