package com.m4s.store.coupon;

import java.util.List;

/** What a member is about to pay for: the lines, in their source's order. */
public record Basket(List<BasketLine> lines) {

    public Basket {
        lines = List.copyOf(lines);
        if (lines.stream().map(BasketLine::id).distinct().count() != lines.size()) {
            throw new IllegalArgumentException("two basket lines with one id");
        }
    }

    public long totalFen() {
        return lines.stream().mapToLong(BasketLine::amountFen).sum();
    }
}
