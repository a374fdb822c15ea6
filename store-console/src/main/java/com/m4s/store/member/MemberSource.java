package com.m4s.store.member;

/** How a member first came to the store. */
public enum MemberSource {
    WALK_IN, REFERRAL, ONLINE, PHONE, EVENT, DMS_IMPORT, OTHER
}
