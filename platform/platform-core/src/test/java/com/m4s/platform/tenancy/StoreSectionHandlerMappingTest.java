package com.m4s.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPatternParser;

class StoreSectionHandlerMappingTest {

    private final StoreSectionHandlerMapping mapping = new StoreSectionHandlerMapping();

    @Test
    void aStoreRequestIsMatchedByTheMappingsOfItsSectionOnlyAsThePathPatternsWouldReadIt() {
        RequestMappingInfo member = get("/api/stores/{store}/members/{memberId}");
        RequestMappingInfo usedCar = get("/api/stores/{store}/used-cars/{carId}");

        assertThat(StoreSectionHandlerMapping.sectionOf(member)).isEqualTo("members");
        assertThat(StoreSectionHandlerMapping.sectionOf(usedCar)).isEqualTo("used-cars");
        assertThat(mapping.getMatchingMapping(member, request("/api/stores/demo_a/members/42"))).isNotNull();
        assertThat(mapping.getMatchingMapping(usedCar, request("/api/stores/demo_a/members/42"))).isNull();
        // the patterns match the decoded segment without matrix variables; so does the shortcut
        assertThat(mapping.getMatchingMapping(member, request("/api/stores/demo_a/mem%62ers/42"))).isNotNull();
        assertThat(mapping.getMatchingMapping(member, request("/api/stores/demo_a/members;v=1/42"))).isNotNull();
        assertThat(mapping.getMatchingMapping(member, request("/api/stores/demo_a/members-x/42"))).isNull();
        assertThat(mapping.getMatchingMapping(member, request("/api/admin/stores/demo_a"))).isNull();
    }

    @Test
    void mappingsOutsideOneStoreSectionAreLeftToSpringsOwnMatching() {
        RequestMappingInfo search = get("/api/search/{index}");
        RequestMappingInfo store = get("/api/stores/{store}");
        RequestMappingInfo anySection = get("/api/stores/{store}/{section}");
        RequestMappingInfo twoSections = get("/api/stores/{store}/members", "/api/stores/{store}/owners");

        assertThat(StoreSectionHandlerMapping.sectionOf(store)).isEmpty();
        assertThat(StoreSectionHandlerMapping.sectionOf(anySection)).isEmpty();
        assertThat(StoreSectionHandlerMapping.sectionOf(twoSections)).isEmpty();
        assertThat(mapping.getMatchingMapping(search, request("/api/search/cars"))).isNotNull();
        assertThat(mapping.getMatchingMapping(search, request("/api/stores/demo_a"))).isNull();
        assertThat(mapping.getMatchingMapping(store, request("/api/stores/demo_a"))).isNotNull();
        assertThat(mapping.getMatchingMapping(anySection, request("/api/stores/demo_a/members"))).isNotNull();
        assertThat(mapping.getMatchingMapping(twoSections, request("/api/stores/demo_a/owners"))).isNotNull();
        // a path Spring did not parse: every mapping is checked as usual
        var unparsed = new MockHttpServletRequest("GET", "/api/stores/demo_a/members/42");
        assertThat(StoreSectionHandlerMapping.requestSection(unparsed)).isNull();
    }

