/**
 * Member cards and card levels (MEM-1), decision 0031: the store's card programme (levels reached at a threshold of
 * points earned, or customer-paid spend, in a rolling window), one card per member with its life (join, renew,
 * upgrade, downgrade, report lost, reissue, change, quit, expire) as steps that are recorded and evented. Other
 * features read a member's card through {@link com.m4s.store.card.MemberCards}.
 */
@NullMarked
package com.m4s.store.card;

import org.jspecify.annotations.NullMarked;
