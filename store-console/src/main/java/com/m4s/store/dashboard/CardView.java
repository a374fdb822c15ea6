package com.m4s.store.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one card shows.
 *
 * @param figures named whole numbers, in the order the card shows them; a figure that has no value (the oldest
 *     waiting car when none waits) is left out
 * @param trend named series, each one value per bucket of {@link DashboardView#trendStarts()}
 * @param available false when a system the card needs did not answer: the card says so, the others are shown
 */
public record CardView(String key, Map<String, Long> figures, Map<String, List<Long>> trend, boolean available) {

    public CardView {
        figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        trend = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(trend));
    }

    /** A card of figures only. */
    public static CardView of(String key, Map<String, Long> figures) {
        return new CardView(key, figures, Map.of(), true);
    }

    /** A card of figures and trend series. */
    public static CardView of(String key, Map<String, Long> figures, Map<String, List<Long>> trend) {
        return new CardView(key, figures, trend, true);
    }

    static CardView unavailable(String key) {
        return new CardView(key, Map.of(), Map.of(), false);
    }
}
