package com.m4s.store.stockalert;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One episode of a stock condition of an item: raised when the job first finds it, with the figures of that moment,
 * cleared when the job no longer finds it. The database keeps one open episode per item and kind.
 */
@Entity
@Table(name = "stock_alert")
class StockAlert extends BaseEntity {

    @Enumerated(EnumType.STRING)
    @Column(name = "item_kind")
    private StockItemKind itemKind;
    @Column(name = "item_id")
    private UUID itemId;
    @Column(name = "sku_id")
    private @Nullable UUID skuId;
    @Enumerated(EnumType.STRING)
    @Column(name = "alert_kind")
    private StockAlertKind alertKind;
    @Column(name = "item_name")
    private String itemName;
    private @Nullable String spec;
    private long stock;
    @Column(name = "low_stock_at")
    private @Nullable Integer lowStockAt;
    @Column(name = "last_sold_at")
    private @Nullable Instant lastSoldAt;
    @Column(name = "idle_days")
    private @Nullable Integer idleDays;
    @Column(name = "raised_at")
    private Instant raisedAt;
    @Column(name = "cleared_at")
    private @Nullable Instant clearedAt;
    private int notified;

    protected StockAlert() {
        // for JPA, which sets every field right after
        this.itemKind = StockItemKind.PRODUCT;
        this.itemId = new UUID(0, 0);
        this.alertKind = StockAlertKind.LOW_STOCK;
        this.itemName = "";
        this.raisedAt = Instant.EPOCH;
    }

    /** @param notified how many staff logins are told of it */
    StockAlert(StockWatch.Condition condition, int notified, Instant now) {
        super(now);
        this.itemKind = condition.itemKind();
        this.itemId = condition.itemId();
        this.skuId = condition.skuId();
        this.alertKind = condition.alertKind();
        this.itemName = condition.name();
        this.spec = condition.spec();
        this.stock = condition.stock();
        this.lowStockAt = condition.lowStockAt();
        this.lastSoldAt = condition.lastSoldAt();
        this.idleDays = lastSoldAt == null ? null : (int) Duration.between(lastSoldAt, now).toDays();
        this.raisedAt = now;
        this.notified = notified;
    }

    /** The condition ended. */
    void clear(Instant now) {
        if (clearedAt == null) {
            clearedAt = now;
            touch(now);
        }
    }

    StockWatch.Key key() {
        return new StockWatch.Key(itemKind, itemId, skuId, alertKind);
    }

    StockItemKind itemKind() { return itemKind; }

    UUID itemId() { return itemId; }

    StockAlertKind alertKind() { return alertKind; }

    String itemName() { return itemName; }

    @Nullable String spec() { return spec; }

    long stock() { return stock; }

    @Nullable Integer lowStockAt() { return lowStockAt; }

    @Nullable Integer idleDays() { return idleDays; }
}
