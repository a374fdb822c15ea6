package com.m4s.store.advisor;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AdvisorRatingRepository extends JpaRepository<AdvisorRating, UUID> {

    boolean existsByRepairOrderId(UUID repairOrderId);

    List<AdvisorRating> findByMemberId(UUID memberId);
}
