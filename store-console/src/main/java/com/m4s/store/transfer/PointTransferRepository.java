package com.m4s.store.transfer;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PointTransferRepository extends JpaRepository<PointTransfer, UUID> {

    Optional<PointTransfer> findByRequestKey(String requestKey);

    /** The transfer, locked until the transaction ends (its reversals are serial). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from PointTransfer t where t.id = :id")
    Optional<PointTransfer> lock(UUID id);

    /** What the member transferred out on a store day, reversed transfers included (they were made). */
    @Query("select coalesce(sum(t.points), 0) from PointTransfer t where t.fromMemberId = :member"
            + " and t.storeDay = :day")
    long outOn(UUID member, java.time.LocalDate day);
}
