package com.m4s.store.wallet;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface WalletSettingRepository extends JpaRepository<WalletSetting, UUID> {
}
