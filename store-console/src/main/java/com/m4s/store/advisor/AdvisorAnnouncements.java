package com.m4s.store.advisor;

import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.security.Caller;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.staff.Staff;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * News from managers to advisors with read receipts (decision 0042). Posting fixes the recipients (every advisor of
 * the directory, or the chosen ones) as one receipt row each; an advisor opening it sets their receipt once. Both are
 * JPA writes (audited, decision 0006) publishing an event in the same transaction. Lists are plain SQL (0021).
 */
@Service
class AdvisorAnnouncements {

    static final Map<String, String> SORTABLE = Map.of("postedAt", "a.posted_at", "title", "a.title");
    static final String TIE_BREAKER = "a.id";

    private static final String LIST_COLUMNS = """
            a.id, a.title, a.audience, a.posted_by, a.posted_at,
            (select count(*) from advisor_announcement_receipt r where r.announcement_id = a.id
              and r.read_at is not null) as read_count,
            (select count(*) from advisor_announcement_receipt r where r.announcement_id = a.id) as total""";
    private static final String LIST_FROM = "from advisor_announcement a";

    private static final String MINE_COLUMNS = "a.id, a.title, a.body, a.posted_by, a.posted_at, r.read_at";
    private static final String MINE_FROM = "from advisor_announcement_receipt r"
            + " join advisor_announcement a on a.id = r.announcement_id where r.advisor = :me";

    private final AdvisorAnnouncementRepository announcements;
    private final AdvisorAnnouncementReceiptRepository receipts;
    private final Advisors advisors;
    private final EventOutbox events;
    private final JdbcClient jdbc;
    private final Clock clock;

