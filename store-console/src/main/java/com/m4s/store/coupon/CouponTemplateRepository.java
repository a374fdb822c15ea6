package com.m4s.store.coupon;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CouponTemplateRepository extends JpaRepository<CouponTemplate, UUID> {

    /** The template, locked until the transaction ends: hand-outs and changes of one template are serial. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from CouponTemplate t where t.id = :id")
    Optional<CouponTemplate> lock(UUID id);
}
