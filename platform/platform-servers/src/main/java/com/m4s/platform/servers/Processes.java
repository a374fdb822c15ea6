package com.m4s.platform.servers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stopping child processes: politely first, then for good. */
public final class Processes {

    private Processes() {
    }

    /**
     * Asks the process to stop (TERM), waits up to {@code grace} for it and its descendants, then kills whatever is
     * still running.
     */
    public static void stop(Process process, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        if (tree.stream().noneMatch(ProcessHandle::isAlive)) {
            return;
        }
        process.destroy();
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle p : tree) {
            long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            try {
                p.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // still running (or interrupted): killed below
            }
        }
        kill(process);
    }

    /** Kills the process and its descendants at once (as a crash would), and waits for them to be gone. */
    public static void kill(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        for (ProcessHandle p : tree) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
