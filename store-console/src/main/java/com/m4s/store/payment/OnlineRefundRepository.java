package com.m4s.store.payment;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface OnlineRefundRepository extends JpaRepository<OnlineRefund, UUID> {

    List<OnlineRefund> findByStatusOrderByCreatedAt(OnlineRefund.Status status);

    List<OnlineRefund> findByPaymentIdOrderByCreatedAt(UUID paymentId);
}
