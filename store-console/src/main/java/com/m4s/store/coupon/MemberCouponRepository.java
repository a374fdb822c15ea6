package com.m4s.store.coupon;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface MemberCouponRepository extends JpaRepository<MemberCoupon, UUID> {

    /** The coupon, locked until the transaction ends: its use, restore and expiry are serial. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from MemberCoupon c where c.id = :id")
    Optional<MemberCoupon> lock(UUID id);

    Optional<MemberCoupon> findByClaimKey(String claimKey);

    boolean existsByIssueBatchAndMemberId(UUID issueBatch, UUID memberId);

    long countByTemplateIdAndMemberId(UUID templateId, UUID memberId);

    List<MemberCoupon> findByMemberIdAndStateOrderByValidUntilAscIdAsc(UUID memberId, MemberCouponState state);
}
