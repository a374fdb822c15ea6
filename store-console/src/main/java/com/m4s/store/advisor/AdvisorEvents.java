package com.m4s.store.advisor;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The advisor feature's events on topic {@value #TOPIC}, published in the transaction of the change (decision 0008).
 */
public final class AdvisorEvents {

    public static final String TOPIC = "m4s.advisor";

    public enum Type {
        /** A member got an advisor, or moved from one to another (one event per member of a move). */
        CustomerBound,
        /** An owner rated the advisor of a repair order. */
        AdvisorRated,
        /** A manager posted news to advisors. */
        AnnouncementPosted,
        /** An advisor opened an announcement for the first time (their read receipt). */
        AnnouncementRead
    }

    /** @param previous the advisor the member had before, none for a first binding */
    public record CustomerBound(UUID memberId, String store, String advisor, @Nullable String previous,
            String by, Instant boundAt) {
    }

    public record AdvisorRated(UUID ratingId, String store, UUID repairOrderId, UUID memberId, String advisor,
            int stars, Instant ratedAt) {
    }

    /** @param recipients how many advisors it went to */
    public record AnnouncementPosted(UUID announcementId, String store, String audience, int recipients, String by,
            Instant postedAt) {
    }

    public record AnnouncementRead(UUID announcementId, String store, String advisor, Instant readAt) {
    }

    private AdvisorEvents() {
    }
}
