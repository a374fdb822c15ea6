/**
 * The stored-value wallet (储值卡, WAL-1), decision 0043: staff top a member's wallet up at the desk (with the store's
 * bonus tiers, 充500送50: the bonus a sub-balance of its own, spent after the principal, never paid out), spend it
 * against a repair order or a desk charge, refund a spend back to the wallet by exactly its principal/bonus split, and
 * pay principal back in cash (above the store's threshold only with a second manager's approval). Every movement is
 * an immutable {@code wallet_entry} with a unique idempotency key; the balance row is their sum, locked by each
 * posting, never negative. {@link com.m4s.store.wallet.Wallets} posts in the caller's transaction, so a later checkout
 * debits the wallet together with coupons and points.
 */
@NullMarked
package com.m4s.store.wallet;

import org.jspecify.annotations.NullMarked;
