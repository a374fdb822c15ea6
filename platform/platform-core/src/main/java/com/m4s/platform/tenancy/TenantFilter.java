package com.m4s.platform.tenancy;

import com.m4s.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes the store from {@code /api/stores/{store}/...}, checks it in the registry and holds it for the request.
 * Unknown stores are a 404 and suspended ones a 403, before any controller runs; the tenant is cleared in
 * {@code finally} whatever happens.
 */
public class TenantFilter extends OncePerRequestFilter {

    static final String PREFIX = "/api/stores/";

    private final TenantRegistry registry;
    private final JsonMapper json;

    public TenantFilter(TenantRegistry registry, JsonMapper json) {
        this.registry = registry;
        this.json = json;
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
        Optional<TenantRegistry.Entry> entry = Tenant.isValidCode(code) ? registry.find(code) : Optional.empty();
        if (entry.isEmpty()) {
            reject(response, Problems.of(HttpStatus.NOT_FOUND, "store-not-found", "Store '" + code + "' does not exist."));
            return;
        }
        if (entry.get().status() == TenantRegistry.Status.SUSPENDED) {
            reject(response, Problems.of(HttpStatus.FORBIDDEN, "store-suspended",
                    "Store '" + code + "' is suspended; its data cannot be used until it is reactivated."));
            return;
        }
        if (entry.get().status() == TenantRegistry.Status.UNAVAILABLE) {
            reject(response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                    "Store '" + code + "' is temporarily unavailable; try again later."));
            return;
        }
        TenantContext.set(entry.get().tenant());
        try {
            chain.doFilter(request, response);
        } finally {
            TenantContext.clear();
        }
    }

    private void reject(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
