package com.m4s.store.campaign;

import java.util.List;
import java.util.UUID;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PointCampaignRepository extends JpaRepository<PointCampaign, UUID> {

    List<PointCampaign> findByStatusInOrderByReviewedAtAscIdAsc(List<PointCampaignStatus> statuses);

    /** The campaign, locked until the transaction ends (its moves are serial). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from PointCampaign c where c.id = :id")
    Optional<PointCampaign> lock(UUID id);
}
