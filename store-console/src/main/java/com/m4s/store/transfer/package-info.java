/**
 * Point transfers and earning by sharing (积分转赠, 分享得积分, PTS-6), decision 0040: an owner gives available points
 * to another member of the store found by phone, within the store's policy (on/off, a minimum per transfer, a daily
 * maximum out per member in store days); both legs are ledger entries of one transaction, the balance rows locked in
 * a fixed order; managers reverse a transfer with a reason. An owner's share link brings conversions (a new visitor,
 * a sign-up) that the point task trigger {@code SHARE_CONVERTED} rewards.
 */
@NullMarked
package com.m4s.store.transfer;

import org.jspecify.annotations.NullMarked;
