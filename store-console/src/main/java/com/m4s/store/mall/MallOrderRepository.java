package com.m4s.store.mall;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MallOrderRepository extends JpaRepository<MallOrder, UUID> {

    Optional<MallOrder> findByIdempotencyKey(String key);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from MallOrder o where o.id = :id")
    Optional<MallOrder> lock(@Param("id") UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from MallOrder o where o.paymentId = :payment")
    Optional<MallOrder> lockByPayment(@Param("payment") UUID payment);

    @Query(value = "select nextval('mall_order_number_seq')", nativeQuery = true)
    long nextNumber();
}
