package com.m4s.store.points;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Members' own choices about points reminders. */
interface PointsReminderSettingRepository extends JpaRepository<PointsReminderSetting, UUID> {

    Optional<PointsReminderSetting> findByMemberId(UUID memberId);
}
