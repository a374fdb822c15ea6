package com.m4s.store.advisor;

import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.export.ExcelColumn;
import com.m4s.store.export.ExcelTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The performance list per advisor in plain SQL, one statement per page (decisions 0021, 0024). Its figures
 * (decision 0038):
 * <ul>
 * <li>customers: members bound to the advisor now;</li>
 * <li>referrals: members recorded as brought in by the advisor ({@code member.referred_by_advisor}, set when the
 * member is created), all time;</li>
 * <li>rating average and count: every rating of the advisor;</li>
 * <li>points granted: the net earned points ({@code earned_delta}: grants less refunds and reversals) posted in the
 * period to the members bound to the advisor now.</li>
 * </ul>
 * The rows are the logins that have a profile, customers or referrals; the directory's other staff have nothing to
 * show.
 */
@Component
class AdvisorPerformance {

    static final Map<String, String> SORTABLE = Map.of("username", "a.username", "customers", "customers",
            "referrals", "referrals", "ratingAverage", "rating_average", "ratingCount", "rating_count",
            "pointsGranted", "points_granted");
    static final String TIE_BREAKER = "a.username";

    static final String WITH = "with advisors as materialized (select username from advisor_profile"
            + " union select advisor from advisor_customer"
            + " union select referred_by_advisor from member where referred_by_advisor is not null)";

    static final String COLUMNS = """
            a.username, p.dms_name, coalesce(p.active, true) as active,
            (select count(*) from advisor_customer c where c.advisor = a.username) as customers,
            (select count(*) from member m where m.referred_by_advisor = a.username) as referrals,
            (select avg(r.stars)::float8 from advisor_rating r where r.advisor = a.username) as rating_average,
            (select count(*) from advisor_rating r where r.advisor = a.username) as rating_count,
            (select coalesce(sum(pe.earned_delta), 0) from points_entry pe
              where pe.member_id in (select c.id from advisor_customer c where c.advisor = a.username)
                and pe.created_at >= :from and pe.created_at < :to) as points_granted""";

    static final String FROM = "from advisors a left join advisor_profile p on p.username = a.username";

    /** A row before the display name from Keycloak is added. */
    record Row(String username, @org.jspecify.annotations.Nullable String dmsName, boolean active, long customers,
            long referrals,
            @org.jspecify.annotations.Nullable Double ratingAverage, long ratingCount, long pointsGranted) {

        AdvisorViews.AdvisorPerformanceRow named(String displayName) {
            return new AdvisorViews.AdvisorPerformanceRow(username, displayName, dmsName, active, customers,
                    referrals, ratingAverage, ratingCount, pointsGranted);
        }
    }

    static final ExcelTable<AdvisorViews.AdvisorPerformanceRow> EXPORT = ExcelTable.of("advisorPerformance",
            ExcelColumn.text("displayName", AdvisorViews.AdvisorPerformanceRow::displayName),
            ExcelColumn.text("username", AdvisorViews.AdvisorPerformanceRow::username),
            ExcelColumn.integer("customers", AdvisorViews.AdvisorPerformanceRow::customers),
            ExcelColumn.integer("referrals", AdvisorViews.AdvisorPerformanceRow::referrals),
            ExcelColumn.text("ratingAverage", r -> r.ratingAverage() == null ? null
                    : String.format(java.util.Locale.ROOT, "%.2f", r.ratingAverage())),
            ExcelColumn.integer("ratingCount", AdvisorViews.AdvisorPerformanceRow::ratingCount),
            ExcelColumn.integer("pointsGranted", AdvisorViews.AdvisorPerformanceRow::pointsGranted));

    private final JdbcClient jdbc;

    AdvisorPerformance(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public PageResult<Row> page(Instant from, Instant to, SqlPage page) {
        return page.query(jdbc, WITH, COLUMNS, FROM, "select count(*) from advisors",
                Map.of("from", Timestamp.from(from), "to", Timestamp.from(to)), (rs, n) -> row(rs));
    }

    @Transactional(readOnly = true)
    public long each(Instant from, Instant to, SqlPage order, Consumer<Row> sink) {
        return order.each(jdbc, WITH, COLUMNS, FROM, Map.of("from", Timestamp.from(from), "to", Timestamp.from(to)),
                500, (rs, n) -> row(rs), sink);
    }

    private static Row row(ResultSet rs) throws SQLException {
        double average = rs.getDouble("rating_average");
        return new Row(rs.getString("username"), rs.getString("dms_name"), rs.getBoolean("active"),
                rs.getLong("customers"), rs.getLong("referrals"), rs.wasNull() ? null : average,
                rs.getLong("rating_count"), rs.getLong("points_granted"));
    }

    static Function<Row, AdvisorViews.AdvisorPerformanceRow> naming(Map<String, String> names) {
        return r -> r.named(names.getOrDefault(r.username(), r.username()));
    }
}
