package com.m4s.store.mall;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProductStockEntryRepository extends JpaRepository<ProductStockEntry, UUID> {

    Optional<ProductStockEntry> findByIdempotencyKey(String key);
}
