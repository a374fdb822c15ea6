package com.m4s.store.gift;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface GiftDistributionMemberRepository extends JpaRepository<GiftDistributionMember, UUID> {

    Optional<GiftDistributionMember> findByDistributionIdAndMemberId(UUID distributionId, UUID memberId);

    boolean existsByDistributionIdAndMemberId(UUID distributionId, UUID memberId);

    long countByDistributionId(UUID distributionId);

    /** The members the job has not done yet, a batch at a time, in a stable order. */
    List<GiftDistributionMember> findByDistributionIdAndOutcomeIsNullOrderByIdAsc(UUID distributionId, Limit limit);

    /** The row, locked until the transaction ends: two runs never do one member twice. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from GiftDistributionMember m where m.id = :id")
    Optional<GiftDistributionMember> lock(@Param("id") UUID id);
}
