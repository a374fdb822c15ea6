package com.m4s.store.wallet;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Members' wallet rows. */
interface WalletBalanceRepository extends JpaRepository<WalletBalance, UUID> {

    /** The member's wallet row, locked until the transaction ends ({@code for update}): postings are serial. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from WalletBalance b where b.id = :member")
    Optional<WalletBalance> lock(@Param("member") UUID member);
}
