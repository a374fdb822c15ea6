package com.m4s.store.points;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** A member's lots; read and changed under the member's balance lock. */
interface PointsLotRepository extends JpaRepository<PointsLot, UUID> {

    /** The member's lots with points left, in the order they are spent: oldest first. */
    @Query(value = "select * from points_lot where member_id = :member and remaining > 0 order by earned_at, seq",
            nativeQuery = true)
    List<PointsLot> open(@Param("member") UUID member);
}
