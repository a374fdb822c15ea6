package com.m4s.infra.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One owner's search of a store's mall, written two ways: as the query string of
 * {@code GET /api/stores/{store}/me/mall/products} and as the Elasticsearch request body the service builds for it
 * (store-console's {@code ProductMarket.request}: listed products, cross-field Chinese full text over name, subtitle,
 * fitment and description, the sort with an id tie-break, and the category and price facets). The benchmark checks
 * both give the same total and page before it measures, so a drift between this copy and the service shows up as a
 * warning rather than a wrong ratio.
 */
record ProductQuery(String label, String q, String sort) implements SearchRoutes.Search {

    static final int SIZE = 20;
    private static final long[][] PRICE_BANDS = {{0, 100_00}, {100_00, 500_00}, {500_00, 1_000_00},
        {1_000_00, 3_000_00}, {3_000_00, Long.MAX_VALUE}};

    /** The searches measured, in turn: by relevance, the best sellers, the cheapest of a brand's kind. */
    static List<ProductQuery> mix() {
        return List.of(new ProductQuery("text '机油' by relevance", "机油", "RELEVANCE"),
                new ProductQuery("text '行车记录仪' by sales", "行车记录仪", "SALES"),
                new ProductQuery("text '博世 机油' by price", "博世 机油", "PRICE_ASC"));
    }

    /** The owner's path and query string in store {@code store}. */
    @Override
    public String path(String store) {
        return "/api/stores/" + store + "/me/mall/products?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                .replace("+", "%20") + "&sort=" + sort + "&page=0&size=" + SIZE;
    }

    /** The alias the service searches: the store's. */
    static String alias(String store) {
        return "m4s-products-store-" + store;
    }

    /** The request body the service sends to Elasticsearch for this search. */
    @Override
    public Map<String, Object> body() {
        Map<String, Object> bool = new LinkedHashMap<>();
        bool.put("filter", List.of(Map.of("terms", Map.of("status", List.of("LISTED")))));
        bool.put("must", List.of(Map.of("multi_match", Map.of("query", q.strip(), "type", "cross_fields",
                "operator", "and", "fields", List.of("name^3", "subtitle^2", "fitment.text^2", "description")))));
        Map<String, Object> first = switch (sort) {
            case "RELEVANCE" -> Map.of("_score", Map.of("order", "desc"));
            case "SALES" -> Map.of("sold", Map.of("order", "desc"));
            case "NEWEST" -> Map.of("listedAt", Map.of("order", "desc"));
            case "PRICE_ASC" -> Map.of("priceFen", Map.of("order", "asc"));
            case "PRICE_DESC" -> Map.of("priceFen", Map.of("order", "desc"));
            default -> throw new IllegalArgumentException("unknown sort " + sort);
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", Map.of("bool", bool));
        body.put("from", 0);
        body.put("size", SIZE);
        body.put("track_total_hits", true);
        body.put("sort", List.of(first, Map.of("id", Map.of("order", "asc"))));
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
        Map<String, Object> aggregations = new LinkedHashMap<>();
        aggregations.put("category", Map.of("terms", Map.of("field", "category", "size", 100)));
        aggregations.put("price", Map.of("range", Map.of("field", "priceFen", "ranges", ranges)));
        body.put("aggregations", aggregations);
        return body;
    }
}
