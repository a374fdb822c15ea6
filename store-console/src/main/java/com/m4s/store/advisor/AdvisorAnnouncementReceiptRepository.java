package com.m4s.store.advisor;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AdvisorAnnouncementReceiptRepository extends JpaRepository<AdvisorAnnouncementReceipt, UUID> {

    /** An advisor's receipt of an announcement, locked so two opens at once set it once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from AdvisorAnnouncementReceipt r where r.announcementId = :announcement and r.advisor = :advisor")
    Optional<AdvisorAnnouncementReceipt> lock(@Param("announcement") UUID announcement,
            @Param("advisor") String advisor);
}
