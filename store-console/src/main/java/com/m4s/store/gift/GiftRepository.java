package com.m4s.store.gift;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface GiftRepository extends JpaRepository<Gift, UUID> {

    /** The gift, locked until the transaction ends: its stock moves one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select g from Gift g where g.id = :id")
    Optional<Gift> lock(@Param("id") UUID id);

    @Query("select count(g) > 0 from Gift g where lower(g.name) = lower(:name) and g.id <> :except")
    boolean nameTaken(@Param("name") String name, @Param("except") UUID except);
}
