package com.m4s.store.member;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The member's domain events, all on topic {@value #TOPIC}, published in the transaction of the change (decision
 * 0008). No names or phones: the member is an id.
 */
public final class MemberEvents {

    /** The member context's topic. */
    public static final String TOPIC = "m4s.member";

    /** Event types, past tense. */
    public enum Type {
        /** A member was created: by staff in the console, or made for a DMS customer (the payload's source says). */
        MemberJoined,
        /** The member's owner completed the owner app's sign-up: a login is bound to the member. */
        OwnerSignedUp
    }

    /**
     * A member joined the store.
     *
     * @param source how they came (DMS_IMPORT for a member made for a DMS order; null when staff gave none)
     * @param referredBy the member who referred them, if any
     * @param referredByAdvisor the username of the advisor who brought them in, if any (decision 0038)
     */
    public record MemberJoined(UUID memberId, String store, @Nullable String group, long version,
            @Nullable MemberSource source, @Nullable UUID referredBy, @Nullable String referredByAdvisor,
            Instant joinedAt) {
    }

    /** The member's owner signed up in the owner app. */
    public record OwnerSignedUp(UUID memberId, String store, @Nullable String group, long version,
            Instant signedUpAt) {
    }

    private MemberEvents() {
    }
}
