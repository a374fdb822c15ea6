package com.m4s.store.payment;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentCouponRepository extends JpaRepository<PaymentCoupon, UUID> {

    List<PaymentCoupon> findByPaymentIdOrderByCreatedAt(UUID paymentId);
}