    AdvisorAnnouncements(AdvisorAnnouncementRepository announcements, AdvisorAnnouncementReceiptRepository receipts,
            Advisors advisors, EventOutbox events, JdbcClient jdbc, Clock clock) {
        this.announcements = announcements;
        this.receipts = receipts;
        this.advisors = advisors;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Posts news to the advisors named, or to every enabled advisor of the directory taking customers. 422
     * {@code advisor-unknown} for a name that is no advisor of the directory, {@code announcement-no-advisors} when
     * nobody would receive it.
     */
    @Transactional
    public AdvisorViews.AdvisorAnnouncementDetail post(AdvisorViews.AdvisorAnnouncementRequest request) {
        List<AdvisorViews.AdvisorEntry> directory = advisors.directory();
        Set<String> known = new LinkedHashSet<>();
        directory.forEach(a -> known.add(a.username()));
        Set<String> recipients = new LinkedHashSet<>();
        AdvisorAnnouncement.Audience audience;
        if (request.advisors() == null || request.advisors().isEmpty()) {
            audience = AdvisorAnnouncement.Audience.ALL;
            directory.stream().filter(a -> a.enabled() && a.active()).forEach(a -> recipients.add(a.username()));
        } else {
            audience = AdvisorAnnouncement.Audience.CHOSEN;
            for (String username : request.advisors()) {
                if (!known.contains(username)) {
                    throw new ApiException.Unprocessable("advisor-unknown", username).field("advisors");
                }
                recipients.add(username);
            }
        }
        if (recipients.isEmpty()) {
            throw new ApiException.Unprocessable("announcement-no-advisors");
        }
        String by = Caller.current().map(Caller::username).orElse("system");
        Instant now = clock.instant();
        AdvisorAnnouncement announcement = announcements.save(new AdvisorAnnouncement(request.title(),
                request.body(), audience, by, now));
        recipients.forEach(r -> receipts.save(new AdvisorAnnouncementReceipt(announcement.id(), r, now)));
        receipts.flush();
        events.publish(AdvisorEvents.TOPIC, AdvisorEvents.Type.AnnouncementPosted.name(),
                new AdvisorEvents.AnnouncementPosted(announcement.id(), TenantContext.require().storeCode(),
                        audience.name(), recipients.size(), by, now));
        return detail(announcement.id());
    }

    /** The manager's list: newest first by default, with read count and total of each. */
    @Transactional(readOnly = true)
    public PageResult<AdvisorViews.AdvisorAnnouncementRow> page(SqlPage page) {
        Map<String, String> names = names();
        return page.query(jdbc, LIST_COLUMNS, LIST_FROM, Map.of(), (rs, n) -> new AdvisorViews.AdvisorAnnouncementRow(
                rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("audience"),
                rs.getString("posted_by"), names.getOrDefault(rs.getString("posted_by"), rs.getString("posted_by")),
                instant(rs, "posted_at"), rs.getLong("read_count"), rs.getLong("total")));
    }

    /** One announcement with every receipt: those who have not read it first, then by name. 404 when unknown. */
    @Transactional(readOnly = true)
    public AdvisorViews.AdvisorAnnouncementDetail detail(UUID id) {
        AdvisorAnnouncement a = announcements.findById(id)
                .orElseThrow(() -> new ApiException.NotFound("advisor-announcement", id));
        Map<String, String> names = names();
        List<AdvisorViews.AdvisorAnnouncementReader> readers = new ArrayList<>(jdbc.sql("select advisor, read_at"
                + " from advisor_announcement_receipt where announcement_id = :id").param("id", id)
                .query((rs, n) -> new AdvisorViews.AdvisorAnnouncementReader(rs.getString("advisor"),
                        names.getOrDefault(rs.getString("advisor"), rs.getString("advisor")),
                        nullableInstant(rs, "read_at"))).list());
        readers.sort(Comparator.comparing((AdvisorViews.AdvisorAnnouncementReader r) -> r.readAt() != null)
                .thenComparing(AdvisorViews.AdvisorAnnouncementReader::displayName,
                        java.text.Collator.getInstance(java.util.Locale.CHINA))
                .thenComparing(AdvisorViews.AdvisorAnnouncementReader::username));
        long read = readers.stream().filter(r -> r.readAt() != null).count();
        return new AdvisorViews.AdvisorAnnouncementDetail(a.id(), a.title(), a.body(), a.audience().name(),
                a.postedBy(), names.getOrDefault(a.postedBy(), a.postedBy()), a.postedAt(), read, readers.size(),
                readers);
    }

    /** The caller's announcements, newest first; only the unread ones when asked. */
    @Transactional(readOnly = true)
    public PageResult<AdvisorViews.MyAdvisorAnnouncement> mine(boolean unreadOnly, SqlPage page) {
        Map<String, String> names = names();
        return page.query(jdbc, MINE_COLUMNS, MINE_FROM + (unreadOnly ? " and r.read_at is null" : ""),
                Map.of("me", me()), (rs, n) -> new AdvisorViews.MyAdvisorAnnouncement(rs.getObject("id", UUID.class),
                        rs.getString("title"), rs.getString("body"),
                        names.getOrDefault(rs.getString("posted_by"), rs.getString("posted_by")),
                        instant(rs, "posted_at"), nullableInstant(rs, "read_at")));
    }

    /** How many of the caller's announcements are unread (the partial index on unread receipts serves it). */
    @Transactional(readOnly = true)
    public AdvisorViews.MyAdvisorAnnouncementsUnread unread() {
        return new AdvisorViews.MyAdvisorAnnouncementsUnread(jdbc.sql("select count(*) from"
                + " advisor_announcement_receipt where advisor = :me and read_at is null").param("me", me())
                .query(Long.class).single());
    }

    /**
     * The caller opens an announcement: the first time sets their receipt (audited, {@code AnnouncementRead});
     * later opens change nothing. 404 for an announcement that did not go to them.
     */
    @Transactional
    public AdvisorViews.MyAdvisorAnnouncement open(UUID id) {
        String me = me();
        AdvisorAnnouncementReceipt receipt = receipts.lock(id, me)
                .orElseThrow(() -> new ApiException.NotFound("advisor-announcement", id));
        Instant now = clock.instant();
        if (receipt.read(now)) {
            receipts.flush();
            events.publish(AdvisorEvents.TOPIC, AdvisorEvents.Type.AnnouncementRead.name(),
                    new AdvisorEvents.AnnouncementRead(id, TenantContext.require().storeCode(), me, now));
        }
        AdvisorAnnouncement a = announcements.findById(id).orElseThrow();
        return new AdvisorViews.MyAdvisorAnnouncement(a.id(), a.title(), a.body(),
                names().getOrDefault(a.postedBy(), a.postedBy()), a.postedAt(), receipt.readAt());
    }

    private static String me() {
        return Caller.current().map(Caller::username)
                .orElseThrow(() -> new IllegalStateException("announcements are read by a signed-in user"));
    }

    private Map<String, String> names() {
        Map<String, String> names = new java.util.HashMap<>();
        for (Staff.StaffEntry login : advisors.logins().values()) {
            names.put(login.username(), login.displayName());
        }
        return names;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
