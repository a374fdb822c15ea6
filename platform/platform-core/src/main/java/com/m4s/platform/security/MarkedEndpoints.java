package com.m4s.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
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
 * Matches requests for the handlers a predicate picks (those marked with an annotation), built once from the request
 * mappings on first use (the mappings are complete by the time the first request arrives).
 */
public class MarkedEndpoints implements RequestMatcher {

    private static final RequestMatcher NONE = request -> false;

    private final Supplier<List<RequestMappingHandlerMapping>> mappings;
    private final Predicate<HandlerMethod> marked;
    private volatile @Nullable RequestMatcher matcher;

    public MarkedEndpoints(Supplier<List<RequestMappingHandlerMapping>> mappings, Predicate<HandlerMethod> marked) {
        this.mappings = mappings;
        this.marked = marked;
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

    private RequestMatcher build() {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : mappings.get()) {
            mapping.getHandlerMethods().forEach((info, method) -> {
                if (marked.test(method)) {
                    add(matchers, info);
                }
            });
        }
        return matchers.isEmpty() ? NONE : new OrRequestMatcher(matchers);
    }

    private static void add(List<RequestMatcher> matchers, RequestMappingInfo info) {
        for (String pattern : info.getPatternValues()) {
            if (info.getMethodsCondition().getMethods().isEmpty()) {
                matchers.add(PathPatternRequestMatcher.withDefaults().matcher(pattern));
            }
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                matchers.add(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.valueOf(method.name()), pattern));
            }
        }
    }
}
