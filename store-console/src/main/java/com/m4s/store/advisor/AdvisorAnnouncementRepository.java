package com.m4s.store.advisor;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AdvisorAnnouncementRepository extends JpaRepository<AdvisorAnnouncement, UUID> {
}
