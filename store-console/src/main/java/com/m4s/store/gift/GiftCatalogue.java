package com.m4s.store.gift;

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
import com.m4s.platform.web.ApiException;
import com.m4s.store.photo.Photos;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The owners' gift catalogue (GIFT-2, SAAS-6, decision 0054): listed gifts of the current store in Elasticsearch
 * through the store's alias, as the mall's search is — Chinese full text over name and description, a points range,
 * only in stock, a multi-select facet of points bands, sorting; the page's stock and how many more the member may
 * redeem are read from the database.
 */
@Service
public class GiftCatalogue {

    /**
     * Orders of the result; RELEVANCE needs search text (else cheapest first, as the catalogue always was); POPULAR:
     * most pieces redeemed first.
     */
    public enum Sort { RELEVANCE, NEWEST, POINTS_ASC, POINTS_DESC, POPULAR }

    /** What the owner asked for; null means "any". */
    public record Criteria(@Nullable String q, @Nullable Long pointsMin, @Nullable Long pointsMax,
            boolean inStockOnly, Sort sort, int page, int size) {
    }

    /** A page of the catalogue with its facet of points bands. */
    public record GiftCataloguePage(List<GiftViews.CatalogueGift> content, long totalElements, int page, int size,
            int totalPages, Map<String, List<FacetedSearch.FacetValue>> facets) {
    }

    /** Points bands of the facet: [from, to). */
    static final long[][] POINTS_BANDS = {{0, 500}, {500, 1_000}, {1_000, 3_000}, {3_000, 10_000},
        {10_000, Long.MAX_VALUE}};
    static final int MAX_WINDOW = 10_000;

    private final SearchIndexes indexes;
    private final GiftSearchKind kind;
    private final Gifts gifts;
    private final Photos photos;

    GiftCatalogue(SearchIndexes indexes, GiftSearchKind kind, Gifts gifts, Photos photos) {
        this.indexes = indexes;
        this.kind = kind;
        this.gifts = gifts;
        this.photos = photos;
    }

    /** The search, for this member (how many more they may redeem of each gift found). */
    public GiftCataloguePage search(Criteria c, UUID member) {
        if ((long) (c.page() + 1) * c.size() > MAX_WINDOW) {
            throw new ApiException.Unprocessable("page-too-deep", MAX_WINDOW).field("page");
        }
        if (c.pointsMin() != null && c.pointsMax() != null && c.pointsMin() > c.pointsMax()) {
            throw new ApiException.Unprocessable("invalid-range").field("pointsMin");
        }
        String store = TenantContext.require().storeCode();
        SearchResponse<Map> response;
        try {
            response = indexes.queries().search(request(indexes.storeAlias(kind, store), c), Map.class);
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                // nothing of this store was ever indexed: its alias does not exist yet
                return new GiftCataloguePage(List.of(), 0, c.page(), c.size(), 0, Map.of());
            }
            throw new SearchUnavailable(e);
        } catch (IOException e) {
            throw new SearchUnavailable(e);
        }
        long total = response.hits().total() == null ? response.hits().hits().size()
                : response.hits().total().value();
        List<Map<?, ?>> sources = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            if (hit.source() != null) {
                sources.add(hit.source());
            }
        }
        // read after the search, in a transaction of its own: no connection is held while Elasticsearch answers
        Map<UUID, GiftList.MemberStock> now = gifts.memberStock(member, sources.stream()
                .map(s -> UUID.fromString(String.valueOf(s.get("id")))).toList());
        List<GiftViews.CatalogueGift> content = new ArrayList<>();
        for (Map<?, ?> s : sources) {
            content.add(card(store, s, now.get(UUID.fromString(String.valueOf(s.get("id"))))));
        }
        return new GiftCataloguePage(content, total, c.page(), c.size(), (int) ((total + c.size() - 1) / c.size()),
                FacetedSearch.facets(response.aggregations()));
    }

    static SearchRequest request(String alias, Criteria c) {
        List<Query> filters = new ArrayList<>();
        filters.add(terms("status", List.of(GiftStatus.LISTED.name())));
        if (c.inStockOnly()) {
            filters.add(Query.of(q -> q.term(t -> t.field("inStock").value(true))));
        }
        Map<String, Query> faceted = new LinkedHashMap<>();
        Query points = range("pointsPrice", c.pointsMin(), c.pointsMax());
        if (points != null) {
            faceted.put("points", points);
        }
        boolean text = c.q() != null && !c.q().isBlank();
        Query query = FacetedSearch.matching(filters, c.q(), "name^3", "description");
        Sort sort = c.sort() == Sort.RELEVANCE && !text ? Sort.POINTS_ASC : c.sort();
        SortOptions order = switch (sort) {
            case RELEVANCE -> FacetedSearch.byScore();
            case NEWEST -> FacetedSearch.by("createdAt", SortOrder.Desc);
            case POINTS_ASC -> FacetedSearch.by("pointsPrice", SortOrder.Asc);
            case POINTS_DESC -> FacetedSearch.by("pointsPrice", SortOrder.Desc);
            case POPULAR -> FacetedSearch.by("redeemed", SortOrder.Desc);
        };
        return FacetedSearch.request(alias, query, c.page(), c.size(), List.of(order), faceted, facetCounts());
    }

    private static Map<String, Aggregation> facetCounts() {
        return Map.of("points", FacetedSearch.bands("pointsPrice", POINTS_BANDS));
    }

    /** A gift found, with the stock and limit the database has now (the index's while the row is not found). */
    private GiftViews.CatalogueGift card(String store, Map<?, ?> s, GiftList.@Nullable MemberStock now) {
        List<String> refs = strings(s.get("photos"));
        Integer limit = s.get("memberLimit") instanceof Number n ? n.intValue() : null;
        return new GiftViews.CatalogueGift(UUID.fromString(String.valueOf(s.get("id"))), String.valueOf(s.get("name")),
                s.get("description") == null ? null : String.valueOf(s.get("description")),
                number(s.get("pointsPrice")), now == null ? number(s.get("stock")) : now.stock(),
                now == null ? limit : now.memberLimit(), now == null ? (limit == null ? null : (long) limit)
                        : now.mayRedeem(), number(s.get("redeemed")),
                refs.isEmpty() ? null : photos.views(store, refs.subList(0, 1)).getFirst());
    }

    private static List<String> strings(@Nullable Object value) {
        return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static long number(@Nullable Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
    }
}