    @Test
    void mappingsThatCannotReachAStorePathArePassedOverForAStoreRequestWithoutReadingIt() {
        RequestMappingInfo search = get("/api/search/{index}");
        RequestMappingInfo internal = get("/internal/stores/{store}");
        RequestMappingInfo anyApi = get("/api/{area}/{id}");
        RequestMappingInfo mixed = get("/api/search/{index}", "/api/stores/{store}/search");

        assertThat(StoreSectionHandlerMapping.sectionOf(search)).isEqualTo(StoreSectionHandlerMapping.NOT_STORE);
        assertThat(StoreSectionHandlerMapping.sectionOf(internal)).isEqualTo(StoreSectionHandlerMapping.NOT_STORE);
        assertThat(StoreSectionHandlerMapping.sectionOf(anyApi)).isEmpty();
        assertThat(StoreSectionHandlerMapping.sectionOf(mixed)).isEmpty();

        CountingRequest storeRequest = new CountingRequest(request("/api/stores/demo_a/members/42"));
        assertThat(mapping.getMatchingMapping(search, storeRequest)).isNull();
        assertThat(mapping.getMatchingMapping(internal, storeRequest)).isNull();
        assertThat(mapping.getMatchingMapping(get("/api/stores/{store}/used-cars"), storeRequest)).isNull();
        assertThat(storeRequest.methodReads).as("skipped before Spring's conditions read the request").isZero();
        // a mapping of the request's section, or of no one section, is matched by Spring as usual
        assertThat(mapping.getMatchingMapping(get("/api/stores/{store}/members/{id}"), storeRequest)).isNotNull();
        assertThat(mapping.getMatchingMapping(anyApi, storeRequest)).isNull();
        assertThat(storeRequest.methodReads).isPositive();
        // a request that is no store path reaches the mappings outside the store paths
        assertThat(mapping.getMatchingMapping(internal, request("/internal/stores/demo_a"))).isNotNull();
    }

    @Test
    void withinItsSectionAMappingOfAnotherFixedLengthIsPassedOverToo() {
        RequestMappingInfo page = get("/api/stores/{store}/members");
        RequestMappingInfo one = get("/api/stores/{store}/members/{memberId}");
        RequestMappingInfo points = get("/api/stores/{store}/members/{memberId}/points/entries");
        RequestMappingInfo rest = get("/api/stores/{store}/members/**");

        assertThat(StoreSectionHandlerMapping.placeOf(page).segments()).isEqualTo(4);
        assertThat(StoreSectionHandlerMapping.placeOf(points).segments()).isEqualTo(7);
        assertThat(StoreSectionHandlerMapping.placeOf(rest).segments())
                .isEqualTo(StoreSectionHandlerMapping.ANY_LENGTH);
        assertThat(StoreSectionHandlerMapping.placeOf(get("/api/stores/{store}/members", "/api/stores/{store}/members/x"))
                .segments()).isEqualTo(StoreSectionHandlerMapping.ANY_LENGTH);

        CountingRequest list = new CountingRequest(request("/api/stores/demo_a/members"));
        assertThat(mapping.getMatchingMapping(one, list)).isNull();
        assertThat(mapping.getMatchingMapping(points, list)).isNull();
        assertThat(list.methodReads).as("skipped before Spring's conditions read the request").isZero();
        assertThat(mapping.getMatchingMapping(page, list)).isNotNull();
        assertThat(mapping.getMatchingMapping(rest, new CountingRequest(request("/api/stores/demo_a/members/1/2"))))
                .isNotNull();
        // a trailing slash or an empty segment: the length is not judged, Spring's matching answers as ever
        assertThat(mapping.getMatchingMapping(page, request("/api/stores/demo_a/members/"))).isNull();
        assertThat(mapping.getMatchingMapping(one, request("/api/stores/demo_a/members//x"))).isNull();
        assertThat(mapping.getMatchingMapping(one, request("/api/stores/demo_a/members/m%2F1"))).isNotNull();
    }

