package com.m4s.store.mall;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A SKU of a product: what sets it apart (spec), its article number, its price and discount price in fen, when staff
 * are told its stock runs low, and its stock (the sum of its movements, changed only with one, under the product's
 * row lock).
 */
@Entity
@Table(name = "product_sku")
class ProductSku extends BaseEntity {

    @Column(name = "product_id")
    private UUID productId;
    private String spec;
    private @Nullable String code;
    @Column(name = "price_fen")
    private long priceFen;
    @Column(name = "sale_price_fen")
    private @Nullable Long salePriceFen;
    @Column(name = "low_stock_at")
    private int lowStockAt;
    private long stock;
    @Column(name = "sort_order")
    private int sortOrder;

    protected ProductSku() {
        // for JPA, which sets every field right after
        this.productId = new UUID(0, 0);
        this.spec = "";
    }

    /** What staff say a SKU is. */
    record Details(String spec, @Nullable String code, long priceFen, @Nullable Long salePriceFen, int lowStockAt) {
    }

    ProductSku(UUID productId, Details details, int sortOrder, Instant now) {
        super(now);
        this.productId = productId;
        this.spec = details.spec();
        this.sortOrder = sortOrder;
        apply(details);
    }

    void change(Details details, Instant now) {
        this.spec = details.spec();
        apply(details);
        touch(now);
    }

    private void apply(Details d) {
        this.code = d.code();
        this.priceFen = d.priceFen();
        this.salePriceFen = d.salePriceFen();
        this.lowStockAt = d.lowStockAt();
    }

    /** The stock after a movement of {@code delta}; the caller has checked it does not go below zero. */
    long move(long delta, Instant now) {
        stock += delta;
        touch(now);
        return stock;
    }

    /** What an owner pays for one. */
    long effectivePrice() {
        return salePriceFen != null ? salePriceFen : priceFen;
    }

    UUID productId() { return productId; }
    String spec() { return spec; }
    @Nullable String code() { return code; }
    long priceFen() { return priceFen; }
    @Nullable Long salePriceFen() { return salePriceFen; }
    int lowStockAt() { return lowStockAt; }
    long stock() { return stock; }
    int sortOrder() { return sortOrder; }
}
