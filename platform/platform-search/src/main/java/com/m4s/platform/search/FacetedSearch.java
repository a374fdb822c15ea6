package com.m4s.platform.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The pieces of a search with multi-select facets, as every searchable kind builds it: filters of faceted fields go
 * in a {@code post_filter}, and each facet counts under the filters of the other facets only (with 宝马 picked, the
 * make facet still counts the other makes), so a buyer can add values to a facet they already narrowed.
 */
public final class FacetedSearch {

    /** A facet value and how many documents of the result (under the other facets' filters) have it. */
    public record FacetValue(String value, long count) {
    }

    /** The name of a facet's counts inside the filter that applies the other facets' filters. */
    private static final String VALUES = "values";

    private FacetedSearch() {
    }

    /**
     * One page of a faceted search: the query, in {@code order} and then by {@code id} (a stable order for paging),
     * the total counted exactly, the faceted fields' filters as the post filter and each facet counted under the
     * others' ({@link #aggregations}).
     */
    public static SearchRequest request(String index, Query query, int page, int size, List<SortOptions> order,
            Map<String, Query> faceted, Map<String, Aggregation> facetCounts) {
        return SearchRequest.of(s -> {
            s.index(index).query(query).from(page * size).size(size).trackTotalHits(t -> t.enabled(true));
            s.sort(order);
            s.sort(by("id", SortOrder.Asc));
            if (!faceted.isEmpty()) {
                s.postFilter(all(faceted.values()));
            }
            s.aggregations(aggregations(facetCounts, faceted));
            return s;
        });
    }

    /**
     * The filters, and when {@code text} is not blank every one of its words in one of {@code fields} (taken as one
     * field, each with its boost, e.g. {@code name^3}).
     */
    public static Query matching(List<Query> filters, @Nullable String text, String... fields) {
        return Query.of(q -> q.bool(b -> {
            b.filter(filters);
            if (text != null && !text.isBlank()) {
                b.must(m -> m.multiMatch(mm -> mm.query(text.strip()).type(TextQueryType.CrossFields)
                        .operator(Operator.And).fields(List.of(fields))));
            }
            return b;
        }));
    }

    /** Sorted by a field. */
    public static SortOptions by(String field, SortOrder order) {
        return SortOptions.of(o -> o.field(f -> f.field(field).order(order)));
    }

    /** The best match first. */
    public static SortOptions byScore() {
        return SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc)));
    }

    /** Each facet's counts under the filters of the other facets (its own would leave only the values picked). */
    public static Map<String, Aggregation> aggregations(Map<String, Aggregation> facetCounts,
            Map<String, Query> faceted) {
        Map<String, Aggregation> counted = new LinkedHashMap<>();
        facetCounts.forEach((name, counts) -> {
            List<Query> others = faceted.entrySet().stream().filter(f -> !f.getKey().equals(name))
                    .map(Map.Entry::getValue).toList();
            counted.put(name, others.isEmpty() ? counts
                    : Aggregation.of(x -> x.filter(all(others)).aggregations(VALUES, counts)));
        });
        return counted;
    }

    /** The facets of an answer to a request built with {@link #aggregations}: terms and ranges, by facet name. */
    public static Map<String, List<FacetValue>> facets(Map<String, Aggregate> aggregations) {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        aggregations.forEach((name, outer) -> {
            Aggregate aggregate = outer.isFilter() ? outer.filter().aggregations().get(VALUES) : outer;
            List<FacetValue> values = new ArrayList<>();
            if (aggregate != null && aggregate.isSterms()) {
                for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
                    values.add(new FacetValue(bucket.key().stringValue(), bucket.docCount()));
                }
            } else if (aggregate != null && aggregate.isRange()) {
                for (RangeBucket bucket : aggregate.range().buckets().array()) {
                    values.add(new FacetValue(bucket.key() == null ? "" : bucket.key(), bucket.docCount()));
                }
            }
            facets.put(name, values);
        });
        return facets;
    }

    /** A range facet over bands [from, to), the last open-ended when its end is {@link Long#MAX_VALUE}. */
    public static Aggregation bands(String field, long[][] bands) {
        return Aggregation.of(x -> x.range(r -> {
            r.field(field);
            for (long[] band : bands) {
                r.ranges(b -> {
                    b.key(band[0] + "-" + (band[1] == Long.MAX_VALUE ? "" : band[1])).from((double) band[0]);
                    if (band[1] != Long.MAX_VALUE) {
                        b.to((double) band[1]);
                    }
                    return b;
                });
            }
            return r;
        }));
    }

    /** Every filter at once. */
    public static Query all(Collection<Query> filters) {
        List<Query> list = List.copyOf(filters);
        return Query.of(q -> q.bool(b -> b.filter(list)));
    }

    /** The field holds one of the values. */
    public static Query terms(String field, List<String> values) {
        List<FieldValue> v = values.stream().map(String::strip).map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(tv -> tv.value(v))));
    }

    /** The field lies in [min, max]; null when neither end is given. */
    public static @Nullable Query range(String field, @Nullable Number min, @Nullable Number max) {
        if (min == null && max == null) {
            return null;
        }
        return Query.of(q -> q.range(r -> r.untyped(u -> {
            u.field(field);
            if (min != null) {
                u.gte(JsonData.of(min));
            }
            if (max != null) {
                u.lte(JsonData.of(max));
            }
            return u;
        })));
    }

    /** Adds the filter when there is one. */
    public static void addIfPresent(List<Query> filters, @Nullable Query filter) {
        if (filter != null) {
            filters.add(filter);
        }
    }
}
