package com.m4s.store.stockalert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A feature that keeps stock tells the stock-alert job which of its listed items call for an alert now: a bean in
 * that feature's package, reading its own tables in plain SQL in a read-only transaction of its own. An item no
 * longer named ends its open alert.
 */
public interface StockWatch {

    /**
     * The items that are low or slow-moving at {@code now}.
     *
     * @param slowMovingDays a listed product in stock with no sale for this many days is slow-moving; {@code null}:
     *                       the store does not want slow-moving alerts
     */
    List<Condition> conditions(Instant now, @Nullable Integer slowMovingDays);

    /**
     * An item in a condition, with the figures the alert keeps.
     *
     * @param skuId      the product's SKU that is low; {@code null} for a gift and for a slow-moving product
     * @param lowStockAt the item's low-stock mark (low stock)
     * @param lastSoldAt its last sale, or its listing when it never sold since (slow-moving)
     */
    record Condition(StockItemKind itemKind, UUID itemId, @Nullable UUID skuId, StockAlertKind alertKind, String name,
            @Nullable String spec, long stock, @Nullable Integer lowStockAt, @Nullable Instant lastSoldAt) {

        Key key() {
            return new Key(itemKind, itemId, skuId, alertKind);
        }
    }

    /** What makes one episode: the item and the kind of alert. */
    record Key(StockItemKind itemKind, UUID itemId, @Nullable UUID skuId, StockAlertKind alertKind) {
    }
}
