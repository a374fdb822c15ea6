package com.m4s.store.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NotificationRepository extends JpaRepository<Notification, UUID> {

    /** Due messages, oldest first, locked for this transaction; rows another dispatcher holds are skipped. */
    @Query(value = """
            select * from notification where status = 'PENDING' and next_attempt_at <= :now
            order by created_at limit :limit for update skip locked""", nativeQuery = true)
    List<Notification> lockDue(@Param("now") Instant now, @Param("limit") int limit);

    @Query("""
            select n from Notification n
            where (:status is null or n.status = :status)
              and (:text is null or n.recipient like :text escape '\\' or n.topic like :text escape '\\')""")
    Page<Notification> search(@Param("status") Notification.@Nullable Status status, @Param("text") @Nullable String text,
            Pageable pageable);

    List<Notification> findTop10ByRecipientAndStatusOrderByCreatedAtDesc(String recipient, Notification.Status status);
}
