package com.m4s.store.points;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The store's expiry policy versions. */
interface PointsExpiryPolicyRepository extends JpaRepository<PointsExpiryPolicy, UUID> {

    Optional<PointsExpiryPolicy> findFirstByOrderByPolicyVersionDesc();
}
