package com.m4s.store.mall;

import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.photo.PhotoViews;
import com.m4s.store.photo.Photos;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mall's lists in plain SQL, one statement per page (decision 0021): categories with their product counts, the
 * console's products, a product's stock movements, and the cards of the mall's home.
 */
@Component
class ProductList {

    static final Map<String, String> PRODUCT_SORTABLE = Map.of("name", "p.name", "createdAt", "p.created_at",
            "priceFen", "p.price_fen", "stock", "p.stock", "sold", "p.sold", "rank", "p.rank");
    static final String PRODUCT_TIE_BREAKER = "p.id";
    static final Map<String, String> ENTRY_SORTABLE = Map.of("createdAt", "e.created_at");
    static final String ENTRY_TIE_BREAKER = "e.id";
    static final int EXPORT_FETCH_SIZE = 500;

    private static final String PRODUCT_COLUMNS = "p.id, p.name, p.category_id, c.name category_name, p.status,"
            + " p.hot, p.recommended, p.rank, p.price_fen, p.photos, p.stock, p.sold, p.created_at, p.version,"
            + " s.max_price, s.skus, s.low";
    private static final String PRODUCT_FROM = "from product p join product_category c on c.id = p.category_id"
            + " join (select product_id, max(coalesce(sale_price_fen, price_fen)) max_price, count(*) skus,"
            + " count(*) filter (where stock <= low_stock_at) low from product_sku group by product_id) s"
            + " on s.product_id = p.id";
    private static final String CARD_COLUMNS = "p.id, p.name, p.subtitle, p.price_fen, p.original_price_fen,"
            + " p.stock, p.hot, p.recommended, p.fitment, p.photos";

    /** Which products: statuses, categories (a category and those under it), a name or article number (part). */
    record ProductFilter(@Nullable Collection<ProductStatus> statuses, @Nullable UUID category,
            @Nullable String search, boolean lowOnly) {
    }

    private final JdbcClient jdbc;
    private final Photos photos;

    ProductList(JdbcClient jdbc, Photos photos) {
        this.jdbc = jdbc;
        this.photos = photos;
    }

    List<ProductViews.CategoryView> categories() {
        return jdbc.sql("select c.id, c.parent_id, c.name, c.sort_order, c.version,"
                + " (select count(*) from product p where p.category_id = c.id) products"
                + " from product_category c order by c.sort_order, c.name, c.id")
                .query((rs, row) -> new ProductViews.CategoryView(rs.getObject("id", UUID.class),
                        rs.getObject("parent_id", UUID.class), rs.getString("name"), rs.getInt("sort_order"),
                        rs.getLong("products"), rs.getLong("version"))).list();
    }

    boolean categoryNameTaken(@Nullable UUID parent, String name, UUID except) {
        return jdbc.sql("select exists (select 1 from product_category where parent_id is not distinct from :parent"
                + " and lower(name) = lower(:name) and id <> :except)").param("parent", parent)
                .param("name", name).param("except", except).query(Boolean.class).single();
    }

    PageResult<ProductViews.ProductRow> products(ProductFilter filter, List<UUID> categories, SqlPage page) {
        Where where = where(filter, categories);
        String store = TenantContext.require().storeCode();
        return page.query(jdbc, PRODUCT_COLUMNS, where.from(), where.parameters(), (rs, row) -> row(store, rs));
    }

    /** Every product the list shows for this filter, in its order, one at a time (an export); how many. */
    long eachProduct(ProductFilter filter, List<UUID> categories, SqlPage order,
            Consumer<ProductViews.ProductRow> sink) {
        Where where = where(filter, categories);
        String store = TenantContext.require().storeCode();
        return order.each(jdbc, "", PRODUCT_COLUMNS, where.from(), where.parameters(), EXPORT_FETCH_SIZE,
                (rs, row) -> row(store, rs), sink);
    }

    private record Where(String from, Map<String, Object> parameters) {
    }

    private static Where where(ProductFilter filter, List<UUID> categories) {
        StringBuilder from = new StringBuilder(PRODUCT_FROM + " where true");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            from.append(" and p.status in (:statuses)");
            parameters.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (!categories.isEmpty()) {
            from.append(" and p.category_id in (:categories)");
            parameters.put("categories", categories);
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            from.append(" and (p.name ilike :search or exists (select 1 from product_sku k where k.product_id = p.id"
                    + " and k.code ilike :search))");
            parameters.put("search", like(filter.search()));
        }
        if (filter.lowOnly()) {
            from.append(" and s.low > 0");
        }
        return new Where(from.toString(), parameters);
    }

    private ProductViews.ProductRow row(String store, ResultSet rs) throws SQLException {
        PhotoViews.PhotoView photo = first(store, rs);
        return new ProductViews.ProductRow(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getObject("category_id", UUID.class), rs.getString("category_name"),
                ProductStatus.valueOf(rs.getString("status")), rs.getBoolean("hot"), rs.getBoolean("recommended"),
                rs.getInt("rank"), rs.getLong("price_fen"), rs.getLong("max_price"), rs.getLong("stock"),
                rs.getLong("sold"), rs.getInt("skus"), rs.getInt("low"), photo == null ? null : photo.thumbnailUrl(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getLong("version"));
    }

    PageResult<ProductViews.ProductStockEntryView> entries(UUID product, SqlPage page) {
        return page.query(jdbc, "e.id, e.sku_id, k.spec, e.kind, e.delta, e.stock_after, e.reason, e.created_by,"
                + " e.created_at", "from product_stock_entry e join product_sku k on k.id = e.sku_id"
                + " where e.product_id = :product", Map.of("product", product),
                (rs, row) -> new ProductViews.ProductStockEntryView(rs.getObject("id", UUID.class),
                        rs.getObject("sku_id", UUID.class), rs.getString("spec"),
                        ProductStockKind.valueOf(rs.getString("kind")), rs.getLong("delta"),
                        rs.getLong("stock_after"), rs.getString("reason"), rs.getString("created_by"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()));
    }

    /** Listed products flagged hot (or recommended), in their rank, as cards for an owner with these models. */
    List<ProductViews.MallCard> featured(boolean hot, List<String> myModels, int limit) {
        String store = TenantContext.require().storeCode();
        return jdbc.sql("select " + CARD_COLUMNS + " from product p where p.status = 'LISTED' and "
                + (hot ? "p.hot" : "p.recommended") + " order by p.rank, p.listed_at desc, p.id limit :limit")
                .param("limit", limit).query((rs, row) -> {
                    List<String> fitment = SqlPage.strings(rs, "fitment");
                    return new ProductViews.MallCard(rs.getObject("id", UUID.class), rs.getString("name"),
                            rs.getString("subtitle"), rs.getLong("price_fen"),
                            rs.getObject("original_price_fen", Long.class), rs.getLong("stock") > 0,
                            rs.getBoolean("hot"), rs.getBoolean("recommended"), fits(fitment, myModels),
                            first(store, rs));
                }).list();
    }

    /** Whether a product of this fitment fits one of these models; null when it fits every car. */
    static @Nullable Boolean fits(List<String> fitment, List<String> myModels) {
        if (fitment.isEmpty()) {
            return null;
        }
        return fitment.stream().anyMatch(myModels::contains);
    }

    private PhotoViews.@Nullable PhotoView first(String store, ResultSet rs) throws SQLException {
        List<String> refs = SqlPage.strings(rs, "photos");
        return refs.isEmpty() ? null : photos.views(store, refs.subList(0, 1)).getFirst();
    }

    private static String like(String search) {
        return "%" + search.strip().replace("%", "").replace("_", "") + "%";
    }
}
