package com.m4s.store.usedcar;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.m4s.platform.search.SearchIndexes;
import com.m4s.platform.search.SearchUnavailable;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.store.photo.PhotoViews;
import com.m4s.store.photo.Photos;
import com.m4s.platform.web.ApiException;
import com.m4s.store.tenant.TenantDirectory;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The used-car market (UCAR-3, SAAS-6): cars on the market (listed or reserved) of the current store or of every
 * store of its dealer group, searched in Elasticsearch through the store's or the group's alias (never the whole
 * index with a filter of our own), with filters, facets with counts, sorting and paging.
 */
@Service
public class UsedCarMarket {

    /** Where to look. */
    public enum Scope { STORE, GROUP }

    /** Orders of the result; RELEVANCE needs search text (else it is NEWEST). */
    public enum Sort { RELEVANCE, NEWEST, PRICE_ASC, PRICE_DESC, MILEAGE_ASC, YEAR_DESC }

    /** What the buyer asked for; null or empty means "any". */
    public record Criteria(@Nullable String q, List<String> make, @Nullable String model, @Nullable Long priceMin,
            @Nullable Long priceMax, @Nullable Integer yearMin, @Nullable Integer yearMax, @Nullable Integer mileageMin,
            @Nullable Integer mileageMax, List<String> city, List<Gearbox> gearbox,
            List<EmissionStandard> emissionStandard, List<String> store, Sort sort, int page, int size) {
    }

    /** A car on the market as buyers see it. */
    public record Listing(UUID id, String store, UsedCarStatus status, String make, String model, int year,
            int mileageKm, String city, Gearbox gearbox, EmissionStandard emissionStandard, @Nullable String colour,
            @Nullable Long askingPriceYuan, List<PhotoViews.PhotoView> photos, @Nullable String conditionReport,
            @Nullable Instant listedAt) {
    }

    /**
     * A facet value and how many cars have it: cars of the result, except that a facet's own filter is left out
     * (with make=宝马 picked, the make facet still counts the other makes under the other filters).
     */
    public record FacetValue(String value, long count) {
    }

    /**
     * A page of the market with the facets of the whole result, and the name, address and phone of each store that
     * a listing of the page or a value of the store facet names, by code (read from the directory, not the index, so
     * a renamed store reads its new name at once).
     */
    public record MarketPage(List<Listing> content, long totalElements, int page, int size, int totalPages,
            Scope scope, Map<String, List<FacetValue>> facets, Map<String, TenantDirectory.StoreCard> stores) {
    }

    /** Price bands of the price facet, in yuan: [from, to). */
    static final long[][] PRICE_BANDS = {{0, 50_000}, {50_000, 100_000}, {100_000, 150_000}, {150_000, 200_000},
        {200_000, 300_000}, {300_000, 500_000}, {500_000, Long.MAX_VALUE}};
    /** The name of a facet's counts inside the filter that applies the other facets' filters. */
    private static final String VALUES = "values";
    /** Elasticsearch answers at most this deep into a result. */
    static final int MAX_WINDOW = 10_000;

    private final SearchIndexes indexes;
    private final UsedCarSearchKind kind;
    private final TenantRegistry tenants;
    private final TenantDirectory directory;

    private final Photos photos;

    UsedCarMarket(SearchIndexes indexes, UsedCarSearchKind kind, TenantRegistry tenants, TenantDirectory directory,
            Photos photos) {
        this.photos = photos;
        this.indexes = indexes;
        this.kind = kind;
        this.tenants = tenants;
        this.directory = directory;
    }

