package com.m4s.store.mall;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProductRepository extends JpaRepository<Product, UUID> {

    /** The product, locked until the transaction ends: its SKUs' stock moves one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Product p where p.id = :id")
    Optional<Product> lock(@Param("id") UUID id);

    @Query("select count(p) > 0 from Product p where lower(p.name) = lower(:name) and p.id <> :except")
    boolean nameTaken(@Param("name") String name, @Param("except") UUID except);

    @Query("select count(p) > 0 from Product p where p.categoryId = :category")
    boolean inCategory(@Param("category") UUID category);

    /** A page of the store's products in id order, for a search rebuild. */
    @Query("select p from Product p where p.id > :after order by p.id")
    List<Product> after(@Param("after") UUID after, Pageable page);

    /** Which of these photo references any product of the store keeps, whatever its state. */
    @Query(value = "select distinct ref from product, unnest(photos) as ref where ref in (:refs)", nativeQuery = true)
    List<String> photoRefsAmong(@Param("refs") java.util.Collection<String> refs);
}
