package com.m4s.infra.bench;

import com.m4s.platform.servers.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Setup for the query measurements: creates members {@code 0..count-1} of {@link BenchMembers}, one vehicle each,
 * through the gateway from a few threads. Stops at the first refused request.
 */
final class MemberLoader {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Api api;
    private final int threads;

    MemberLoader(Api api, int threads) {
        this.api = api;
        this.threads = threads;
    }

    /** Creates the members and returns how long it took. */
    Duration load(String storeCode, int count) {
        String members = "/api/stores/" + storeCode + "/members";
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("bench-load-", 0).daemon().factory());
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        Api.Response created = api.post(members, BenchMembers.newMember(n));
                        if (created.status() != 201) {
                            next.set(count);
                            throw new IllegalStateException("member " + n + ": expected 201 but got "
                                    + created.status() + ": " + created.raw());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(TIMEOUT.toNanos() - (System.nanoTime() - start), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("loading members failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("loading " + count + " members took longer than " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading members", e);
        } finally {
            pool.shutdownNow();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
