package com.m4s.store.points;

import com.m4s.platform.jobs.FullSweeps;
import com.m4s.platform.jobs.MarkedStoreJob;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.store.member.Members;
import com.m4s.store.notification.Notifications;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-store job {@value #JOB} (decision 0016, 0039) on the store's clock: what is left of each lot past its
 * expiry date becomes one {@code EXPIRE} entry (a lot at a time, each in its own transaction under the member's
 * balance lock; key {@code expire:<lot>}, so a repeated run posts nothing); and {@value #REMIND_DAYS} days before
 * a date, each member with points expiring that day gets one text message through the notification outbox (one per
 * member and day: {@code points_expiry_reminder}). Every active store is visited at start-up and hourly: dates are
 * ends of store days, so an expiry is posted within the hour after it falls due.
 */
@Component
class PointsExpiry extends MarkedStoreJob {

    static final String JOB = "points-expiry";
    static final int REMIND_DAYS = 30;
    static final String TOPIC = "points-expiring";
    private static final Logger log = LoggerFactory.getLogger(PointsExpiry.class);

    /** Points of a member expiring on a day, not reminded of yet. */
    private record Due(UUID member, LocalDate on, long points) {
    }

    private final Points points;
    private final Members members;
    /** Lazily: the notification outbox asks the job runner, which holds this job. */
    private final ObjectProvider<Notifications> notifications;
    private final PointsExpiryReminderRepository reminders;
    private final MessageSource texts;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    PointsExpiry(Points points, Members members, ObjectProvider<Notifications> notifications,
            PointsExpiryReminderRepository reminders, MessageSource texts, JdbcClient jdbc, TransactionTemplate tx,
            Clock clock) {
        super(JOB, Duration.ofMinutes(10), new FullSweeps(Duration.ofHours(1)));
        this.points = points;
        this.members = members;
        this.notifications = notifications;
        this.reminders = reminders;
        this.texts = texts;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(Tenant store) {
        int expired = expireDue();
        int reminded = remind();
        if (expired + reminded > 0) {
            log.info("points expiry of store {}: {} lots expired, {} reminders", store.storeCode(), expired,
                    reminded);
        }
    }

    /** Expires every due lot of the current store; how many entries were posted. */
    int expireDue() {
        List<UUID> due = Objects.requireNonNull(tx.execute(status -> jdbc.sql("""
                select id from points_lot where remaining > 0 and expires_at <= :now
                order by expires_at, earned_at, seq""").param("now", Timestamp.from(clock.instant()))
                .query(UUID.class).list()));
        int expired = 0;
        for (UUID lot : due) {
            Points.Posted posted = tx.execute(status -> points.expire(lot, "system"));
            if (posted != null && posted.entryId() != null) {
                expired++;
            }
        }
        return expired;
    }

    /**
     * Reminds every member with points expiring within {@value #REMIND_DAYS} days, once per day, unless the member
     * turned the reminders off (a member who turns them on again is reminded of dates not reminded yet); how many.
     */
    int remind() {
        Instant now = clock.instant();
        List<Due> due = Objects.requireNonNull(tx.execute(status -> jdbc.sql("""
                select l.member_id, l.expires_on, sum(l.remaining) from points_lot l
                where l.remaining > 0 and l.expires_at > :now and l.expires_at <= :horizon
                  and not exists (select 1 from points_expiry_reminder r
                                  where r.member_id = l.member_id and r.expires_on = l.expires_on)
                  and not exists (select 1 from points_reminder_setting s
                                  where s.member_id = l.member_id and not s.expiry_reminders)
                group by l.member_id, l.expires_on order by l.expires_on, l.member_id""")
                .param("now", Timestamp.from(now))
                .param("horizon", Timestamp.from(now.plus(Duration.ofDays(REMIND_DAYS))))
                .query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getLong(3))).list()));
        int sent = 0;
        for (Due d : due) {
            Boolean done = tx.execute(status -> {
                // two runs at once (a second instance's, a test's) wait for each other here, then the second finds
                // the first's reminder
                jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                        .param("key", "points-expiry-reminder:" + d.member() + ":" + d.on()).query().singleRow();
                if (reminders.existsByMemberIdAndExpiresOn(d.member(), d.on())) {
                    return false;
                }
                UUID message = members.contact(d.member()).map(contact -> notifications.getObject().send(
                        Notifications.Message.sms(contact.phone(), contact.memberId(), TOPIC,
                                text(d, Locale.SIMPLIFIED_CHINESE)))).orElse(null);
                reminders.saveAndFlush(new PointsExpiryReminder(d.member(), d.on(), d.points(), message, now));
                return message != null;
            });
            if (Boolean.TRUE.equals(done)) {
                sent++;
            }
        }
        return sent;
    }

    /** The reminder's text in a language (the bundles hold it in Chinese and English). */
    String text(Due d, Locale language) {
        String day = language.getLanguage().equals("zh")
                ? d.on().getYear() + "年" + d.on().getMonthValue() + "月" + d.on().getDayOfMonth() + "日"
                : d.on().toString();
        return texts.getMessage("sms.points-expiring", new Object[] {Long.toString(d.points()), day}, language);
    }
}
