/**
 * Stock alerts to the store's staff (MALL-3, GIFT-1; decision 0053): the per-store job {@code stock-alerts} asks each
 * feature that keeps stock ({@link com.m4s.store.stockalert.StockWatch}) which items are low or slow-moving, records
 * each episode once and tells the staff who keep those items in their inbox; the console's list and the store's
 * slow-moving rule.
 */
@NullMarked
package com.m4s.store.stockalert;

import org.jspecify.annotations.NullMarked;
