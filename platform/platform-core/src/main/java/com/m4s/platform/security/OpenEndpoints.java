package com.m4s.platform.security;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Matches requests for handlers marked {@link Open}. */
public final class OpenEndpoints extends MarkedEndpoints {

    public OpenEndpoints(Supplier<List<RequestMappingHandlerMapping>> mappings) {
        super(mappings, OpenEndpoints::isOpen);
    }

    public static boolean isOpen(HandlerMethod method) {
        return method.hasMethodAnnotation(Open.class);
    }
}
