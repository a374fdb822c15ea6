package com.m4s.platform.test.modules.broken.beta;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Planted: threads made by hand in a feature. */
class BetaWorker {

    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    void later(Runnable work) {
        new Thread(work, "beta").start();
        pool.submit(work);
    }
}
