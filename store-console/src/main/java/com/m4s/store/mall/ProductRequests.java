package com.m4s.store.mall;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the mall API takes; money in fen. */
final class ProductRequests {

    /** A category: its parent (none: top level), name and place among its siblings. */
    record CategoryForm(@Nullable UUID parentId, @NotBlank @Size(max = 40) String name,
            @Min(0) @Max(10_000) int sortOrder) {
    }

    /** A product as staff describe it; on creation also its SKUs and whether it is listed at once. */
    record ProductForm(@NotNull UUID categoryId, @NotBlank @Size(max = 100) String name,
            @Size(max = 200) @Nullable String subtitle, @Size(max = 5000) @Nullable String description,
            boolean hot, boolean recommended, @Min(0) @Max(10_000) int rank,
            @Size(max = 50) @Nullable List<@NotBlank @Size(max = 64) String> fitment,
            @Size(max = 9) @Nullable List<@NotBlank @Size(max = 300) String> photos,
            @Size(max = 50) @Nullable List<@Valid SkuForm> skus, @Nullable Boolean listed) {

        /** Whether a new product is listed at once; an edit leaves it out (the console sends it on creation only). */
        boolean listedAtOnce() {
            return Boolean.TRUE.equals(listed);
        }


        Product.Details details() {
            return new Product.Details(categoryId, name, subtitle, description, hot, recommended, rank,
                    fitment == null ? List.of() : fitment, photos == null ? List.of() : photos);
        }
    }

    /** A SKU as staff describe it; on creation also its first stock. */
    record SkuForm(@NotBlank @Size(max = 60) String spec, @Size(max = 40) @Nullable String code,
            @NotNull @Min(1) @Max(100_000_000_00L) Long priceFen,
            @Min(1) @Max(100_000_000_00L) @Nullable Long salePriceFen,
            @Min(0) @Max(1_000_000) @Nullable Integer lowStockAt,
            @Min(0) @Max(1_000_000) @Nullable Long initialStock) {

        ProductSku.Details details() {
            return new ProductSku.Details(spec, code, priceFen, salePriceFen, lowStockAt == null ? 0 : lowStockAt);
        }

        long stock() {
            return initialStock == null ? 0 : initialStock;
        }
    }

    /** Stock received. */
    record ProductStockReceipt(@NotNull @Min(1) @Max(1_000_000) Long quantity, @Size(max = 500) @Nullable String reason) {
    }

    /** A correction after a count (up or down) and why. */
    record ProductStockAdjustment(@NotNull @Min(-1_000_000) @Max(1_000_000) Long delta,
            @NotBlank @Size(max = 500) String reason) {
    }

    private ProductRequests() {
    }
}
