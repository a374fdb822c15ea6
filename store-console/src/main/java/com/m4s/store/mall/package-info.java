/**
 * The store's mall (MALL-1..3, decision 0050): a tree of categories, products with SKUs and fitment, each SKU's stock
 * as a ledger of movements, listed products searchable by owners in Elasticsearch.
 */
@NullMarked
package com.m4s.store.mall;

import org.jspecify.annotations.NullMarked;
