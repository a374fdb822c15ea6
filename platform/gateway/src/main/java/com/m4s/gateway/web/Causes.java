package com.m4s.gateway.web;

import java.util.function.Predicate;

/** Questions about an error and the errors it wraps. */
public final class Causes {

    private Causes() {
    }

    /** Whether the error or any error in its cause chain is what {@code test} looks for. */
    public static boolean any(Throwable error, Predicate<Throwable> test) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }
}
