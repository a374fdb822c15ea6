package com.m4s.store.points;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Reminders sent of expiring points. */
interface PointsExpiryReminderRepository extends JpaRepository<PointsExpiryReminder, UUID> {

    boolean existsByMemberIdAndExpiresOn(UUID memberId, LocalDate expiresOn);
}
