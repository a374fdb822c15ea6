package com.m4s.store.owner;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface OwnerVerificationRepository extends JpaRepository<OwnerVerification, UUID> {

    Optional<OwnerVerification> findFirstByPhoneOrderByCreatedAtDesc(String phone);

    long countByPhoneAndCreatedAtAfter(String phone, Instant since);
}
