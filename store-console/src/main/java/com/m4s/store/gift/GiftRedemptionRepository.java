package com.m4s.store.gift;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface GiftRedemptionRepository extends JpaRepository<GiftRedemption, UUID> {

    Optional<GiftRedemption> findByIdempotencyKey(String idempotencyKey);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from GiftRedemption r where r.id = :id")
    Optional<GiftRedemption> lock(@Param("id") UUID id);

    /** How many of the gift the member holds or has had (cancelled redemptions not counted). */
    @Query("select coalesce(sum(r.quantity), 0) from GiftRedemption r where r.memberId = :member"
            + " and r.giftId = :gift and r.status <> com.m4s.store.gift.GiftRedemptionStatus.CANCELLED")
    long redeemedBy(@Param("member") UUID member, @Param("gift") UUID gift);
}
