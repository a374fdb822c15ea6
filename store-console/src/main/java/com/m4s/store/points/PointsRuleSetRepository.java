package com.m4s.store.points;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The store's rule versions. */
interface PointsRuleSetRepository extends JpaRepository<PointsRuleSet, UUID> {

    /** The version in force at {@code at}: the newest one valid from then or earlier. */
    Optional<PointsRuleSet> findFirstByValidFromLessThanEqualOrderByValidFromDescRuleVersionDesc(Instant at);

    Optional<PointsRuleSet> findFirstByOrderByRuleVersionDesc();

    Optional<PointsRuleSet> findByRuleVersion(int ruleVersion);

    List<PointsRuleSet> findAllByOrderByRuleVersionDesc();
}
