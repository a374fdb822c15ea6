package com.m4s.store.notification;

import com.m4s.platform.jobs.JobWork;
import com.m4s.platform.jobs.StoreJobRunner;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.Like;
import com.m4s.platform.web.PageResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

    /**
     * A message to one login's inbox (the bell of the console or the owner app), caused by a domain event. Its text is
     * the bundle's {@code inbox.<kind>.title} and {@code inbox.<kind>.body} with the arguments, rendered in the
     * reader's language when it is read (decision 0029).
     *
     * @param recipient the login's id in Keycloak (the token's {@code sub})
     * @param link      where the message leads in the web UI (a path such as {@code /console/gz_x/used-cars/<id>})
     * @param eventId   the event that caused it: a recipient gets one message per event, however often it is handed over
     */
    public record InboxMessage(String recipient, String kind, List<String> arguments, @Nullable String link,
            UUID eventId) {

        public InboxMessage {
            arguments = List.copyOf(arguments);
        }
    }

    /** One message of the caller's inbox, in the caller's language. */
    public record InboxEntry(UUID id, String kind, String title, String body, @Nullable String link,
            Instant createdAt, @Nullable Instant readAt) {
    }

    /** A page of the caller's inbox, newest first, and how many of all their messages are unread. */
    public record Inbox(List<InboxEntry> content, int page, int size, long totalElements, int totalPages,
            long unread) {
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
    private final InboxMessages inbox;
    private final InboxItemRepository inboxItems;
    private final MessageSource texts;

    Notifications(NotificationRepository messages, StoreJobRunner jobs, JobWork work, Clock clock,
            InboxMessages inbox, InboxItemRepository inboxItems, MessageSource texts) {
        this.messages = messages;
        this.jobs = jobs;
        this.work = work;
        this.clock = clock;
        this.inbox = inbox;
        this.inboxItems = inboxItems;
        this.texts = texts;
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

    /**
     * Puts a message in a login's inbox, in the caller's transaction (which must exist: the message exists exactly when
     * the change or the processed-event mark causing it commits). Nothing is delivered: the recipient reads it in
     * the bell. A second message for the same event and recipient is not added.
     *
     * @return whether it was added
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean post(InboxMessage message) {
        // the unique key (event, recipient) refuses a second one written at the same moment: that transaction fails
        // and its event is handed over again, to find this one
        if (inboxItems.existsByEventIdAndRecipient(message.eventId(), message.recipient())) {
            return false;
        }
        inboxItems.save(new InboxItem(message, clock.instant()));
        return true;
    }

    /** A page of the recipient's inbox, newest first, with their unread count, in the request's language. */
    @Transactional(readOnly = true)
    public Inbox inbox(String recipient, int page, int size) {
        PageResult<InboxMessages.Row> rows = inbox.page(recipient, page, size);
        Locale language = LocaleContextHolder.getLocale();
        List<InboxEntry> entries = rows.content().stream().map(row -> new InboxEntry(row.id(), row.kind(),
                text(row, "title", language), text(row, "body", language), row.link(), row.createdAt(),
                row.readAt())).toList();
        return new Inbox(entries, rows.page(), rows.size(), rows.totalElements(), rows.totalPages(),
                inbox.unread(recipient));
    }

    /** Marks one of the recipient's messages read; 404 when they have none with that id (another's included). */
    @Transactional
    public void markRead(String recipient, UUID id) {
        inboxItems.findByIdAndRecipient(id, recipient).orElseThrow(() ->
                new ApiException.NotFound("inbox-message", id)).read(clock.instant());
    }

    /** Marks all of the recipient's messages read; how many were unread. */
    @Transactional
    public int markAllRead(String recipient) {
        List<InboxItem> unread = inboxItems.findByRecipientAndReadAtIsNull(recipient);
        Instant now = clock.instant();
        unread.forEach(item -> item.read(now));
        return unread.size();
    }

    private String text(InboxMessages.Row row, String part, Locale language) {
        return texts.getMessage("inbox." + row.kind() + "." + part, row.arguments(), language);
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
