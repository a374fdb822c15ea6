package com.m4s.store.transfer;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PointTransferPolicyRepository extends JpaRepository<PointTransferPolicy, UUID> {
}
