package com.m4s.store.gift;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
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

    /** A page of the store's gifts in id order, for a search rebuild. */
    @Query("select g from Gift g where g.id > :after order by g.id")
    List<Gift> after(@Param("after") UUID after, Pageable page);

    /** Which of these photo references any gift of the store keeps, listed or not. */
    @Query(value = "select distinct ref from gift, unnest(photos) as ref where ref in (:refs)", nativeQuery = true)
    List<String> photoRefsAmong(@Param("refs") Collection<String> refs);
}
