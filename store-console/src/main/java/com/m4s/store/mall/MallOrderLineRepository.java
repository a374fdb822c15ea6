package com.m4s.store.mall;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MallOrderLineRepository extends JpaRepository<MallOrderLine, UUID> {

    @Query("select l from MallOrderLine l where l.orderId = :order order by l.lineNo")
    List<MallOrderLine> ofOrder(@Param("order") UUID order);
}
