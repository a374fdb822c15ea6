package com.m4s.store.stockalert;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface StockAlertSettingRepository extends JpaRepository<StockAlertSetting, UUID> {
}
