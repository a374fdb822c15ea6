package com.m4s.store.mall;

import com.m4s.store.photo.PhotoViews;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the mall API answers; money in fen. */
public final class ProductViews {

    /** A category and how many products it holds itself (not its sub-categories'). */
    public record CategoryView(UUID id, @Nullable UUID parentId, String name, int sortOrder, long productCount,
            long version) {
    }

    /** A SKU with its prices, stock and whether the stock is at or below its low-stock mark. */
    public record SkuView(UUID id, String spec, @Nullable String code, long priceFen, @Nullable Long salePriceFen,
            int lowStockAt, long stock, boolean low, long version) {
    }

    /** A product as staff edit it, with its SKUs. */
    public record ProductView(UUID id, UUID categoryId, String categoryName, String name, @Nullable String subtitle,
            @Nullable String description, ProductStatus status, boolean hot, boolean recommended, int rank,
            List<String> fitment, List<PhotoViews.PhotoView> photos, @Nullable Instant listedAt, String createdBy,
            Instant createdAt, Instant updatedAt, long version, List<SkuView> skus) {
    }

    /**
     * A row of the console's product list: prices from the cheapest to the dearest SKU, the stock of all, the units
     * sold (orders' reservations less what they released or returned).
     */
    public record ProductRow(UUID id, String name, UUID categoryId, String categoryName, ProductStatus status,
            boolean hot, boolean recommended, int rank, long minPriceFen, long maxPriceFen, long stock, long sold,
            int skuCount,
            int lowSkus, @Nullable String thumbnailUrl, Instant createdAt, long version) {
    }

    /** One movement of a SKU's stock. */
    public record ProductStockEntryView(UUID id, UUID skuId, String spec, ProductStockKind kind, long delta, long stockAfter,
            @Nullable String reason, String createdBy, Instant createdAt) {
    }

    /**
     * A product as the mall shows it in a list: what one costs (the cheapest SKU, and its price before the discount
     * when it has one), whether any SKU is in stock, and whether it fits one of the owner's cars (null: it fits every
     * car).
     */
    public record MallCard(UUID id, String name, @Nullable String subtitle, long priceFen,
            @Nullable Long originalPriceFen, boolean inStock, boolean hot, boolean recommended,
            @Nullable Boolean fitsMyCar, PhotoViews.@Nullable PhotoView photo) {
    }

    /** The mall's home: hot items, recommended items, the category tree. */
    public record MallHome(List<MallCard> hot, List<MallCard> recommended, List<CategoryView> categories,
            List<String> myModels) {
    }

    /** A SKU as owners choose it. */
    public record MallSku(UUID id, String spec, long priceFen, @Nullable Long salePriceFen, long stock) {
    }

    /** A product's page in the owner app. */
    public record MallProduct(UUID id, String name, @Nullable String subtitle, @Nullable String description,
            List<String> categoryPath, List<String> fitment, @Nullable Boolean fitsMyCar,
            List<PhotoViews.PhotoView> photos, List<MallSku> skus) {
    }

    private ProductViews() {
    }
}
