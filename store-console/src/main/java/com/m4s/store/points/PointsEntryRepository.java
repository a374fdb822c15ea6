package com.m4s.store.points;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Writes and single reads of ledger entries (lists are plain SQL: {@link PointsHistory}). */
interface PointsEntryRepository extends JpaRepository<PointsEntry, UUID> {

    Optional<PointsEntry> findByIdempotencyKey(String idempotencyKey);

    /** A source's net pending points. */
    @Query("select coalesce(sum(e.pendingDelta), 0) from PointsEntry e where e.sourceId = :source")
    long pendingOf(@Param("source") UUID source);

    /** A source's net earned points (what it produced, after refunds and corrections). */
    @Query("select coalesce(sum(e.earnedDelta), 0) from PointsEntry e where e.sourceId = :source")
    long earnedOf(@Param("source") UUID source);

    /** What a source gave a member for a cause, net of what was taken back since. */
    @Query("select coalesce(sum(e.earnedDelta), 0) from PointsEntry e where e.sourceId = :source"
            + " and e.causeId = :cause and e.memberId = :member")
    long earnedFor(@Param("source") UUID source, @Param("cause") UUID cause, @Param("member") UUID member);

    /** Whether a source's pending points were made available. */
    @Query("select count(e) > 0 from PointsEntry e where e.sourceId = :source"
            + " and e.kind = com.m4s.store.points.EntryKind.ACTIVATE")
    boolean activated(@Param("source") UUID source);
}
