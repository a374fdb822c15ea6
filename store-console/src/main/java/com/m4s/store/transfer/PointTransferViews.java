package com.m4s.store.transfer;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the transfer API answers. */
public final class PointTransferViews {

    /** A transfer as staff list it: both members with name and phone. */
    public record PointTransferView(UUID id, UUID fromMemberId, @Nullable String fromName,
            @Nullable String fromPhone, UUID toMemberId, @Nullable String toName, @Nullable String toPhone,
            long points, PointTransferStatus status, Instant createdAt, String createdBy,
            @Nullable Instant reversedAt, @Nullable String reversedBy, @Nullable String reverseReason,
            Set<PointTransferStatus.Move> allowed, long version) {
    }

    /** The owner's result: the receiver masked, the points and the sender's balance after it. */
    public record OwnTransferResult(UUID id, String recipientName, String recipientPhone, long points,
            PointTransferStatus status, Instant createdAt, long availableAfter) {
    }

    /** Who a phone belongs to, masked, for the owner's confirmation (张*, 138****0002). */
    public record TransferRecipient(String name, String phone) {
    }

    /** The store's transfer limits; {@code version} goes back as If-Match. */
    public record TransferPolicyView(boolean enabled, long minPoints, long dailyMaxOut, long version) {
    }

    /** The owner's limits today: the policy and what is left of today's maximum. */
    public record OwnTransferLimits(boolean enabled, long minPoints, long dailyMaxOut, long leftToday,
            long available) {
    }

    private PointTransferViews() {
    }
}
