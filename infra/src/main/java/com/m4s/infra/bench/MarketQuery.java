package com.m4s.infra.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * One search of the used-car market, written two ways: as the query string of
 * {@code GET /api/stores/{store}/used-car-market} and as the Elasticsearch request body the service builds for it
 * (store-console's {@code UsedCarMarket.request}: listed and reserved cars, the filters, cross-field full text, the
 * sort with an id tie-break, the faceted filters as a post filter, and the six facets, each counted under the other
 * facets' filters). The benchmark checks both give the same total and page before it
 * measures, so a drift between this copy and the service shows up as a warning rather than a wrong ratio.
 */
record MarketQuery(String label, boolean group, @Nullable String q, List<String> make, @Nullable Long priceMin,
        @Nullable Long priceMax, @Nullable Integer yearMin, List<String> city, String sort, int page)
        implements SearchRoutes.Search {

    static final int SIZE = 20;
    private static final long[][] PRICE_BANDS = {{0, 50_000}, {50_000, 100_000}, {100_000, 150_000},
        {150_000, 200_000}, {200_000, 300_000}, {300_000, 500_000}, {500_000, Long.MAX_VALUE}};

    /** The searches measured, in turn: text, filters, a store's newest, text with filters, a deeper page. */
    static List<MarketQuery> mix() {
        return List.of(
                new MarketQuery("text '宝马 3系' in the group", true, "宝马 3系", List.of(), null, null, null,
                        List.of(), "RELEVANCE", 0),
                new MarketQuery("丰田 ¥100k-200k by price in the group", true, null, List.of("丰田"), 100_000L,
                        200_000L, null, List.of(), "PRICE_ASC", 0),
                new MarketQuery("newest of one store", false, null, List.of(), null, null, null, List.of(), "NEWEST",
                        0),
                new MarketQuery("text '凯美瑞', 上海, from 2018, by mileage", true, "凯美瑞", List.of(), null, null,
                        2018, List.of("上海"), "MILEAGE_ASC", 0),
                new MarketQuery("page 6 by price, highest first, in the group", true, null, List.of(), null, null,
                        null, List.of(), "PRICE_DESC", 5));
    }

    /** The service's path and query string, with store {@code store} as the caller's store. */
    @Override
    public String path(String store) {
        StringJoiner query = new StringJoiner("&", "/api/stores/" + store + "/used-car-market?", "");
        query.add("scope=" + (group ? "GROUP" : "STORE"));
        if (q != null) {
            query.add("q=" + encode(q));
        }
        make.forEach(m -> query.add("make=" + encode(m)));
        city.forEach(c -> query.add("city=" + encode(c)));
        if (priceMin != null) {
            query.add("priceMin=" + priceMin);
        }
        if (priceMax != null) {
            query.add("priceMax=" + priceMax);
        }
        if (yearMin != null) {
            query.add("yearMin=" + yearMin);
        }
        query.add("sort=" + sort).add("page=" + page).add("size=" + SIZE);
        return query.toString();
    }

    /** The alias the service searches for this query. */
    String alias(String store, String groupCode) {
        return "m4s-used-cars-" + (group ? "group-" + groupCode : "store-" + store);
    }

    /** The request body the service sends to Elasticsearch for this query. */
    @Override
    public Map<String, Object> body() {
        List<Object> filters = new ArrayList<>();
        filters.add(Map.of("terms", Map.of("status", List.of("LISTED", "RESERVED"))));
        Object year = range("year", yearMin, null);
        if (year != null) {
            filters.add(year);
        }
        Map<String, Object> faceted = new LinkedHashMap<>();
        if (!make.isEmpty()) {
            faceted.put("make", Map.of("terms", Map.of("make", make)));
        }
        if (!city.isEmpty()) {
            faceted.put("city", Map.of("terms", Map.of("city", city)));
        }
        Object price = range("askingPriceYuan", priceMin, priceMax);
        if (price != null) {
            faceted.put("price", price);
        }
        Map<String, Object> bool = new LinkedHashMap<>();
        bool.put("filter", filters);
        boolean text = q != null && !q.isBlank();
        if (text) {
            bool.put("must", List.of(Map.of("multi_match", Map.of("query", q.strip(), "type", "cross_fields",
                    "operator", "and", "fields", List.of("title^3", "make.text^2", "model.text^2",
                            "conditionReport")))));
        }
        String order = "RELEVANCE".equals(sort) && !text ? "NEWEST" : sort;
        Map<String, Object> first = switch (order) {
            case "RELEVANCE" -> Map.of("_score", Map.of("order", "desc"));
            case "NEWEST" -> Map.of("listedAt", Map.of("order", "desc"));
            case "PRICE_ASC" -> Map.of("askingPriceYuan", Map.of("order", "asc"));
            case "PRICE_DESC" -> Map.of("askingPriceYuan", Map.of("order", "desc"));
            case "MILEAGE_ASC" -> Map.of("mileageKm", Map.of("order", "asc"));
            case "YEAR_DESC" -> Map.of("year", Map.of("order", "desc"));
            default -> throw new IllegalArgumentException("unknown sort " + sort);
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", Map.of("bool", bool));
        body.put("from", page * SIZE);
        body.put("size", SIZE);
        body.put("track_total_hits", true);
        body.put("sort", List.of(first, Map.of("id", Map.of("order", "asc"))));
        if (!faceted.isEmpty()) {
            body.put("post_filter", Map.of("bool", Map.of("filter", List.copyOf(faceted.values()))));
        }
        Map<String, Object> aggregations = new LinkedHashMap<>();
        facetCounts().forEach((name, counts) -> {
            List<Object> others = faceted.entrySet().stream().filter(f -> !f.getKey().equals(name))
                    .map(Map.Entry::getValue).toList();
            aggregations.put(name, others.isEmpty() ? counts : Map.of("filter", Map.of("bool",
                    Map.of("filter", others)), "aggregations", Map.of("values", counts)));
        });
        body.put("aggregations", aggregations);
        return body;
    }

    private static Map<String, Object> facetCounts() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("make", terms("make", 30));
        a.put("city", terms("city", 30));
        a.put("gearbox", terms("gearbox", 10));
        a.put("emissionStandard", terms("emissionStandard", 10));
        a.put("store", terms("store", 100));
        List<Object> ranges = new ArrayList<>();
        for (long[] band : PRICE_BANDS) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("key", band[0] + "-" + (band[1] == Long.MAX_VALUE ? "" : band[1]));
            r.put("from", (double) band[0]);
            if (band[1] != Long.MAX_VALUE) {
                r.put("to", (double) band[1]);
            }
            ranges.add(r);
        }
        a.put("price", Map.of("range", Map.of("field", "askingPriceYuan", "ranges", ranges)));
        return a;
    }

    private static Map<String, Object> terms(String field, int size) {
        return Map.of("terms", Map.of("field", field, "size", size));
    }

    private static @Nullable Object range(String field, @Nullable Number min, @Nullable Number max) {
        if (min == null && max == null) {
            return null;
        }
        Map<String, Object> bounds = new LinkedHashMap<>();
        if (min != null) {
            bounds.put("gte", min);
        }
        if (max != null) {
            bounds.put("lte", max);
        }
        return Map.of("range", Map.of(field, bounds));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
