package com.m4s.store.notification;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface InboxItemRepository extends JpaRepository<InboxItem, UUID> {

    boolean existsByEventIdAndRecipient(UUID eventId, String recipient);

    Optional<InboxItem> findByIdAndRecipient(UUID id, String recipient);

    List<InboxItem> findByRecipientAndReadAtIsNull(String recipient);
}
