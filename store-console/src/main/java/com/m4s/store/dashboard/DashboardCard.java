package com.m4s.store.dashboard;

import com.m4s.platform.security.Permission;

/**
 * One card of the store dashboard, contributed by the feature whose numbers it shows: a bean in that feature's
 * package. Numbers come from plain SQL on the current store (decision 0021): a card that reads the database runs
 * {@link #compute} in a read-only transaction of its own ({@code @Transactional(readOnly = true)}); one that asks
 * another system (Keycloak) holds no connection while it waits.
 *
 * <p>A card that cannot be computed because a system it needs does not answer throws the 503 problem of that
 * system; the dashboard shows it as unavailable and the other cards as usual.
 */
public interface DashboardCard {

    /** Stable name of the card, shared with the web UI's card registry, e.g. {@code members}. */
    String key();

    /** Who sees the card: the permission of the numbers it shows. */
    Permission permission();

    /** Where the card sits among the others: smaller first. */
    int order();

    /** The card's figures for the window, and its trend series over the window's trend buckets. */
    CardView compute(DashboardWindow window);
}
