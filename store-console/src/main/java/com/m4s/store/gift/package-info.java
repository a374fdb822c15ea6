/**
 * The store's gift warehouse (GIFT-1..3, decision 0048): gifts with a points price and a stock ledger, members'
 * redemptions paid with points, handed over at the desk or cancelled with the points and stock given back.
 */
@NullMarked
package com.m4s.store.gift;

import org.jspecify.annotations.NullMarked;
