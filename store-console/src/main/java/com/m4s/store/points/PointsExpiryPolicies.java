package com.m4s.store.points;

import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.Versions;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The store's points expiry policy (PTS-6, decision 0039), versioned like the rules: a change is a new version that
 * applies to points becoming available from then on; lots made before keep their date.
 */
@Service
public class PointsExpiryPolicies {

    /** A new policy: the kind, and the months for {@code END_OF_MONTH_AFTER_N_MONTHS} (none otherwise). */
    public record NewPolicy(@NotNull ExpiryPolicyKind kind,
            @Schema(description = "months after the month points became available, for END_OF_MONTH_AFTER_N_MONTHS")
            @Min(1) @Max(120) @Nullable Integer months) {
    }

    /** The policy in force; {@code version} 0 (never expire) until a store sets one. Send it as If-Match. */
    public record PolicyView(long version, ExpiryPolicyKind kind, @Nullable Integer months,
            @Nullable String createdBy, @Nullable Instant createdAt) {
    }

    /** Points of the member that expire at the end of a store day, if not spent first. */
    public record Expiring(LocalDate on, long points) {
    }

    private final PointsExpiryPolicyRepository policies;
    private final PointsReminderSettingRepository reminders;
    private final JdbcClient jdbc;
    private final Points points;
    private final Clock clock;

    PointsExpiryPolicies(PointsExpiryPolicyRepository policies, PointsReminderSettingRepository reminders,
            JdbcClient jdbc, Points points, Clock clock) {
        this.policies = policies;
        this.reminders = reminders;
        this.jdbc = jdbc;
        this.points = points;
        this.clock = clock;
    }

    /** Whether the member is told before their points expire (their consent; yes until they say no). */
    @Transactional(readOnly = true)
    public boolean expiryReminders(java.util.UUID member) {
        return reminders.findByMemberId(member).map(PointsReminderSetting::expiryReminders).orElse(true);
    }

    /** Records the member's own choice about expiry reminders; what is in force now. */
    @Transactional
    public boolean expiryReminders(java.util.UUID member, boolean on) {
        Instant now = clock.instant();
        PointsReminderSetting setting = reminders.findByMemberId(member)
                .orElseGet(() -> new PointsReminderSetting(member, on, now));
        setting.expiryReminders(on, now);
        return reminders.saveAndFlush(setting).expiryReminders();
    }

    @Transactional(readOnly = true)
    public PolicyView current() {
        return policies.findFirstByOrderByPolicyVersionDesc().map(PointsExpiryPolicies::view)
                .orElse(new PolicyView(0, ExpiryPolicyKind.NEVER, null, null, null));
    }

    /**
     * A new version of the policy; {@code expected}: the version the caller read (If-Match), 409 concurrent-update
     * when another was made since. Points already available keep their date.
     */
    @Transactional
    public PolicyView change(NewPolicy policy, @Nullable Long expected, String actor) {
        boolean monthly = policy.kind() == ExpiryPolicyKind.END_OF_MONTH_AFTER_N_MONTHS;
        if (monthly != (policy.months() != null)) {
            throw new ApiException.Unprocessable("points-expiry-months").field("months");
        }
        long current = current().version();
        Versions.expect(PointsExpiryPolicy.class, "policy", current, expected);
        PointsExpiryPolicy made = new PointsExpiryPolicy((int) current + 1, policy.kind(), policy.months(), actor,
                clock.instant());
        policies.saveAndFlush(made);
        return view(made);
    }

    /** The member's points that will expire, by day, soonest first (at most {@code limit} days). */
    @Transactional(readOnly = true)
    public List<Expiring> expiring(UUID member, int limit) {
        points.balance(member); // 404 for an unknown member
        return jdbc.sql("""
                select expires_on, sum(remaining) from points_lot
                where member_id = :member and remaining > 0 and expires_at > :now
                group by expires_on order by expires_on limit :limit""")
                .param("member", member).param("now", java.sql.Timestamp.from(clock.instant()))
                .param("limit", limit)
                .query((rs, row) -> new Expiring(rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
    }

    private static PolicyView view(PointsExpiryPolicy p) {
        return new PolicyView(p.policyVersion(), p.kind(), p.months(), p.createdBy(), p.createdAt());
    }
}
