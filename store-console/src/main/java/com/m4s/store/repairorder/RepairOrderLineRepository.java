package com.m4s.store.repairorder;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RepairOrderLineRepository extends JpaRepository<RepairOrderLine, UUID> {

    List<RepairOrderLine> findByOrderIdOrderByLineNo(UUID orderId);
}
