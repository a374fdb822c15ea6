package com.m4s.store.payment;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PaymentRepository extends JpaRepository<Payment, UUID> {

    Optional<Payment> findByIdempotencyKey(String idempotencyKey);

    /** The payment of a subject that has not failed (a failed online attempt leaves the subject payable). */
    @Query("select p from Payment p where p.subjectType = :type and p.subjectId = :id"
            + " and p.status <> com.m4s.store.payment.PaymentStatus.FAILED")
    Optional<Payment> findLive(@Param("type") PaymentSubjectType type, @Param("id") UUID subjectId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.id = :id")
    Optional<Payment> lock(@Param("id") UUID id);
}
