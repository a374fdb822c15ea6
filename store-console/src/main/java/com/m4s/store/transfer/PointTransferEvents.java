package com.m4s.store.transfer;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The transfer feature's domain events, all on topic {@value #TOPIC}. */
public final class PointTransferEvents {

    public static final String TOPIC = "m4s.pointtransfer";

    /** Event types, past tense: a transfer made or reversed, a share link's conversion. */
    public enum Type {
        PointTransferCompleted, PointTransferReversed, PointShareConverted
    }

    /** A transfer after a move: ids and points, no names or phones. */
    public record PointTransferChanged(UUID transferId, String store, @Nullable String group, long version,
            UUID fromMemberId, UUID toMemberId, long points, PointTransferStatus status) {
    }

    /**
     * A share link brought someone: {@code sharerMemberId} is who earns (trigger {@code SHARE_CONVERTED}),
     * {@code conversionId} the conversion (one per visitor and link).
     */
    public record PointShareConverted(UUID conversionId, UUID shareId, String store, @Nullable String group,
            UUID sharerMemberId, String kind) {
    }

    private PointTransferEvents() {
    }
}
