package com.m4s.store.mall;

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
 * The mall's search (MALL-1, SAAS-6): listed products of the current store in Elasticsearch through the store's alias,
 * Chinese full text over name, subtitle, description and fitment, filters (category with those under it, price, in
 * stock, fits my car), multi-select facets (category, price) and sorting.
 */
@Service
public class ProductMarket {

    /**
     * Orders of the result; RELEVANCE needs search text (else it is the home page's order: hot first, then rank);
     * SALES puts the most units sold first.
     */
    public enum Sort { RELEVANCE, NEWEST, PRICE_ASC, PRICE_DESC, SALES }

    /** What the owner asked for; null means "any". Prices in fen. */
    public record Criteria(@Nullable String q, @Nullable UUID category, @Nullable Long priceMin,
            @Nullable Long priceMax, boolean inStockOnly, boolean fitsMyCarOnly, Sort sort, int page, int size) {
    }

    /** A page of the mall with its facets: leaf categories by id, price bands in fen. */
    public record MallPage(List<ProductViews.MallCard> content, long totalElements, int page, int size,
            int totalPages, Map<String, List<FacetedSearch.FacetValue>> facets) {
    }

    /** Price bands of the price facet, in fen: [from, to). */
    static final long[][] PRICE_BANDS = {{0, 100_00}, {100_00, 500_00}, {500_00, 1_000_00}, {1_000_00, 3_000_00},
        {3_000_00, Long.MAX_VALUE}};
    static final int MAX_WINDOW = 10_000;

    private final SearchIndexes indexes;
    private final ProductSearchKind kind;
    private final Photos photos;

    ProductMarket(SearchIndexes indexes, ProductSearchKind kind, Photos photos) {
        this.indexes = indexes;
        this.kind = kind;
        this.photos = photos;
    }

    /** The search, for an owner whose vehicles are of these models. */
    public MallPage search(Criteria c, List<String> myModels) {
        if ((long) (c.page() + 1) * c.size() > MAX_WINDOW) {
            throw new ApiException.Unprocessable("page-too-deep", MAX_WINDOW).field("page");
        }
        if (c.priceMin() != null && c.priceMax() != null && c.priceMin() > c.priceMax()) {
            throw new ApiException.Unprocessable("invalid-range").field("priceMin");
        }
        String store = TenantContext.require().storeCode();
        try {
            SearchResponse<Map> response = indexes.queries().search(request(indexes.storeAlias(kind, store), c,
                    myModels), Map.class);
            long total = response.hits().total() == null ? response.hits().hits().size()
                    : response.hits().total().value();
            List<ProductViews.MallCard> content = new ArrayList<>();
            for (Hit<Map> hit : response.hits().hits()) {
                if (hit.source() != null) {
                    content.add(card(store, hit.source(), myModels));
                }
            }
            return new MallPage(content, total, c.page(), c.size(), (int) ((total + c.size() - 1) / c.size()),
                    FacetedSearch.facets(response.aggregations()));
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                // nothing of this store was ever indexed: its alias does not exist yet
                return new MallPage(List.of(), 0, c.page(), c.size(), 0, Map.of());
            }
            throw new SearchUnavailable(e);
        } catch (IOException e) {
            throw new SearchUnavailable(e);
        }
    }

    static SearchRequest request(String alias, Criteria c, List<String> myModels) {
        List<Query> filters = new ArrayList<>();
        filters.add(terms("status", List.of(ProductStatus.LISTED.name())));
        if (c.inStockOnly()) {
            filters.add(Query.of(q -> q.term(t -> t.field("inStock").value(true))));
        }
        if (c.fitsMyCarOnly()) {
            // a product for every car fits; one for named models fits when it names one of the owner's
            List<Query> fits = new ArrayList<>();
            fits.add(Query.of(q -> q.term(t -> t.field("universal").value(true))));
            if (!myModels.isEmpty()) {
                fits.add(terms("fitment", myModels));
            }
            filters.add(Query.of(q -> q.bool(b -> b.should(fits).minimumShouldMatch("1"))));
        }
        Map<String, Query> faceted = new LinkedHashMap<>();
        if (c.category() != null) {
            faceted.put("category", terms("categoryPath", List.of(c.category().toString())));
        }
        Query price = range("priceFen", c.priceMin(), c.priceMax());
        if (price != null) {
            faceted.put("price", price);
        }
        boolean text = c.q() != null && !c.q().isBlank();
        Query query = FacetedSearch.matching(filters, c.q(), "name^3", "subtitle^2", "fitment.text^2", "description");
        List<SortOptions> order = c.sort() == Sort.RELEVANCE && !text
                // no words to rank by: the store's own order (hot first, then its rank, then the newest)
                ? List.of(FacetedSearch.by("hot", SortOrder.Desc), FacetedSearch.by("rank", SortOrder.Asc),
                        FacetedSearch.by("listedAt", SortOrder.Desc))
                : List.of(switch (c.sort()) {
                    case RELEVANCE -> FacetedSearch.byScore();
                    case NEWEST -> FacetedSearch.by("listedAt", SortOrder.Desc);
                    case PRICE_ASC -> FacetedSearch.by("priceFen", SortOrder.Asc);
                    case PRICE_DESC -> FacetedSearch.by("priceFen", SortOrder.Desc);
                    // the best seller first; a document without the field (indexed before it existed) sorts last
                    case SALES -> FacetedSearch.by("sold", SortOrder.Desc);
                });
        return FacetedSearch.request(alias, query, c.page(), c.size(), order, faceted, facetCounts());
    }

    private static Map<String, Aggregation> facetCounts() {
        Map<String, Aggregation> a = new LinkedHashMap<>();
        a.put("category", Aggregation.of(x -> x.terms(t -> t.field("category").size(100))));
        a.put("price", FacetedSearch.bands("priceFen", PRICE_BANDS));
        return a;
    }

    private ProductViews.MallCard card(String store, Map<?, ?> s, List<String> myModels) {
        List<String> fitment = strings(s.get("fitment"));
        List<String> refs = strings(s.get("photos"));
        return new ProductViews.MallCard(UUID.fromString(String.valueOf(s.get("id"))), String.valueOf(s.get("name")),
                s.get("subtitle") == null ? null : String.valueOf(s.get("subtitle")), number(s.get("priceFen")),
                s.get("originalPriceFen") == null ? null : number(s.get("originalPriceFen")),
                Boolean.TRUE.equals(s.get("inStock")), Boolean.TRUE.equals(s.get("hot")),
                Boolean.TRUE.equals(s.get("recommended")), ProductList.fits(fitment, myModels),
                refs.isEmpty() ? null : photos.views(store, refs.subList(0, 1)).getFirst());
    }

    private static List<String> strings(@Nullable Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static long number(@Nullable Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
    }
}
