package com.m4s.store.owner;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OwnerVerificationRepository extends JpaRepository<OwnerVerification, UUID> {

    Optional<OwnerVerification> findFirstByPhoneOrderByCreatedAtDesc(String phone);

    long countByPhoneAndCreatedAtAfter(String phone, Instant since);

    /**
     * Waits for and takes the transaction-scoped advisory lock named {@code key} (released at commit or rollback):
     * everything done to one phone's codes runs one transaction at a time.
     */
    @Query(value = "select count(*) from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked",
            nativeQuery = true)
    long lock(@Param("key") String key);
}
