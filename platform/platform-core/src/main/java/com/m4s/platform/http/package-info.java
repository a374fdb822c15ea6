/**
 * Outbound HTTP: the one way a service calls another service or an outside API. {@link
 * com.m4s.platform.http.OutboundHttp} makes a named {@code RestClient} with the timeouts configured for that name
 * ({@code m4s.http.clients.<name>.*}), a client-credentials token where configured, and every failure (no
 * connection, no answer in time, a 5xx, no token) turned into {@link com.m4s.platform.http.DependencyUnavailable},
 * a 503 problem naming the dependency.
 */
@NullMarked
package com.m4s.platform.http;

import org.jspecify.annotations.NullMarked;
