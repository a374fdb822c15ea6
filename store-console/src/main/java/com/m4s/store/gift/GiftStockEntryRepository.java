package com.m4s.store.gift;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface GiftStockEntryRepository extends JpaRepository<GiftStockEntry, UUID> {

    Optional<GiftStockEntry> findByIdempotencyKey(String idempotencyKey);
}
