package com.m4s.store.gift;

/** Where a redemption was made: the owner in the app, or staff at the desk for the member. */
public enum GiftChannel {
    APP, DESK
}
