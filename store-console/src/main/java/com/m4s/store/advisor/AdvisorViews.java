package com.m4s.store.advisor;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the advisor endpoints take and answer. */
public final class AdvisorViews {

    private AdvisorViews() {
    }

    /**
     * An advisor as the directory shows them: the staff login's name and department (Keycloak's), with the store's
     * profile when it has one.
     *
     * @param photoUrl a signed link to the photo's medium size, when there is a photo
     * @param customers the members bound to the advisor now
     */
    public record AdvisorEntry(String username, String displayName, @Nullable String department, boolean enabled,
            @Nullable String phone, @Nullable String dmsName, @Nullable UUID photoId, @Nullable String photoUrl,
            boolean active, long customers, long version) {
    }

    /** A change of an advisor's profile (the login itself is Keycloak's). */
    public record AdvisorProfileChange(@Size(max = 100) @Nullable String dmsName,
            @Pattern(regexp = "[0-9+\\- ]{0,20}") @Nullable String phone, @Nullable UUID photoId, boolean active) {
    }

    /** Binds a member to an advisor (a move when the member has another). */
    public record AdvisorBindingRequest(@NotBlank @Size(max = 64) String advisor) {
    }

    /** A member's advisor now, for the member page. */
    public record MemberAdvisor(UUID memberId, String advisor, String displayName, Instant boundAt) {
    }

    /**
     * Moves customers from one advisor to another: the members named, or all of the advisor's when none are named.
     */
    public record AdvisorMove(@NotBlank @Size(max = 64) String from, @NotBlank @Size(max = 64) String to,
            @Nullable @Size(max = 10_000) List<UUID> memberIds) {
    }

    /**
     * A member of an advisor's book, for the page that moves customers.
     *
     * @param plates the member's vehicles' plates, oldest first
     * @param boundAt since when the member is this advisor's
     */
    public record AdvisorCustomer(UUID memberId, String name, String phone, List<String> plates, Instant boundAt) {
    }

    /** What a move did: the members moved, in id order. */
    public record AdvisorMoveResult(String from, String to, List<UUID> moved) {
    }

    /** The owner's advisor, for 我的顾问. */
    public record MyAdvisor(String username, String displayName, @Nullable String phone, @Nullable String photoUrl,
            @Nullable String department) {
    }

    /** One of the owner's settled repair orders, with their rating of it if they gave one. */
    public record RateableOrder(UUID orderId, String dmsNumber, @Nullable String advisor, Instant settledAt,
            @Nullable Integer stars, @Nullable String comment) {
    }

    /** An owner's rating of a repair order's advisor. */
    public record AdvisorRatingRequest(@NotNull @Min(1) @Max(5) Integer stars,
            @Size(max = 500) @Nullable String comment) {
    }

    public record AdvisorRatingView(UUID id, UUID orderId, String advisor, int stars, @Nullable String comment,
            Instant createdAt) {
    }

    /**
     * A row of the performance list.
     *
     * @param referrals members recorded as brought in by the advisor when they were created, all time (decision
     *     0038)
     * @param ratingAverage average stars of all ratings, null without any
     * @param pointsGranted the net earned points posted to the advisor's current customers in the period
     */
    public record AdvisorPerformanceRow(String username, String displayName, @Nullable String dmsName, boolean active,
            long customers, long referrals, @Nullable Double ratingAverage, long ratingCount, long pointsGranted) {
    }

    // --- announcements to advisors (decision 0042)

    /**
     * News to post: to every advisor of the directory (no {@code advisors}) or to the usernames named.
     */
    public record AdvisorAnnouncementRequest(@NotBlank @Size(max = 100) String title,
            @NotBlank @Size(max = 4000) String body, @Nullable @Size(max = 500) List<@NotBlank String> advisors) {
    }

    /**
     * An announcement as the manager's list shows it.
     *
     * @param audience {@code ALL} (the directory's advisors when it was posted) or {@code CHOSEN}
     * @param readCount advisors who opened it; {@code total}: advisors it went to
     */
    public record AdvisorAnnouncementRow(UUID id, String title, String audience, String postedBy,
            String postedByName, Instant postedAt, long readCount, long total) {
    }

    /** An advisor an announcement went to, with when they first opened it (none: not read). */
    public record AdvisorAnnouncementReader(String username, String displayName, @Nullable Instant readAt) {
    }

    /** One announcement for the manager: the text and every recipient's receipt, those who have not read first. */
    public record AdvisorAnnouncementDetail(UUID id, String title, String body, String audience, String postedBy,
            String postedByName, Instant postedAt, long readCount, long total,
            List<AdvisorAnnouncementReader> readers) {
    }

    /** An announcement in the advisor's own list; {@code readAt} none while unread. */
    public record MyAdvisorAnnouncement(UUID id, String title, String body, String postedByName, Instant postedAt,
            @Nullable Instant readAt) {
    }

    /** How many announcements the caller has not opened: the console's badge. */
    public record MyAdvisorAnnouncementsUnread(long unread) {
    }
}
