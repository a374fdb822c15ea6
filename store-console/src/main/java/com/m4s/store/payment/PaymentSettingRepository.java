package com.m4s.store.payment;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentSettingRepository extends JpaRepository<PaymentSetting, UUID> {
}
