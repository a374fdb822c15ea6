package com.m4s.store.wallet;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Writes and single reads of wallet entries (lists are plain SQL: {@link WalletHistory}). */
interface WalletEntryRepository extends JpaRepository<WalletEntry, UUID> {

    Optional<WalletEntry> findByIdempotencyKey(String idempotencyKey);

    /** The principal the refunds of a spend returned so far. */
    @Query("select coalesce(sum(e.principalDelta), 0) from WalletEntry e where e.refundOf = :spend")
    long principalRefunded(@Param("spend") UUID spend);

    /** The bonus the refunds of a spend returned so far. */
    @Query("select coalesce(sum(e.bonusDelta), 0) from WalletEntry e where e.refundOf = :spend")
    long bonusRefunded(@Param("spend") UUID spend);
}
