package com.m4s.store.notification;

import com.m4s.platform.audit.Redacted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One outgoing message of a store and its delivery state. */
@Entity
@Table(name = "notification")
class Notification {

    enum Status { PENDING, SENT, FAILED }

    /** Attempts before a message is given up and marked FAILED. */
    static final int MAX_ATTEMPTS = 8;

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private Notifications.Channel channel;
    private String recipient;
    @Column(name = "member_id")
    private @Nullable UUID memberId;
    private String topic;
    /** Not copied into the audit trail: messages may carry one-time codes. */
    @Redacted
    private String body;
    /** What the message log shows instead of the body, when the body carries a secret. */
    @Redacted
    @Column(name = "log_body")
    private @Nullable String logBody;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "last_error")
    private @Nullable String lastError;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "sent_at")
    private @Nullable Instant sentAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Notification() {
        // for JPA, which sets every field right after
        this.id = new UUID(0, 0);
        this.channel = Notifications.Channel.SMS;
        this.recipient = "";
        this.topic = "";
        this.body = "";
        this.status = Status.PENDING;
        this.nextAttemptAt = Instant.EPOCH;
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    Notification(Notifications.Message message, Instant now) {
        this.id = UUID.randomUUID();
        this.channel = message.channel();
        this.recipient = message.recipient();
        this.memberId = message.memberId();
        this.topic = message.topic();
        this.body = message.body();
        this.logBody = message.logBody();
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    Notifications.Channel channel() {
        return channel;
    }

    String recipient() {
        return recipient;
    }

    String body() {
        return body;
    }

    String topic() {
        return topic;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    boolean pending() {
        return status == Status.PENDING;
    }

    void sent(Instant now) {
        this.status = Status.SENT;
        this.attempts++;
        this.sentAt = now;
        this.lastError = null;
        this.updatedAt = now;
    }

    /** A failed attempt: tried again later with exponential back-off, up to {@link #MAX_ATTEMPTS}. */
    void attemptFailed(String error, Instant now) {
        this.attempts++;
        this.lastError = error.length() > 500 ? error.substring(0, 500) : error;
        this.updatedAt = now;
        if (attempts >= MAX_ATTEMPTS) {
            this.status = Status.FAILED;
        } else {
            long seconds = Math.min(600, 5L << Math.min(attempts - 1, 7));
            this.nextAttemptAt = now.plus(Duration.ofSeconds(seconds));
        }
    }

    Notifications.Delivered delivered() {
        return new Notifications.Delivered(id, topic, body, sentAt == null ? updatedAt : sentAt);
    }

    Notifications.MessageView view() {
        return new Notifications.MessageView(id, channel, recipient, memberId, topic, logBody != null ? logBody : body,
                status.name(), attempts,
                lastError, createdAt, sentAt);
    }
}
