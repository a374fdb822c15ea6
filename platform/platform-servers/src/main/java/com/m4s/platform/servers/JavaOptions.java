package com.m4s.platform.servers;

import java.util.List;

/** JVM options the local servers and services share, for the JDK this process runs on (they run on the same). */
public final class JavaOptions {

    private JavaOptions() {
    }

    /**
     * Smaller objects where the JDK offers it: compact object headers (8 bytes instead of 12, a product option from
     * JDK 25) take a tenth or more off a Java server's heap; older JDKs would refuse the option, so it is left out.
     */
    public static List<String> footprint() {
        return Runtime.version().feature() >= 25 ? List.of("-XX:+UseCompactObjectHeaders") : List.of();
    }
}
