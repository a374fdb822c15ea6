package com.m4s.store.usedcar;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UsedCarRepository extends JpaRepository<UsedCar, UUID> {

    Page<UsedCar> findByMemberId(UUID memberId, Pageable pageable);

    /** A page of every car of the store by id, for rebuilding the search index. */
    @Query("select c from UsedCar c where c.id > :after order by c.id")
    java.util.List<UsedCar> after(@Param("after") UUID after, Pageable limit);

    /** Which of these photo references any car of the store keeps, whatever its state. */
    @Query(value = "select distinct ref from used_car, unnest(photos) as ref where ref in (:refs)", nativeQuery = true)
    java.util.List<String> photoRefsAmong(@Param("refs") java.util.Collection<String> refs);
}
