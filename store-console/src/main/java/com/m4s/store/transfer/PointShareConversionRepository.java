package com.m4s.store.transfer;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PointShareConversionRepository extends JpaRepository<PointShareConversion, UUID> {

    boolean existsByShareIdAndVisitor(UUID shareId, String visitor);

    long countByShareId(UUID shareId);
}
