/**
 * Benchmark-only Spring configurations that take token checks out of a service, so the security-overhead benchmark
 * can compare the same read with and without them. They are not in any service's jar: the benchmark adds this
 * module's classes to a separate service process ({@code loader.path}) and names the configuration in
 * {@code spring.main.sources}. Production code has no switch for this.
 */
@NullMarked
package com.m4s.infra.bench.open;

import org.jspecify.annotations.NullMarked;
