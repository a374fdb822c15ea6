package com.m4s.store.payment;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OnlineRefundRepository extends JpaRepository<OnlineRefund, UUID> {

    List<OnlineRefund> findByStatusOrderByCreatedAt(OnlineRefund.Status status);

    List<OnlineRefund> findByPaymentIdOrderByCreatedAt(UUID paymentId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from OnlineRefund r where r.id = :id")
    Optional<OnlineRefund> lock(@Param("id") UUID id);

    boolean existsByPaymentIdAndReason(UUID paymentId, OnlineRefund.Reason reason);
}
