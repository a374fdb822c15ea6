package com.m4s.store.notification;

import com.m4s.platform.jobs.JobWork;
import com.m4s.platform.jobs.StoreJobRunner;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.web.Like;
import com.m4s.platform.web.PageResult;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The notification outbox of the current store: what features call to tell someone something. */
@Service
public class Notifications {

    /** How a message reaches its recipient. */
    public enum Channel { SMS }

    /**
     * A message to send.
     *
     * @param topic   what the message is about, for the message log (e.g. {@code owner-signup-code})
     * @param logBody what the message log shows instead of the body, when the body carries a secret such as a
     *                one-time code; {@code null}: the log shows the body
     */
    public record Message(Channel channel, String recipient, @Nullable UUID memberId, String topic, String body,
            @Nullable String logBody) {

        public static Message sms(String phone, @Nullable UUID memberId, String topic, String body) {
            return new Message(Channel.SMS, phone, memberId, topic, body, null);
        }

        /** A text message whose body the message log never shows: it shows {@code logBody} instead. */
        public static Message sms(String phone, @Nullable UUID memberId, String topic, String body, String logBody) {
            return new Message(Channel.SMS, phone, memberId, topic, body, logBody);
        }
    }

    /** A message as its recipient got it (the development inbox). */
    public record Delivered(UUID id, String topic, String body, Instant sentAt) {
    }

    /** A message as the message log shows it. */
    public record MessageView(UUID id, Channel channel, String recipient, @Nullable UUID memberId, String topic,
            String body, String status, int attempts, @Nullable String lastError, Instant createdAt,
            @Nullable Instant sentAt) {
    }

    private final NotificationRepository messages;
    private final StoreJobRunner jobs;
    private final JobWork work;
    private final Clock clock;

    Notifications(NotificationRepository messages, StoreJobRunner jobs, JobWork work, Clock clock) {
        this.messages = messages;
        this.jobs = jobs;
        this.work = work;
        this.clock = clock;
    }

    /**
     * Records a message in the caller's transaction (which must exist: the message is sent exactly when the change
     * causing it commits) and has it delivered right after that commit. The store is marked as having a message
     * due in the same transaction, so a message whose delivery a crash cut short is still picked up.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID send(Message message) {
        Instant now = clock.instant();
        UUID id = messages.save(new Notification(message, now)).id();
        work.mark(NotificationDispatcher.JOB, now);
        var tenant = TenantContext.require();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                jobs.runSoon(NotificationDispatcher.JOB, tenant.storeCode());
            }
        });
        return id;
    }

    /** The message log, newest first by default; {@code query} matches recipient or topic. */
    @Transactional(readOnly = true)
    public PageResult<MessageView> list(@Nullable String query, @Nullable String status, Pageable pageable) {
        Notification.Status wanted = status == null || status.isBlank() ? null : parse(status);
        String text = Like.isBlank(query) ? null : Like.contains(query);
        return PageResult.of(messages.search(wanted, text, pageable), Notification::view);
    }

    /** The newest messages delivered to a recipient, bodies as sent: only for the development inbox. */
    @Transactional(readOnly = true)
    public java.util.List<Delivered> deliveredTo(String recipient) {
        return messages.findTop10ByRecipientAndStatusOrderByCreatedAtDesc(recipient, Notification.Status.SENT).stream()
                .map(Notification::delivered).toList();
    }

    private static Notification.Status parse(String status) {
        try {
            return Notification.Status.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new com.m4s.platform.web.ApiException.Unprocessable("invalid-status", status).variant("message")
                    .field("status");
        }
    }
}
