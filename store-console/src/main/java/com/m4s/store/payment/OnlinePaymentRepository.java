package com.m4s.store.payment;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OnlinePaymentRepository extends JpaRepository<OnlinePayment, UUID> {

    Optional<OnlinePayment> findByPaymentId(UUID paymentId);

    Optional<OnlinePayment> findByIntentId(String intentId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from OnlinePayment o where o.paymentId = :payment")
    Optional<OnlinePayment> lockByPayment(@Param("payment") UUID payment);

    /** The parts the janitor should ask Stripe about now, oldest first. */
    @Query("select o.paymentId from OnlinePayment o where o.checkAt <= :now order by o.checkAt")
    List<UUID> due(@Param("now") Instant now, org.springframework.data.domain.Limit limit);
}
