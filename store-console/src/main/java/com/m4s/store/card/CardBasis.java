package com.m4s.store.card;

/** What a card level is measured on, over the programme's rolling window. */
public enum CardBasis {
    /** Points earned (grants net of refunds and corrections; not redemptions or manual adjustments). */
    POINTS,
    /** Customer-paid amounts of settled repair order lines, in whole yuan, refunded lines excluded. */
    SPEND
}
