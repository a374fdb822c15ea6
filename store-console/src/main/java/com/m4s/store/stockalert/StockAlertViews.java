package com.m4s.store.stockalert;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the stock-alert API answers. */
public final class StockAlertViews {

    /**
     * An episode of a stock condition with the figures of the moment it was raised.
     *
     * @param itemId     the product or gift
     * @param skuId      the product's SKU that ran low
     * @param lastSoldAt a slow-moving product's last sale, or its listing when it never sold since
     * @param idleDays   the days without a sale when it was raised
     * @param notified   how many staff logins were told
     */
    public record StockAlertView(UUID id, StockItemKind itemKind, UUID itemId, @Nullable UUID skuId,
            StockAlertKind alertKind, String itemName, @Nullable String spec, long stock, @Nullable Integer lowStockAt,
            @Nullable Instant lastSoldAt, @Nullable Integer idleDays, Instant raisedAt, @Nullable Instant clearedAt,
            int notified) {
    }

    private StockAlertViews() {
    }
}
