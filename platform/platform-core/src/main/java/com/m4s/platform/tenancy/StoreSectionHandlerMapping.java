package com.m4s.platform.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup with a shortcut for store paths. Every store endpoint is a pattern
 * ({@code /api/stores/{store}/members/...}), so Spring finds no direct match and checks every mapping of the
 * service against each request (methods, CORS pre-flight, parameters, media types, then the path, each read through
 * the request's chain of wrappers): about a sixth of a list request's CPU. Here, for a request to
 * {@code /api/stores/<code>/<section>...}, a mapping is passed over at once when its every pattern starts with
 * {@code /api/stores/{store}/<another section>}, or when none of its patterns can reach a store path at all (each
 * starts with literal segments other than {@code /api/stores}, such as {@code /api/search} or {@code /internal}).
 * The request's section is read from its parsed path once per lookup, not per mapping. All other mappings, and the
 * matching itself, are Spring's.
 */
public class StoreSectionHandlerMapping extends RequestMappingHandlerMapping {

    private static final String PREFIX = "/api/stores/{store}/";
    /** A mapping that may match store paths of any section (or a request that is no store path): no shortcut. */
    private static final String ANY = "";
    /** A mapping none of whose patterns can match a store path (never a section name: sections are literal). */
    static final String NOT_STORE = "/";

    /** The section of the request whose handler this thread is looking up, while it does. */
    private static final ThreadLocal<String> LOOKING_UP = new ThreadLocal<>();

    private final Map<RequestMappingInfo, String> sections = new ConcurrentHashMap<>();

    @Override
    protected @Nullable HandlerMethod getHandlerInternal(HttpServletRequest request) throws Exception {
        String section = requestSection(request);
        if (section == null) {
            return super.getHandlerInternal(request);
        }
        String outer = LOOKING_UP.get();
        LOOKING_UP.set(section);
        try {
            return super.getHandlerInternal(request);
        } finally {
            if (outer == null) {
                LOOKING_UP.remove();
            } else {
                LOOKING_UP.set(outer);
            }
        }
    }

    @Override
    protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String section = sections.get(info);
        if (section == null) {
            section = sections.computeIfAbsent(info, StoreSectionHandlerMapping::sectionOf);
        }
        if (!section.isEmpty()) {
            String requested = LOOKING_UP.get();
            if (requested == null) {
                requested = requestSection(request);
            }
            if (requested != null && skips(section, requested)) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    /** Whether a mapping of {@code section} cannot match a request of section {@code requested}. */
    private static boolean skips(String section, String requested) {
        if (section.equals(NOT_STORE)) {
            return !requested.isEmpty();
        }
        return !section.equals(requested);
    }

    /**
     * The literal segment after {@code /api/stores/{store}/} shared by all patterns of {@code info}; {@link #NOT_STORE}
     * when no pattern can match a store path; otherwise {@link #ANY}.
     */
    static String sectionOf(RequestMappingInfo info) {
        if (info.getPathPatternsCondition() == null) {
            return ANY;
        }
        Set<PathPattern> patterns = info.getPathPatternsCondition().getPatterns();
        String common = null;
        for (PathPattern pattern : patterns) {
            String text = pattern.getPatternString();
            String section = text.startsWith(PREFIX) ? storeSection(text) : reachesNoStore(text) ? NOT_STORE : ANY;
            if (section.isEmpty() || (common != null && !common.equals(section))) {
                return ANY;
            }
            common = section;
        }
        return common == null ? ANY : common;
    }

    private static String storeSection(String pattern) {
        int end = pattern.indexOf('/', PREFIX.length());
        String section = end < 0 ? pattern.substring(PREFIX.length()) : pattern.substring(PREFIX.length(), end);
        return !section.isEmpty() && literal(section) ? section : ANY;
    }

    /**
     * A pattern that starts with a literal segment other than {@code api}, or with {@code /api/} and a literal
     * segment other than {@code stores}: it cannot match {@code /api/stores/...}.
     */
    private static boolean reachesNoStore(String pattern) {
        String[] segments = pattern.split("/", 4);
        // "", first, second, rest
        if (segments.length < 2 || !literal(segments[1])) {
            return false;
        }
        // compared ignoring case: a parser configured to match without case may not skip what it would match
        if (!segments[1].equalsIgnoreCase("api")) {
            return true;
        }
        return segments.length >= 3 && literal(segments[2]) && !segments[2].equalsIgnoreCase("stores");
    }

    private static boolean literal(String segment) {
        return !segment.isEmpty() && segment.chars().allMatch(StoreSectionHandlerMapping::literal);
    }

    private static boolean literal(int c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
    }

    /**
     * The request's fourth path segment when its path is {@code /api/stores/<code>/<section>...}, as the patterns
     * match it (decoded, without matrix variables); an empty string when the path is no such store path; null when
     * the path was not parsed (then every mapping is checked).
     */
    static @Nullable String requestSection(HttpServletRequest request) {
        if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return null;
        }
        List<PathContainer.Element> elements = ServletRequestPathUtils.getParsedRequestPath(request)
                .pathWithinApplication().elements();
        // "/", "api", "/", "stores", "/", code, "/", section
        if (elements.size() > 7 && segment(elements.get(1)).equals("api")
                && segment(elements.get(3)).equals("stores")) {
            return segment(elements.get(7));
        }
        return ANY;
    }

    private static String segment(PathContainer.Element element) {
        return element instanceof PathContainer.PathSegment segment ? segment.valueToMatch() : "";
    }
}
