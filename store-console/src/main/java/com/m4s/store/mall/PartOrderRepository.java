package com.m4s.store.mall;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PartOrderRepository extends JpaRepository<PartOrder, UUID> {

    Optional<PartOrder> findByIdempotencyKey(String key);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from PartOrder o where o.id = :id")
    Optional<PartOrder> lock(@Param("id") UUID id);

    @Query(value = "select nextval('part_order_number_seq')", nativeQuery = true)
    long nextNumber();
}
