package com.m4s.store.gift;

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
 * One immutable movement of a gift's stock: its kind, the signed change, the stock after it, the redemption behind
 * it, the reason, and its idempotency key. Never updated or deleted (a trigger refuses it in the database).
 */
@Entity
@Immutable
@Table(name = "gift_stock_entry")
class GiftStockEntry extends KeyedEntity {

    @Column(name = "gift_id")
    private UUID giftId;
    @Enumerated(EnumType.STRING)
    private GiftStockKind kind;
    private long delta;
    @Column(name = "stock_after")
    private long stockAfter;
    @Column(name = "redemption_id")
    private @Nullable UUID redemptionId;
    private @Nullable String reason;

    protected GiftStockEntry() {
        // for JPA, which sets every field right after
        this.giftId = new UUID(0, 0);
        this.kind = GiftStockKind.RECEIVE;
    }

    GiftStockEntry(UUID giftId, GiftStockKind kind, long delta, long stockAfter, @Nullable UUID redemptionId,
            @Nullable String reason, String idempotencyKey, String requestHash, String createdBy, Instant now) {
        super(idempotencyKey, requestHash, createdBy, now);
        this.giftId = giftId;
        this.kind = kind;
        this.delta = delta;
        this.stockAfter = stockAfter;
        this.redemptionId = redemptionId;
        this.reason = reason;
    }

    UUID giftId() { return giftId; }
    GiftStockKind kind() { return kind; }
    long delta() { return delta; }
    long stockAfter() { return stockAfter; }
}
