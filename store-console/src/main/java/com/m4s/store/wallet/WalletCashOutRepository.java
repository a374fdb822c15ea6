package com.m4s.store.wallet;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface WalletCashOutRepository extends JpaRepository<WalletCashOut, UUID> {

    Optional<WalletCashOut> findByRequestKey(String requestKey);

    /** The request, locked until the transaction ends: its decisions are serial. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from WalletCashOut c where c.id = :id")
    Optional<WalletCashOut> lock(UUID id);
}