    @Test
    void aStoreRequestFindsTheHandlerSpringWouldFindAskingOnlyTheMappingsOfItsSection() throws Exception {
        StoreSectionHandlerMapping sections = new StoreSectionHandlerMapping();
        RequestMappingHandlerMapping spring = new RequestMappingHandlerMapping();
        Handlers handlers = new Handlers();
        for (var m : java.util.List.of(sections, spring)) {
            m.registerMapping(get("/api/stores/{store}/members"), handlers, Handlers.method("list"));
            m.registerMapping(post("/api/stores/{store}/members"), handlers, Handlers.method("create"));
            m.registerMapping(get("/api/stores/{store}/members/{memberId}"), handlers, Handlers.method("one"));
            m.registerMapping(get("/api/stores/{store}/members/export"), handlers, Handlers.method("export"));
            m.registerMapping(get("/api/stores/{store}/used-cars"), handlers, Handlers.method("cars"));
            m.registerMapping(get("/api/stores/{store}/{section}/help"), handlers, Handlers.method("help"));
            m.registerMapping(get("/api/search/{index}"), handlers, Handlers.method("search"));
        }

        for (String[] call : new String[][] {{"GET", "/api/stores/a/members", "list"},
            {"POST", "/api/stores/a/members", "create"}, {"GET", "/api/stores/a/members/42", "one"},
            {"GET", "/api/stores/a/members/export", "export"}, {"GET", "/api/stores/a/used-cars", "cars"},
            {"GET", "/api/stores/a/members/help", "one"}, {"GET", "/api/stores/a/coupons/help", "help"},
            {"GET", "/api/search/cars", "search"}}) {
            MockHttpServletRequest viaSections = request(call[0], call[1]);
            MockHttpServletRequest viaSpring = request(call[0], call[1]);

            assertThat(handlerOf(sections, viaSections)).as(call[1]).isEqualTo(call[2])
                    .isEqualTo(handlerOf(spring, viaSpring));
            assertThat(viaSections.getAttribute(RequestMappingHandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE))
                    .as(call[1]).isEqualTo(viaSpring.getAttribute(
                            RequestMappingHandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE));
        }
        // no handler of the path takes the method: Spring's own answer (405), from both
        assertThatThrownBy(() -> sections.getHandler(request("DELETE", "/api/stores/a/members/42")))
                .isInstanceOf(org.springframework.web.HttpRequestMethodNotSupportedException.class);
        assertThatThrownBy(() -> spring.getHandler(request("DELETE", "/api/stores/a/members/42")))
                .isInstanceOf(org.springframework.web.HttpRequestMethodNotSupportedException.class);

        CountingRequest viaSections = new CountingRequest(request("GET", "/api/stores/a/members"));
        CountingRequest viaSpring = new CountingRequest(request("GET", "/api/stores/a/members"));
        sections.getHandler(viaSections);
        spring.getHandler(viaSpring);
        assertThat(viaSections.methodReads).as("mappings of the section and of length 4 only")
                .isLessThan(viaSpring.methodReads);
    }

    private static String handlerOf(RequestMappingHandlerMapping mapping, MockHttpServletRequest request)
            throws Exception {
        var chain = mapping.getHandler(request);
        return chain == null ? "none" : ((HandlerMethod) chain.getHandler()).getMethod().getName();
    }

    /** Stand-ins for controller methods, one per mapping. */
    static final class Handlers {
        void list() { }
        void create() { }
        void one() { }
        void export() { }
        void cars() { }
        void help() { }
        void search() { }

        static java.lang.reflect.Method method(String name) throws NoSuchMethodException {
            return Handlers.class.getDeclaredMethod(name);
        }
    }

    /** A request that counts how often its method is read (the first thing Spring's conditions read). */
    private static final class CountingRequest extends jakarta.servlet.http.HttpServletRequestWrapper {

        int methodReads;

        CountingRequest(jakarta.servlet.http.HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            methodReads++;
            return super.getMethod();
        }
    }

    private static RequestMappingInfo get(String... paths) {
        return mapping(RequestMethod.GET, paths);
    }

    private static RequestMappingInfo post(String... paths) {
        return mapping(RequestMethod.POST, paths);
    }

    private static RequestMappingInfo mapping(RequestMethod method, String... paths) {
        var options = new RequestMappingInfo.BuilderConfiguration();
        options.setPatternParser(PathPatternParser.defaultInstance);
        return RequestMappingInfo.paths(paths).methods(method).options(options).build();
    }

    private static MockHttpServletRequest request(String uri) {
        return request("GET", uri);
    }

    private static MockHttpServletRequest request(String method, String uri) {
        var request = new MockHttpServletRequest(method, uri);
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
