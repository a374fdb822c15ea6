package com.m4s.platform.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.cors.CorsUtils;
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
 * Within the request's section, a mapping whose patterns all have a fixed number of segments (no {@code **}, no
 * {@code {*rest}}) other than the request's is passed over too: a page of members ({@code .../members}) is not
 * checked against the forty {@code .../members/{id}/...} endpoints. The request's section and length are read from
 * its parsed path once per lookup, not per mapping.
 *
 * <p>For a store request the lookup goes through the mappings of its section (and those of no one section) only,
 * kept in a list per section: Spring's own lookup would still ask each of the service's several hundred mappings.
 * Each candidate is matched by Spring's conditions and the best chosen by Spring's comparator, as Spring would; when
 * none matches or two are equally good, Spring's own lookup answers (its 404/405/415 reasons, its ambiguity error),
 * and CORS pre-flight requests are always Spring's.
 */
public class StoreSectionHandlerMapping extends RequestMappingHandlerMapping {

    private static final String PREFIX = "/api/stores/{store}/";
    /** A mapping that may match store paths of any section (or a request that is no store path): no shortcut. */
    private static final String ANY = "";
    /** A mapping none of whose patterns can match a store path (never a section name: sections are literal). */
    static final String NOT_STORE = "/";

    /** A length of patterns that may match paths of several lengths (or of a request not to be judged by it). */
    static final int ANY_LENGTH = -1;

    /**
     * Where a mapping's patterns lead, or where a request goes: the store section ({@link #ANY}, {@link #NOT_STORE}
     * or a section name) and the number of path segments ({@link #ANY_LENGTH} when not fixed).
     */
    record Place(String section, int segments) {

        static final Place UNKNOWN = new Place(ANY, ANY_LENGTH);

        /** Whether a mapping leading here cannot match a request going to {@code requested}. */
        boolean excludes(Place requested) {
            if (section.isEmpty()) {
                return false;
            }
            if (section.equals(NOT_STORE)) {
                return !requested.section().isEmpty();
            }
            if (!section.equals(requested.section())) {
                return true;
            }
            return segments != ANY_LENGTH && requested.segments() != ANY_LENGTH && segments != requested.segments();
        }
    }

    /** Where the request whose handler this thread is looking up goes, while it does. */
    private static final ThreadLocal<Place> LOOKING_UP = new ThreadLocal<>();

    /** A registered mapping, where it leads and its handler. */
    private record Candidate(RequestMappingInfo info, Place place, HandlerMethod handler) {
    }

    /**
     * The registered mappings by where they lead: by identity (the lookup hands back the registered instances, and a
     * hash map's {@code equals} would compare every condition), and, for store requests, per section (with the
     * mappings of no one section in every list, and alone in {@code anySection}).
     */
    private record Index(Map<RequestMappingInfo, Place> places, Map<String, List<Candidate>> bySection,
            List<Candidate> anySection) {
    }

