package com.m4s.store.coupon;

import org.jspecify.annotations.Nullable;

/**
 * One line of what is being paid for: a repair order's labour or part line, or a mall item (issue 19).
 *
 * @param id the line's id in its source (repair order line, mall order line), for the explanation and the split
 * @param itemCode part number, labour code or mall SKU; null when the source has none
 * @param category a mall item's category code; null otherwise
 * @param amountFen what the line costs the member, in fen (≥ 0)
 */
public record BasketLine(String id, Kind kind, @Nullable String itemCode, @Nullable String category,
        String description, long amountFen) {

    /** What the line is. */
    public enum Kind {
        LABOUR, PART, MALL_ITEM,
        /** A desk charge: only order-level coupons apply to it. */
        OTHER
    }

    public BasketLine {
        if (amountFen < 0) {
            throw new IllegalArgumentException("negative line amount");
        }
    }
}
