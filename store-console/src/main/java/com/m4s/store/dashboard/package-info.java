/**
 * The store dashboard: a frame of cards that each feature contributes ({@link com.m4s.store.dashboard.DashboardCard}
 * beans in the feature's own package), computed for a period in the store's calendar and shown to whoever has the
 * card's permission. A later feature adds a card by declaring a bean; nothing here changes (decision 0026).
 */
@NullMarked
package com.m4s.store.dashboard;

import org.jspecify.annotations.NullMarked;
