package com.m4s.store.stockalert;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface StockAlertRepository extends JpaRepository<StockAlert, UUID> {

    List<StockAlert> findByClearedAtIsNull();
}
