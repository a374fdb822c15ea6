package com.m4s.platform.tenancy;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.core.task.TaskDecorator;

/**
 * The store a piece of work runs for. Set once per request by {@link TenantFilter} and cleared in {@code finally};
 * work handed to another thread carries it over explicitly through {@link #propagating(Runnable)} or the
 * {@link #taskDecorator()}.
 */
public final class TenantContext {

    private static final ThreadLocal<Tenant> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<Tenant> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current tenant; fails when there is none, so data access without a tenant never reaches the database. */
    public static Tenant require() {
        Tenant tenant = CURRENT.get();
        if (tenant == null) {
            throw new NoTenantException();
        }
        return tenant;
    }

    /** Runs {@code work} as {@code tenant} and restores what was there before. */
    public static <T> T callAs(Tenant tenant, Callable<T> work) throws Exception {
        Tenant previous = CURRENT.get();
        CURRENT.set(tenant);
        try {
            return work.call();
        } finally {
            restore(previous);
        }
    }

    /** Like {@link #runAs}, for work with a result. */
    public static <T> T supplyAs(Tenant tenant, java.util.function.Supplier<T> work) {
        Tenant previous = CURRENT.get();
        CURRENT.set(tenant);
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    public static void runAs(Tenant tenant, Runnable work) {
        Tenant previous = CURRENT.get();
        CURRENT.set(tenant);
        try {
            work.run();
        } finally {
            restore(previous);
        }
    }

    /** Wraps {@code work} so that it runs, on whatever thread, as the tenant current now. */
    public static Runnable propagating(Runnable work) {
        Tenant captured = CURRENT.get();
        if (captured == null) {
            return work;
        }
        return () -> runAs(captured, work);
    }

    /** For executors: every task runs as the tenant of the thread that submitted it. */
    public static TaskDecorator taskDecorator() {
        return TenantContext::propagating;
    }

    static void set(Tenant tenant) {
        CURRENT.set(tenant);
    }

    static void clear() {
        CURRENT.remove();
    }

    private static void restore(@Nullable Tenant previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** Thrown when store data is touched outside a store's context: a programming error, never bad input. */
    public static final class NoTenantException extends IllegalStateException {
        public NoTenantException() {
            super("no store is set for this work; store data may only be read or written for a store");
        }
    }
}
