package com.m4s.store.payment;

import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.Versions;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The store's payment rules (decision 0045): whether points pay (100 points = 1 yuan) and at most which percentage of
 * what is left to pay after coupons. One row, changed with the version read (If-Match).
 */
@Service
public class PaymentSettings {

    /** The rules as read and changed. */
    public record PaymentSettingsView(boolean pointsAccepted, int pointsMaxPercent, long version) {
    }

    private final PaymentSettingRepository settings;
    private final Clock clock;

    PaymentSettings(PaymentSettingRepository settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PaymentSettingsView view() {
        PaymentSetting s = setting();
        return new PaymentSettingsView(s.pointsAccepted(), s.pointsMaxPercent(), s.version());
    }

    /** Replaces the rules; send the version read. 422 {@code payment-points-percent-invalid} outside 1–100. */
    @Transactional
    public PaymentSettingsView change(boolean pointsAccepted, int pointsMaxPercent, @Nullable Long expectedVersion) {
        PaymentSetting s = setting();
        Versions.expect(PaymentSetting.class, s.id(), s.version(), expectedVersion);
        if (pointsMaxPercent < 1 || pointsMaxPercent > 100) {
            throw new ApiException.Unprocessable("payment-points-percent-invalid").field("pointsMaxPercent");
        }
        s.change(pointsAccepted, pointsMaxPercent, clock.instant());
        settings.saveAndFlush(s);
        return view();
    }

    /** The most points that may pay {@code dueFen} (0 when points are not accepted). */
    long maxPoints(long dueFen) {
        PaymentSetting s = setting();
        return s.pointsAccepted() ? dueFen * s.pointsMaxPercent() / 100 : 0;
    }

    private PaymentSetting setting() {
        return settings.findAll().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the store has no payment setting"));
    }
}
