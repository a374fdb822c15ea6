package com.m4s.store.gift;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface GiftDistributionRepository extends JpaRepository<GiftDistribution, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from GiftDistribution d where d.id = :id")
    Optional<GiftDistribution> lock(@Param("id") UUID id);

    /** The distributions the job has to work on, oldest start first. */
    List<GiftDistribution> findByStatusInOrderByStartedAtAscIdAsc(Collection<GiftDistributionStatus> statuses);
}
