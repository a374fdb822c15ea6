package com.m4s.store.mall;

import com.m4s.platform.entity.KeyedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * One immutable movement of a SKU's stock: its kind, the signed change, the stock after it, the reason, the order
 * behind it, and its idempotency key. Never updated or deleted (a trigger refuses it in the database).
 */
@Entity
@Immutable
@Table(name = "product_stock_entry")
class ProductStockEntry extends KeyedEntity {

    @Column(name = "sku_id")
    private UUID skuId;
    @Column(name = "product_id")
    private UUID productId;
    @Enumerated(EnumType.STRING)
    private ProductStockKind kind;
    private long delta;
    @Column(name = "stock_after")
    private long stockAfter;
    private @Nullable String reason;
    @Column(name = "order_id")
    private @Nullable UUID orderId;

    protected ProductStockEntry() {
        // for JPA, which sets every field right after
        this.skuId = new UUID(0, 0);
        this.productId = new UUID(0, 0);
        this.kind = ProductStockKind.RECEIVE;
    }

    ProductStockEntry(ProductSku sku, ProductStockKind kind, long delta, long stockAfter, @Nullable String reason,
            @Nullable UUID orderId, String idempotencyKey, String requestHash, String createdBy, Instant now) {
        super(idempotencyKey, requestHash, createdBy, now);
        this.skuId = sku.id();
        this.productId = sku.productId();
        this.kind = kind;
        this.delta = delta;
        this.stockAfter = stockAfter;
        this.reason = reason;
        this.orderId = orderId;
    }

    UUID skuId() { return skuId; }
    ProductStockKind kind() { return kind; }
    long delta() { return delta; }
    long stockAfter() { return stockAfter; }
}
