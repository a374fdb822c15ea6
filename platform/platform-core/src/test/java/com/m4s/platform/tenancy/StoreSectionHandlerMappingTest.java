package com.m4s.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
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

        assertThat(StoreSectionHandlerMapping.sectionOf(search)).isEmpty();
        assertThat(StoreSectionHandlerMapping.sectionOf(store)).isEmpty();
        assertThat(StoreSectionHandlerMapping.sectionOf(anySection)).isEmpty();
        assertThat(StoreSectionHandlerMapping.sectionOf(twoSections)).isEmpty();
        assertThat(mapping.getMatchingMapping(search, request("/api/search/cars"))).isNotNull();
        assertThat(mapping.getMatchingMapping(store, request("/api/stores/demo_a"))).isNotNull();
        assertThat(mapping.getMatchingMapping(anySection, request("/api/stores/demo_a/members"))).isNotNull();
        assertThat(mapping.getMatchingMapping(twoSections, request("/api/stores/demo_a/owners"))).isNotNull();
        // a path Spring did not parse: every mapping is checked as usual
        var unparsed = new MockHttpServletRequest("GET", "/api/stores/demo_a/members/42");
        assertThat(StoreSectionHandlerMapping.requestSection(unparsed)).isNull();
    }

    private static RequestMappingInfo get(String... paths) {
        var options = new RequestMappingInfo.BuilderConfiguration();
        options.setPatternParser(PathPatternParser.defaultInstance);
        return RequestMappingInfo.paths(paths).methods(RequestMethod.GET).options(options).build();
    }

    private static MockHttpServletRequest request(String uri) {
        var request = new MockHttpServletRequest("GET", uri);
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
