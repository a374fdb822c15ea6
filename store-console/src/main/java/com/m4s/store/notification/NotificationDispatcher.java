package com.m4s.store.notification;

import com.m4s.platform.jobs.FullSweeps;
import com.m4s.platform.jobs.JobWork;
import com.m4s.platform.jobs.MarkedStoreJob;
import com.m4s.platform.tenancy.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers a store's due messages, as the per-store job {@value #JOB}: right after the transaction that recorded
 * them commits ({@link Notifications#send} asks the runner to run the store soon), and whenever a store has a message
 * due again (each message and each failed attempt leaves a {@link JobWork} mark with its due time, so stores with
 * nothing due are not visited). Once at start-up and then every {@link #FULL_SWEEP} every active store is visited,
 * for messages written before the marks existed. Rows are locked with SKIP LOCKED, so a delivery never hands the same
 * message over twice at once, even next to another dispatcher.
 */
@Component
class NotificationDispatcher extends MarkedStoreJob {

    static final String JOB = "notification-delivery";
    /** How often every active store is visited whatever its marks say. */
    static final Duration FULL_SWEEP = Duration.ofHours(6);

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int BATCH = 50;

    private final NotificationRepository messages;
    private final DeliveryChannel channel;
    private final JobWork work;
    private final TransactionTemplate tx;
    private final Clock clock;

    NotificationDispatcher(NotificationRepository messages, DeliveryChannel channel, JobWork work,
            TransactionTemplate tx, Clock clock, NotificationProperties properties) {
        super(JOB, properties.sweepInterval(), new FullSweeps(FULL_SWEEP));
        this.messages = messages;
        this.channel = channel;
        this.work = work;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(Tenant store) {
        deliverDue(store);
    }

    /** Delivers due messages of the current store in batches; returns how many were handed over. */
    int deliverDue(Tenant store) {
        int delivered = 0;
        while (true) {
            Integer batch = tx.execute(status -> deliverBatch(store));
            delivered += batch == null ? 0 : batch;
            if (batch == null || batch < BATCH) {
                return delivered;
            }
        }
    }

    private int deliverBatch(Tenant store) {
        List<Notification> due = messages.lockDue(clock.instant(), BATCH);
        int delivered = 0;
        for (Notification message : due) {
            try {
                channel.deliver(store.storeCode(), new DeliveryChannel.OutgoingMessage(message.id(),
                        message.channel(), message.recipient(), message.topic(), message.body()));
                message.sent(clock.instant());
                delivered++;
            } catch (Exception e) {
                message.attemptFailed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                        clock.instant());
                if (message.pending()) {
                    work.mark(JOB, message.nextAttemptAt());
                }
                log.warn("message {} of store {} not delivered: {}", message.id(), store.storeCode(), e.toString());
            }
        }
        // a batch that had failures is not refilled at once: the failed rows are due later
        return delivered == due.size() ? due.size() : 0;
    }
}