    /** Built at the first lookup after the handlers are registered; dropped by any later registration. */
    private volatile @Nullable Index index;

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        index = null;
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        index = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        index = null;
    }

    private Index index() {
        Index current = index;
        if (current == null) {
            current = buildIndex(getHandlerMethods());
            index = current;
        }
        return current;
    }

    static Index buildIndex(Map<RequestMappingInfo, HandlerMethod> handlers) {
        Map<RequestMappingInfo, Place> places = new IdentityHashMap<>();
        Map<String, List<Candidate>> bySection = new HashMap<>();
        List<Candidate> anySection = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlers.entrySet()) {
            Place place = placeOf(entry.getKey());
            places.put(entry.getKey(), place);
            Candidate candidate = new Candidate(entry.getKey(), place, entry.getValue());
            if (place.section().isEmpty()) {
                anySection.add(candidate);
            } else if (!place.section().equals(NOT_STORE)) {
                bySection.computeIfAbsent(place.section(), k -> new ArrayList<>()).add(candidate);
            }
        }
        bySection.values().forEach(list -> list.addAll(anySection));
        bySection.replaceAll((section, list) -> List.copyOf(list));
        return new Index(places, Map.copyOf(bySection), List.copyOf(anySection));
    }

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
            throws Exception {
        // read once per lookup by getHandlerInternal, which always comes first
        Place place = LOOKING_UP.get();
        if (place == null || place.section().isEmpty() || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        Index current = index();
        Comparator<RequestMappingInfo> order = getMappingComparator(request);
        Candidate best = null;
        RequestMappingInfo bestMatch = null;
        boolean tie = false;
        for (Candidate candidate : current.bySection().getOrDefault(place.section(), current.anySection())) {
            if (candidate.place().excludes(place)) {
                continue;
            }
            RequestMappingInfo match = super.getMatchingMapping(candidate.info(), request);
            if (match == null) {
                continue;
            }
            int compared = bestMatch == null ? -1 : order.compare(match, bestMatch);
            if (compared < 0) {
                best = candidate;
                bestMatch = match;
                tie = false;
            } else if (compared == 0) {
                tie = true;
            }
        }
        if (best == null || bestMatch == null || tie) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
        handleMatch(bestMatch, lookupPath, request);
        return best.handler();
    }

    @Override
    protected @Nullable HandlerMethod getHandlerInternal(HttpServletRequest request) throws Exception {
        Place place = requestPlace(request);
        if (place == null) {
            return super.getHandlerInternal(request);
        }
        Place outer = LOOKING_UP.get();
        LOOKING_UP.set(place);
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
        Place place = index().places().get(info);
        if (place == null) {
            // not a registered mapping (a test's): worked out each time, still right
            place = placeOf(info);
        }
        if (!place.section().isEmpty()) {
            Place requested = LOOKING_UP.get();
            if (requested == null) {
                requested = requestPlace(request);
            }
            if (requested != null && place.excludes(requested)) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    /** Where {@code info}'s patterns lead: their common section and, when all have it, their common length. */
    static Place placeOf(RequestMappingInfo info) {
        String section = sectionOf(info);
        if (section.isEmpty() || info.getPathPatternsCondition() == null) {
            return new Place(section, ANY_LENGTH);
        }
        int common = ANY_LENGTH;
        for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
            int segments = segmentsOf(pattern.getPatternString());
            if (segments == ANY_LENGTH || (common != ANY_LENGTH && common != segments)) {
                return new Place(section, ANY_LENGTH);
            }
            common = segments;
        }
        return new Place(section, common);
    }

    /** How many segments every path {@code pattern} matches has; {@link #ANY_LENGTH} when that may vary. */
    static int segmentsOf(String pattern) {
        if (pattern.contains("**") || pattern.contains("{*") || !pattern.startsWith("/") || pattern.endsWith("/")
                || pattern.contains("//")) {
            return ANY_LENGTH;
        }
        return (int) pattern.chars().filter(c -> c == '/').count();
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
        Place place = requestPlace(request);
        return place == null ? null : place.section();
    }

    /**
     * Where the request goes: its section as {@link #requestSection} reads it and, for a store path without a
     * trailing slash or an empty segment, its number of segments; null when the path was not parsed.
     */
    static @Nullable Place requestPlace(HttpServletRequest request) {
        if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return null;
        }
        List<PathContainer.Element> elements = ServletRequestPathUtils.getParsedRequestPath(request)
                .pathWithinApplication().elements();
        // "/", "api", "/", "stores", "/", code, "/", section
        if (elements.size() > 7 && segment(elements.get(1)).equals("api")
                && segment(elements.get(3)).equals("stores")) {
            return new Place(segment(elements.get(7)), lengthOf(elements));
        }
        return Place.UNKNOWN;
    }

    /** Segments of a path that alternates separator and non-empty segment and ends with a segment, else any. */
    private static int lengthOf(List<PathContainer.Element> elements) {
        int size = elements.size();
        if (size % 2 != 0) {
            return ANY_LENGTH;
        }
        for (int i = 0; i < size; i += 2) {
            if (!(elements.get(i) instanceof PathContainer.Separator)
                    || !(elements.get(i + 1) instanceof PathContainer.PathSegment segment)
                    || segment.valueToMatch().isEmpty()) {
                return ANY_LENGTH;
            }
        }
        return size / 2;
    }

    private static String segment(PathContainer.Element element) {
        return element instanceof PathContainer.PathSegment segment ? segment.valueToMatch() : "";
    }
}
