package com.m4s.store.campaign;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CampaignMemberRepository extends JpaRepository<CampaignMember, UUID> {

    Optional<CampaignMember> findByCampaignIdAndMemberId(UUID campaignId, UUID memberId);

    boolean existsByCampaignIdAndMemberId(UUID campaignId, UUID memberId);

    long countByCampaignId(UUID campaignId);

    /** The members the grant has not done yet, a batch at a time, in a stable order. */
    List<CampaignMember> findByCampaignIdAndOutcomeIsNullOrderByIdAsc(UUID campaignId, Limit limit);

    /** The row, locked until the transaction ends: two runs never record one member twice. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from CampaignMember m where m.id = :id")
    Optional<CampaignMember> lock(UUID id);
}
