package com.m4s.store.repairorder;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RepairOrderRepository extends JpaRepository<RepairOrder, UUID> {

    /** The order with this DMS number, locked: two upserts of one order are serial. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from RepairOrder o where o.dmsNumber = :number")
    Optional<RepairOrder> lockByDmsNumber(@Param("number") String number);

    /** A member's orders in one status, newest settlement first. */
    java.util.List<RepairOrder> findByMemberIdAndStatusOrderBySettledAtDesc(UUID memberId, RepairOrderStatus status);
}
