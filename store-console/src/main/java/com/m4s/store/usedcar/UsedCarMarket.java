package com.m4s.store.usedcar;

import static com.m4s.platform.search.FacetedSearch.addIfPresent;
import static com.m4s.platform.search.FacetedSearch.range;
import static com.m4s.platform.search.FacetedSearch.terms;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.m4s.platform.search.FacetedSearch;
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
     * A page of the market with the facets of the whole result, and the name, address and phone of each store that
     * a listing of the page or a value of the store facet names, by code (read from the directory, not the index, so
     * a renamed store reads its new name at once).
     */
    public record MarketPage(List<Listing> content, long totalElements, int page, int size, int totalPages,
            Scope scope, Map<String, List<FacetedSearch.FacetValue>> facets,
            Map<String, TenantDirectory.StoreCard> stores) {
    }

    /** Price bands of the price facet, in yuan: [from, to). */
    static final long[][] PRICE_BANDS = {{0, 50_000}, {50_000, 100_000}, {100_000, 150_000}, {150_000, 200_000},
        {200_000, 300_000}, {300_000, 500_000}, {500_000, Long.MAX_VALUE}};
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
            Map<String, List<FacetedSearch.FacetValue>> facets = FacetedSearch.facets(response.aggregations());
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

    private static java.util.Set<String> storesNamed(List<Listing> content,
            Map<String, List<FacetedSearch.FacetValue>> facets) {
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
        Query query = FacetedSearch.matching(filters, c.q(), "title^3", "make.text^2", "model.text^2",
                "conditionReport");
        Sort sort = c.sort() == Sort.RELEVANCE && !text ? Sort.NEWEST : c.sort();
        SortOptions order = switch (sort) {
            case RELEVANCE -> FacetedSearch.byScore();
            case NEWEST -> FacetedSearch.by("listedAt", SortOrder.Desc);
            case PRICE_ASC -> FacetedSearch.by("askingPriceYuan", SortOrder.Asc);
            case PRICE_DESC -> FacetedSearch.by("askingPriceYuan", SortOrder.Desc);
            case MILEAGE_ASC -> FacetedSearch.by("mileageKm", SortOrder.Asc);
            case YEAR_DESC -> FacetedSearch.by("year", SortOrder.Desc);
        };
        return FacetedSearch.request(alias, query, c.page(), c.size(), List.of(order), faceted, facetCounts());
    }

    private static Map<String, Aggregation> facetCounts() {
        Map<String, Aggregation> a = new LinkedHashMap<>();
        a.put("make", Aggregation.of(x -> x.terms(t -> t.field("make").size(30))));
        a.put("city", Aggregation.of(x -> x.terms(t -> t.field("city").size(30))));
        a.put("gearbox", Aggregation.of(x -> x.terms(t -> t.field("gearbox").size(10))));
        a.put("emissionStandard", Aggregation.of(x -> x.terms(t -> t.field("emissionStandard").size(10))));
        a.put("store", Aggregation.of(x -> x.terms(t -> t.field("store").size(100))));
        a.put("price", FacetedSearch.bands("askingPriceYuan", PRICE_BANDS));
        return a;
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
