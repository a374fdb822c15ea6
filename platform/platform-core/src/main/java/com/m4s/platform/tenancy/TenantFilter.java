package com.m4s.platform.tenancy;

import com.m4s.platform.security.Caller;
import com.m4s.platform.security.StoreAccess;
import com.m4s.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the store from {@code /api/stores/{store}/...}, checks that the authenticated caller may act in it and that
 * it exists and is usable, and holds it for the request. Runs after authentication and before any controller; the
 * tenant is cleared in {@code finally} whatever happens. Callers learn only about stores they may see: a store
 * outside their reach is a 403 whether it exists or not. A READ_ONLY store (its group's subscription unpaid past the
 * grace period, decision 0047) serves GET, HEAD and OPTIONS and answers every other method 403 {@code store-read-only},
 * before anything runs, so no write of any feature gets through and nothing already stored is touched.
 */
public class TenantFilter extends OncePerRequestFilter {

    static final String PREFIX = "/api/stores/";
    /** What a store being migrated tells callers to wait before trying again. */
    static final Duration MIGRATING_RETRY_AFTER = Duration.ofSeconds(5);
    /** What a READ_ONLY store still serves: the methods that change nothing. */
    static final java.util.Set<String> READS = java.util.Set.of("GET", "HEAD", "OPTIONS");

    private final TenantRegistry registry;
    private final ProblemWriter problems;
    private final Predicate<HttpServletRequest> open;

    /** @param open requests anyone may make in any active store, token or not */
    public TenantFilter(TenantRegistry registry, ProblemWriter problems, Predicate<HttpServletRequest> open) {
        this.registry = registry;
        this.problems = problems;
        this.open = open;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        int end = path.indexOf('/', PREFIX.length());
        String code = end < 0 ? path.substring(PREFIX.length()) : path.substring(PREFIX.length(), end);
        Optional<Caller> caller = Caller.current();
        if (open.test(request)) {
            Optional<TenantRegistry.Entry> entry = Tenant.isValidCode(code) ? registry.find(code) : Optional.empty();
            if (entry.isEmpty()) {
                problems.write(request, response, HttpStatus.NOT_FOUND, "store-not-found", code);
            } else {
                enter(entry.get(), code, request, response, chain);
            }
            return;
        }
        if (caller.isEmpty()) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
            return;
        }
        Optional<TenantRegistry.Entry> entry = Tenant.isValidCode(code) ? registry.find(code) : Optional.empty();
        if (entry.isEmpty()) {
            if (StoreAccess.mayKnowAbsence(caller.get(), code)) {
                problems.write(request, response, HttpStatus.NOT_FOUND, "store-not-found", code);
            } else {
                denied(request, response, code);
            }
            return;
        }
        if (!StoreAccess.mayEnter(caller.get(), code, entry.get().groupCode())) {
            denied(request, response, code);
            return;
        }
        enter(entry.get(), code, request, response, chain);
    }

    private void enter(TenantRegistry.Entry entry, String code, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        switch (entry.status()) {
            case SUSPENDED -> problems.write(request, response, HttpStatus.FORBIDDEN, "store-suspended", code);
            case UNAVAILABLE -> problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                    code);
            case MIGRATING -> {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(MIGRATING_RETRY_AFTER.toSeconds()));
                problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "store-migrating", code);
            }
            case READ_ONLY -> {
                if (READS.contains(request.getMethod())) {
                    serve(entry, request, response, chain);
                } else {
                    problems.write(request, response, HttpStatus.FORBIDDEN, "store-read-only", code);
                }
            }
            case ACTIVE -> serve(entry, request, response, chain);
        }
    }

    private static void serve(TenantRegistry.Entry entry, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        TenantContext.set(entry.tenant());
        try {
            chain.doFilter(request, response);
        } finally {
            TenantContext.clear();
        }
    }

    private void denied(HttpServletRequest request, HttpServletResponse response, String code) throws IOException {
        problems.write(request, response, HttpStatus.FORBIDDEN, "store-access-denied", code);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