    public MarketPage search(Scope scope, Criteria c) {
        if ((long) (c.page() + 1) * c.size() > MAX_WINDOW) {
            throw new ApiException.Unprocessable("page-too-deep", MAX_WINDOW).field("page");
        }
        if (c.priceMin() != null && c.priceMax() != null && c.priceMin() > c.priceMax()) {
            throw new ApiException.Unprocessable("invalid-range").field("priceMin");
        }
        String store = TenantContext.require().storeCode();
        String group = tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null);
        Scope effective = scope == Scope.GROUP && group != null ? Scope.GROUP : Scope.STORE;
        String alias = effective == Scope.GROUP ? indexes.groupAlias(kind, group) : indexes.storeAlias(kind, store);
        try {
            SearchResponse<Map> response = indexes.queries().search(request(alias, c), Map.class);
            long total = response.hits().total() == null ? response.hits().hits().size()
                    : response.hits().total().value();
            List<Listing> content = new ArrayList<>();
            for (Hit<Map> hit : response.hits().hits()) {
                if (hit.source() != null) {
                    content.add(listing(hit.source(), photos));
                }
            }
            Map<String, List<FacetValue>> facets = facets(response.aggregations());
            return new MarketPage(content, total, c.page(), c.size(), (int) ((total + c.size() - 1) / c.size()),
                    effective, facets, directory.cards(storesNamed(content, facets)));
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                // nothing of this store or group was ever indexed: its alias does not exist yet
                return new MarketPage(List.of(), 0, c.page(), c.size(), 0, effective, Map.of(), Map.of());
            }
            throw new SearchUnavailable(e);
        } catch (IOException e) {
            throw new SearchUnavailable(e);
        }
    }

    private static java.util.Set<String> storesNamed(List<Listing> content, Map<String, List<FacetValue>> facets) {
        java.util.Set<String> codes = new java.util.TreeSet<>();
        content.forEach(listing -> codes.add(listing.store()));
        facets.getOrDefault("store", List.of()).forEach(value -> codes.add(value.value()));
        return codes;
    }

    /**
     * The search: full text and the filters without a facet select the cars; the filters of faceted fields (make,
     * city, gearbox, emission standard, store, price) are a {@code post_filter}, and each facet counts with every
     * filter but its own, so picking 宝马 still shows how many 奥迪 there are to add (multi-select facets).
     */
    static SearchRequest request(String alias, Criteria c) {
        List<Query> filters = new ArrayList<>();
        filters.add(terms("status", List.of(UsedCarStatus.LISTED.name(), UsedCarStatus.RESERVED.name())));
        if (c.model() != null && !c.model().isBlank()) {
            filters.add(Query.of(q -> q.term(t -> t.field("model").value(c.model().strip()))));
        }
        addIfPresent(filters, range("year", c.yearMin(), c.yearMax()));
        addIfPresent(filters, range("mileageKm", c.mileageMin(), c.mileageMax()));
        Map<String, Query> faceted = new LinkedHashMap<>();
        if (!c.make().isEmpty()) {
            faceted.put("make", terms("make", c.make()));
        }
        if (!c.city().isEmpty()) {
            faceted.put("city", terms("city", c.city()));
        }
        if (!c.gearbox().isEmpty()) {
            faceted.put("gearbox", terms("gearbox", c.gearbox().stream().map(Enum::name).toList()));
        }
        if (!c.emissionStandard().isEmpty()) {
            faceted.put("emissionStandard", terms("emissionStandard",
                    c.emissionStandard().stream().map(Enum::name).toList()));
        }
        if (!c.store().isEmpty()) {
            faceted.put("store", terms("store", c.store()));
        }
        Query price = range("askingPriceYuan", c.priceMin(), c.priceMax());
        if (price != null) {
            faceted.put("price", price);
        }
        boolean text = c.q() != null && !c.q().isBlank();
        Query query = Query.of(q -> q.bool(b -> {
            b.filter(filters);
            if (text) {
                b.must(m -> m.multiMatch(mm -> mm.query(c.q().strip()).type(TextQueryType.CrossFields)
                        .operator(Operator.And).fields("title^3", "make.text^2", "model.text^2", "conditionReport")));
            }
            return b;
        }));
        Sort sort = c.sort() == Sort.RELEVANCE && !text ? Sort.NEWEST : c.sort();
        return SearchRequest.of(s -> {
            s.index(alias).query(query).from(c.page() * c.size()).size(c.size()).trackTotalHits(t -> t.enabled(true));
            switch (sort) {
                case RELEVANCE -> s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
                case NEWEST -> s.sort(o -> o.field(f -> f.field("listedAt").order(SortOrder.Desc)));
                case PRICE_ASC -> s.sort(o -> o.field(f -> f.field("askingPriceYuan").order(SortOrder.Asc)));
                case PRICE_DESC -> s.sort(o -> o.field(f -> f.field("askingPriceYuan").order(SortOrder.Desc)));
                case MILEAGE_ASC -> s.sort(o -> o.field(f -> f.field("mileageKm").order(SortOrder.Asc)));
                case YEAR_DESC -> s.sort(o -> o.field(f -> f.field("year").order(SortOrder.Desc)));
            }
            // a stable order for paging
            s.sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
            if (!faceted.isEmpty()) {
                s.postFilter(all(faceted.values()));
            }
            s.aggregations(aggregations(faceted));
            return s;
        });
    }

    /** Each facet's counts under the filters of the other facets (its own would leave only the values picked). */
    private static Map<String, Aggregation> aggregations(Map<String, Query> faceted) {
        Map<String, Aggregation> counted = new LinkedHashMap<>();
        facetCounts().forEach((name, counts) -> {
            List<Query> others = faceted.entrySet().stream().filter(f -> !f.getKey().equals(name))
                    .map(Map.Entry::getValue).toList();
            counted.put(name, others.isEmpty() ? counts
                    : Aggregation.of(x -> x.filter(all(others)).aggregations(VALUES, counts)));
        });
        return counted;
    }

    private static Query all(java.util.Collection<Query> filters) {
        List<Query> list = List.copyOf(filters);
        return Query.of(q -> q.bool(b -> b.filter(list)));
    }

    private static Map<String, Aggregation> facetCounts() {
        Map<String, Aggregation> a = new LinkedHashMap<>();
        a.put("make", Aggregation.of(x -> x.terms(t -> t.field("make").size(30))));
        a.put("city", Aggregation.of(x -> x.terms(t -> t.field("city").size(30))));
        a.put("gearbox", Aggregation.of(x -> x.terms(t -> t.field("gearbox").size(10))));
        a.put("emissionStandard", Aggregation.of(x -> x.terms(t -> t.field("emissionStandard").size(10))));
        a.put("store", Aggregation.of(x -> x.terms(t -> t.field("store").size(100))));
        a.put("price", Aggregation.of(x -> x.range(r -> {
            r.field("askingPriceYuan");
            for (long[] band : PRICE_BANDS) {
                r.ranges(b -> {
                    b.key(band[0] + "-" + (band[1] == Long.MAX_VALUE ? "" : band[1])).from((double) band[0]);
                    if (band[1] != Long.MAX_VALUE) {
                        b.to((double) band[1]);
                    }
                    return b;
                });
            }
            return r;
        })));
        return a;
    }

    private static Map<String, List<FacetValue>> facets(Map<String, Aggregate> aggregations) {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        aggregations.forEach((name, outer) -> {
            Aggregate aggregate = outer.isFilter() ? outer.filter().aggregations().get(VALUES) : outer;
            List<FacetValue> values = new ArrayList<>();
            if (aggregate == null) {
                facets.put(name, values);
                return;
            }
            if (aggregate.isSterms()) {
                for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
                    values.add(new FacetValue(bucket.key().stringValue(), bucket.docCount()));
                }
            } else if (aggregate.isRange()) {
                for (RangeBucket bucket : aggregate.range().buckets().array()) {
                    values.add(new FacetValue(bucket.key() == null ? "" : bucket.key(), bucket.docCount()));
                }
            }
            facets.put(name, values);
        });
        return facets;
    }

    private static Query terms(String field, List<String> values) {
        List<FieldValue> v = values.stream().map(String::strip).map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(tv -> tv.value(v))));
    }

    private static void addIfPresent(List<Query> filters, @Nullable Query filter) {
        if (filter != null) {
            filters.add(filter);
        }
    }

    private static @Nullable Query range(String field, @Nullable Number min, @Nullable Number max) {
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

    private static Listing listing(Map<?, ?> s, Photos photos) {
        String store = String.valueOf(s.get("store"));
        return new Listing(UUID.fromString(String.valueOf(s.get("id"))), String.valueOf(s.get("store")),
                UsedCarStatus.valueOf(String.valueOf(s.get("status"))), String.valueOf(s.get("make")),
                String.valueOf(s.get("model")), number(s.get("year")).intValue(),
                number(s.get("mileageKm")).intValue(), String.valueOf(s.get("city")),
                Gearbox.valueOf(String.valueOf(s.get("gearbox"))),
                EmissionStandard.valueOf(String.valueOf(s.get("emissionStandard"))), text(s.get("colour")),
                s.get("askingPriceYuan") == null ? null : number(s.get("askingPriceYuan")).longValue(),
                photos.views(store, s.get("photos") instanceof List<?> refs
                        ? refs.stream().map(String::valueOf).toList() : List.of()),
                text(s.get("conditionReport")), s.get("listedAt") == null ? null
                        : Instant.parse(String.valueOf(s.get("listedAt"))));
    }

    private static Number number(@Nullable Object value) {
        return value instanceof Number n ? n : Long.parseLong(String.valueOf(value));
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
