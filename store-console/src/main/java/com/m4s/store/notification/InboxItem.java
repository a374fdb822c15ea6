package com.m4s.store.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * One message in a login's inbox (decision 0029). Written through JPA like every store write, so its arrival and
 * its reading are in the audit trail; pages are read in plain SQL ({@link InboxMessages}).
 */
@Entity
@Table(name = "inbox_message")
class InboxItem {

    @Id
    private UUID id;
    private String recipient;
    private String kind;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "arguments", columnDefinition = "text[]")
    private List<String> arguments = new ArrayList<>();
    private @Nullable String link;
    @Column(name = "event_id")
    private UUID eventId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "read_at")
    private @Nullable Instant readAt;

    protected InboxItem() {
        // for JPA, which sets every field right after
        this.id = new UUID(0, 0);
        this.recipient = "";
        this.kind = "";
        this.eventId = new UUID(0, 0);
        this.createdAt = Instant.EPOCH;
    }

    InboxItem(Notifications.InboxMessage message, Instant now) {
        this.id = UUID.randomUUID();
        this.recipient = message.recipient();
        this.kind = message.kind();
        this.arguments = new ArrayList<>(message.arguments());
        this.link = message.link();
        this.eventId = message.eventId();
        this.createdAt = now;
    }

    /** Read now, unless it was read before (it keeps the first time). */
    void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }
}
