package com.m4s.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Matches requests for handlers marked {@link Open}, built once from the request mappings on first use (the mappings
 * are complete by the time the first request arrives).
 */
public final class OpenEndpoints implements RequestMatcher {

    private static final RequestMatcher NONE = request -> false;

    private final Supplier<List<RequestMappingHandlerMapping>> mappings;
    private volatile @Nullable RequestMatcher matcher;

    public OpenEndpoints(Supplier<List<RequestMappingHandlerMapping>> mappings) {
        this.mappings = mappings;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        RequestMatcher m = matcher;
        if (m == null) {
            m = build();
            matcher = m;
        }
        return m.matches(request);
    }

    public static boolean isOpen(HandlerMethod method) {
        return method.hasMethodAnnotation(Open.class);
    }

    private RequestMatcher build() {
        List<RequestMatcher> open = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : mappings.get()) {
            mapping.getHandlerMethods().forEach((info, method) -> {
                if (isOpen(method)) {
                    add(open, info);
                }
            });
        }
        return open.isEmpty() ? NONE : new OrRequestMatcher(open);
    }

    private static void add(List<RequestMatcher> open, RequestMappingInfo info) {
        for (String pattern : info.getPatternValues()) {
            if (info.getMethodsCondition().getMethods().isEmpty()) {
                open.add(PathPatternRequestMatcher.withDefaults().matcher(pattern));
            }
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                open.add(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.valueOf(method.name()), pattern));
            }
        }
    }
}
