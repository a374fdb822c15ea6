package com.m4s.platform.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup with a shortcut for store paths. Every store endpoint is a pattern
 * ({@code /api/stores/{store}/members/...}), so Spring finds no direct match and checks every mapping of the
 * service against each request (methods, parameters, media types, then the path): about a twelfth of a list
 * request's CPU. Here a mapping whose every pattern starts with {@code /api/stores/{store}/<section>} is skipped at
 * once when the request's section (the parsed path's fourth segment, as the pattern would read it) is another; all
 * other mappings, and the matching itself, are Spring's.
 */
public class StoreSectionHandlerMapping extends RequestMappingHandlerMapping {

    private static final String PREFIX = "/api/stores/{store}/";
    /** A mapping that is not under one section: no shortcut. */
    private static final String ANY = "";
    private static final String REQUEST_SECTION = StoreSectionHandlerMapping.class.getName() + ".section";

    private final Map<RequestMappingInfo, String> sections = new ConcurrentHashMap<>();

    @Override
    protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String section = sections.computeIfAbsent(info, StoreSectionHandlerMapping::sectionOf);
        if (!section.isEmpty()) {
            String requested = requestSection(request);
            if (requested != null && !section.equals(requested)) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    /** The literal segment after {@code /api/stores/{store}/} shared by all patterns of {@code info}, or {@link #ANY}. */
    static String sectionOf(RequestMappingInfo info) {
        if (info.getPathPatternsCondition() == null) {
            return ANY;
        }
        Set<PathPattern> patterns = info.getPathPatternsCondition().getPatterns();
        String common = null;
        for (PathPattern pattern : patterns) {
            String text = pattern.getPatternString();
            if (!text.startsWith(PREFIX)) {
                return ANY;
            }
            int end = text.indexOf('/', PREFIX.length());
            String section = end < 0 ? text.substring(PREFIX.length()) : text.substring(PREFIX.length(), end);
            if (section.isEmpty() || !section.chars().allMatch(StoreSectionHandlerMapping::literal)
                    || (common != null && !common.equals(section))) {
                return ANY;
            }
            common = section;
        }
        return common == null ? ANY : common;
    }

    private static boolean literal(int c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
    }

    /**
     * The request's fourth path segment when its path is {@code /api/stores/<code>/<section>...}, as the patterns
     * match it (decoded, without matrix variables); an empty string when the path is no store path; null when the
     * path was not parsed (then every mapping is checked).
     */
    static @Nullable String requestSection(HttpServletRequest request) {
        Object cached = request.getAttribute(REQUEST_SECTION);
        if (cached instanceof String section) {
            return section;
        }
        String section = ANY;
        if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
            List<PathContainer.Element> elements = ServletRequestPathUtils.getParsedRequestPath(request)
                    .pathWithinApplication().elements();
            // "/", "api", "/", "stores", "/", code, "/", section
            if (elements.size() > 7 && segment(elements.get(1)).equals("api")
                    && segment(elements.get(3)).equals("stores")) {
                section = segment(elements.get(7));
            }
        } else {
            // without a parsed path the shortcut cannot be sure: let every mapping be checked
            return null;
        }
        request.setAttribute(REQUEST_SECTION, section);
        return section;
    }

    private static String segment(PathContainer.Element element) {
        return element instanceof PathContainer.PathSegment segment ? segment.valueToMatch() : "";
    }
}
