package com.m4s.platform.test;

import com.m4s.platform.security.AccessInterceptor;
import com.m4s.platform.security.OpenEndpoints;
import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint a service exposes, read from its request mappings at run time, with who it declares may call it.
 * Tests that walk all endpoints use this, so a new endpoint is covered the day it is added.
 */
public final class Endpoints {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    /**
     * One method + path of a service; {@code allowed} holds the roles of the {@link com.m4s.platform.security.Permission}
     * its {@link Allow} names (store staff perhaps only in some departments), empty when it declares none;
     * {@code open} when it is marked {@link com.m4s.platform.security.Open} (anyone may call it).
     */
    public record Endpoint(String method, String pattern, Set<Role> allowed, boolean open, String handler) {

        public boolean declared() {
            return open || !allowed.isEmpty();
        }

        public boolean writes() {
            return !method.equals("GET");
        }

        /** The path with each {variable} replaced: by the given value, else by a fresh UUID. */
        public String path(Map<String, String> values) {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                String value = values.getOrDefault(m.group(1), UUID.randomUUID().toString());
                m.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            m.appendTail(path);
            return path.toString();
        }

        /** A role this endpoint does not allow, preferring the given order; empty if it allows them all. */
        public Optional<Role> roleNotAllowed(List<Role> preference) {
            return preference.stream().filter(r -> !allowed.contains(r)).findFirst();
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private Endpoints() {
    }

    /** Endpoints whose path starts with one of the prefixes, sorted by path and method. */
    public static List<Endpoint> of(ApplicationContext context, String... prefixes) {
        List<Endpoint> endpoints = new ArrayList<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, method) -> add(endpoints, info, method, prefixes)));
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return endpoints;
    }

    private static void add(List<Endpoint> endpoints, RequestMappingInfo info, HandlerMethod method,
            String[] prefixes) {
        Set<Role> allowed = AccessInterceptor.declaration(method).map(Endpoints::roles).orElse(Set.of());
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
            if (!matches(pattern, prefixes)) {
                continue;
            }
            for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                endpoints.add(new Endpoint(m.name(), pattern, allowed, OpenEndpoints.isOpen(method),
                        method.getShortLogMessage()));
            }
        }
    }

    private static Set<Role> roles(@Nullable Allow allow) {
        return allow == null ? Set.of() : allow.value().roles();
    }

    private static boolean matches(String pattern, String[] prefixes) {
        for (String prefix : prefixes) {
            if (pattern.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
