package com.m4s.store.coupon;

import com.m4s.platform.jobs.FullSweeps;
import com.m4s.platform.jobs.MarkedStoreJob;
import com.m4s.platform.tenancy.Tenant;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The per-store job {@value #JOB} on the store's clock: AVAILABLE coupons whose last day is over become EXPIRED
 * ({@link Coupons#expireDue}). Every active store is visited at start-up and hourly: a coupon is usable through its
 * last day, so it expires within the hour after that day ends.
 */
@Component
class CouponExpiry extends MarkedStoreJob {

    static final String JOB = "coupon-expiry";
    private static final Logger log = LoggerFactory.getLogger(CouponExpiry.class);

    private final Coupons coupons;

    CouponExpiry(Coupons coupons) {
        super(JOB, Duration.ofMinutes(10), new FullSweeps(Duration.ofHours(1)));
        this.coupons = coupons;
    }

    @Override
    public void run(Tenant store) {
        int expired = coupons.expireDue();
        if (expired > 0) {
            log.info("coupon expiry of store {}: {} coupons expired", store.storeCode(), expired);
        }
    }
}
