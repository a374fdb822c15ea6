package com.m4s.store.transfer;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PointShareRepository extends JpaRepository<PointShare, UUID> {

    Optional<PointShare> findByToken(String token);

    Optional<PointShare> findBySharerMemberIdAndTargetAndUsedCarId(UUID sharer, PointShare.Target target,
            UUID usedCarId);

    Optional<PointShare> findBySharerMemberIdAndTargetAndUsedCarIdIsNull(UUID sharer, PointShare.Target target);
}
