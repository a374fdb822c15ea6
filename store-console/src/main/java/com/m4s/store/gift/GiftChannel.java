package com.m4s.store.gift;

/**
 * Where a redemption was made: the owner in the app, staff at the desk for the member, or a batch distribution that
 * gave the gift free (no points).
 */
public enum GiftChannel {
    APP, DESK, BATCH
}
