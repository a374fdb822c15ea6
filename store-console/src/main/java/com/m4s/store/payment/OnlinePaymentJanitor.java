package com.m4s.store.payment;

import com.m4s.platform.jobs.FullSweeps;
import com.m4s.platform.jobs.MarkedStoreJob;
import com.m4s.platform.tenancy.Tenant;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The per-store job {@value OnlinePayments#JOB}: online parts no webhook settled are asked about at Stripe (a lost
 * create answer is asked again with its key, a paid one completed, a failed one released, one left unpaid past
 * {@link OnlinePayments#TIMEOUT} cancelled and released), and refunds' online parts Stripe does not have yet are
 * sent again. Stores are visited when a payment marked them, and every active store hourly.
 */
@Component
class OnlinePaymentJanitor extends MarkedStoreJob {

    private static final Logger log = LoggerFactory.getLogger(OnlinePaymentJanitor.class);

    private final OnlinePayments online;

    OnlinePaymentJanitor(OnlinePayments online) {
        super(OnlinePayments.JOB, Duration.ofMinutes(5), new FullSweeps(Duration.ofHours(1)));
        this.online = online;
    }

    @Override
    public void run(Tenant store) {
        int seen = online.sweep();
        if (seen > 0) {
            log.info("online payment janitor of store {}: {} payments and refunds looked at", store.storeCode(), seen);
        }
    }
}
