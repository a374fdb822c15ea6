package com.m4s.store.repairorder;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DmsSettingRepository extends JpaRepository<DmsSetting, UUID> {

    @Query("select s from DmsSetting s")
    Optional<DmsSetting> current();
}
