package com.m4s.store.points;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Members' balance rows. */
interface PointsBalanceRepository extends JpaRepository<PointsBalance, UUID> {

    /** The member's balance row, locked until the transaction ends ({@code for update}): postings are serial. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from PointsBalance b where b.id = :member")
    Optional<PointsBalance> lock(@Param("member") UUID member);
}
