package com.m4s.store.notification;

import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.store.tenant.TenantDirectory;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the stores' pending messages: right after the transaction that recorded them commits, and on a sweep over
 * all active stores for what is left (a failed attempt due again, a restart between commit and delivery). Rows are
 * locked with SKIP LOCKED, so several instances of the service share the work without sending a message twice.
 */
@Component
class NotificationDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int BATCH = 50;

    private final NotificationRepository messages;
    private final DeliveryChannel channel;
    private final TenantDirectory stores;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ExecutorService executor = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(1_000), runnable -> {
                Thread thread = new Thread(runnable, "notification-dispatch");
                thread.setDaemon(true);
                return thread;
            });

    NotificationDispatcher(NotificationRepository messages, DeliveryChannel channel, TenantDirectory stores,
            TransactionTemplate tx, Clock clock) {
        this.messages = messages;
        this.channel = channel;
        this.stores = stores;
        this.tx = tx;
        this.clock = clock;
    }

    /** Delivers the store's due messages on a background thread; a full queue leaves them to the sweep. */
    void deliverSoon(Tenant store) {
        try {
            executor.execute(() -> TenantContext.runAs(store, () -> deliverDue(store)));
        } catch (RejectedExecutionException e) {
            log.warn("dispatch queue full; store {} is left to the next sweep", store.storeCode());
        }
    }

    @Scheduled(fixedDelayString = "${m4s.notifications.sweep-interval:PT30S}",
            initialDelayString = "${m4s.notifications.sweep-interval:PT30S}")
    void sweep() {
        for (Tenant store : stores.activeTenants()) {
            TenantContext.runAs(store, () -> deliverDue(store));
        }
    }

    /** Delivers due messages of the current store in batches; returns how many were handed over. */
    int deliverDue(Tenant store) {
        int delivered = 0;
        while (true) {
            Integer batch;
            try {
                batch = tx.execute(status -> deliverBatch(store));
            } catch (RuntimeException e) {
                log.warn("delivering messages of store {} failed: {}", store.storeCode(), e.toString());
                return delivered;
            }
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
                log.warn("message {} of store {} not delivered: {}", message.id(), store.storeCode(), e.toString());
            }
        }
        // a batch that had failures is not refilled at once: the failed rows are due later
        return delivered == due.size() ? due.size() : 0;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
