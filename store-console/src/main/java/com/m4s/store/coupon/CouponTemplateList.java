package com.m4s.store.coupon;

import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.Problems;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.export.ExcelColumn;
import com.m4s.store.export.ExcelTable;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Coupon templates, the coupons members hold and the owner's claim centre in plain SQL, one statement per page
 * (decision 0021).
 */
@Component
public class CouponTemplateList {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "t.created_at", "name", "t.name", "status",
            "t.status", "kind", "t.kind", "handedOut", "t.handed_out", "validUntil", "t.valid_until");
    static final String TIE_BREAKER = "t.id";
    static final int EXPORT_FETCH_SIZE = 500;

    /** The list as an Excel file: what the list shows, amounts in yuan, kind and status in the caller's language. */
    static final ExcelTable<CouponViews.CouponTemplateView> EXPORT = ExcelTable.of("couponTemplates",
            ExcelColumn.text("name", CouponViews.CouponTemplateView::name),
            ExcelColumn.text("kind", t -> Problems.message("export.couponTemplates.kind." + t.kind())),
            ExcelColumn.text("scope", t -> Problems.message("export.couponTemplates.scope." + t.scope())),
            ExcelColumn.money("valueFen", t -> t.valueFen() == 0 ? null : BigDecimal.valueOf(t.valueFen(), 2)),
            ExcelColumn.money("thresholdFen", t -> t.thresholdFen() == 0 ? null
                    : BigDecimal.valueOf(t.thresholdFen(), 2)),
            ExcelColumn.integer("percentOff", t -> t.percentOff() == 0 ? null : t.percentOff()),
            ExcelColumn.text("stackGroup", CouponViews.CouponTemplateView::stackGroup),
            ExcelColumn.text("validity", t -> t.validDays() != null ? t.validDays() + "d"
                    : t.validFrom() + " ~ " + t.validUntil()),
            ExcelColumn.integer("totalLimit", CouponViews.CouponTemplateView::totalLimit),
            ExcelColumn.integer("handedOut", CouponViews.CouponTemplateView::handedOut),
            ExcelColumn.integer("used", CouponViews.CouponTemplateView::used),
            ExcelColumn.text("status", t -> Problems.message("export.couponTemplates.status." + t.status())),
            ExcelColumn.dateTime("createdAt", CouponViews.CouponTemplateView::createdAt));

    private static final String COLUMNS = "t.id, t.name, t.description, t.kind, t.scope, t.scope_codes, t.value_fen,"
            + " t.threshold_fen, t.percent_off, t.cap_fen, t.points_multiplier, t.stack_group, t.valid_from,"
            + " t.valid_until, t.valid_days, t.per_member_limit, t.total_limit, t.handed_out, t.claimable, t.status,"
            + " t.created_by, t.created_at, t.updated_at, t.version,"
            + " (select count(*) from member_coupon c where c.template_id = t.id and c.state = 'USED') used";
    private static final String FROM = "from coupon_template t";

    /** What the list shows: statuses, kinds, a name (part). */
    public record Filter(@Nullable Collection<CouponTemplateStatus> statuses, @Nullable Collection<CouponKind> kinds,
            @Nullable String search) {
    }

    private final JdbcClient jdbc;

    CouponTemplateList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Where(String from, Map<String, Object> parameters) {
    }

    private Where where(Filter filter) {
        StringBuilder from = new StringBuilder(FROM + " where true");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            from.append(" and t.status in (:statuses)");
            parameters.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.kinds() != null && !filter.kinds().isEmpty()) {
            from.append(" and t.kind in (:kinds)");
            parameters.put("kinds", filter.kinds().stream().map(Enum::name).toList());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            from.append(" and t.name ilike :search");
            parameters.put("search", "%" + filter.search().strip().replace("\\", "").replace("%", "")
                    .replace("_", "") + "%");
        }
        return new Where(from.toString(), parameters);
    }

    PageResult<CouponViews.CouponTemplateView> page(Filter filter, SqlPage page) {
        Where where = where(filter);
        return page.query(jdbc, COLUMNS, where.from(), where.parameters(), (rs, row) -> template(rs));
    }

    long each(Filter filter, SqlPage order, Consumer<CouponViews.CouponTemplateView> sink) {
        Where where = where(filter);
        return order.each(jdbc, "", COLUMNS, where.from(), where.parameters(), EXPORT_FETCH_SIZE,
                (rs, row) -> template(rs), sink);
    }

    CouponViews.CouponTemplateView one(UUID id) {
        return jdbc.sql("select " + COLUMNS + " " + FROM + " where t.id = :id").param("id", id)
                .query((rs, row) -> template(rs)).single();
    }

    private static final String COUPON_COLUMNS = "c.id, c.template_id, c.member_id, t.name, t.description, t.kind,"
            + " t.scope, t.scope_codes, t.value_fen, t.threshold_fen, t.percent_off, t.cap_fen, t.points_multiplier,"
            + " t.stack_group, c.state, c.obtained, c.obtained_by, c.valid_from, c.valid_until, c.created_at,"
            + " c.used_at, c.payment_id, c.discount_fen, c.order_fen, c.expired_at";

    /** A member's coupons in these states: usable ones soonest to end first, the others newest first. */
    List<CouponViews.MemberCouponView> coupons(UUID member, @Nullable Collection<MemberCouponState> states) {
        String where = states == null || states.isEmpty() ? "" : " and c.state in (:states)";
        var q = jdbc.sql("select " + COUPON_COLUMNS + " from member_coupon c join coupon_template t on t.id ="
                + " c.template_id where c.member_id = :member" + where + " order by (c.state = 'AVAILABLE') desc,"
                + " case when c.state = 'AVAILABLE' then c.valid_until end asc,"
                + " coalesce(c.used_at, c.expired_at, c.created_at) desc, c.id").param("member", member);
        if (!where.isEmpty()) {
            q = q.param("states", states.stream().map(Enum::name).toList());
        }
        return q.query((rs, row) -> coupon(rs)).list();
    }

    CouponViews.MemberCouponView coupon(UUID id) {
        return jdbc.sql("select " + COUPON_COLUMNS + " from member_coupon c join coupon_template t on t.id ="
                + " c.template_id where c.id = :id").param("id", id).query((rs, row) -> coupon(rs)).single();
    }

    /** The claim centre: active claimable templates whose dates are not over, with what this member holds of each. */
    List<CouponViews.CouponCentreItem> centre(UUID member, LocalDate today) {
        return jdbc.sql("select t.*, (select count(*) from member_coupon c where c.template_id = t.id"
                + " and c.member_id = :member) held from coupon_template t where t.status = 'ACTIVE' and t.claimable"
                + " and (t.valid_until is null or t.valid_until >= :today) order by t.created_at desc, t.id")
                .param("member", member).param("today", today).query((rs, row) -> {
                    Integer total = integer(rs, "total_limit");
                    int handedOut = rs.getInt("handed_out");
                    Integer remaining = total == null ? null : Math.max(0, total - handedOut);
                    int held = rs.getInt("held");
                    int limit = rs.getInt("per_member_limit");
                    return new CouponViews.CouponCentreItem(rs.getObject("id", UUID.class), rs.getString("name"),
                            rs.getString("description"), CouponKind.valueOf(rs.getString("kind")),
                            CouponScope.valueOf(rs.getString("scope")), codes(rs), rs.getLong("value_fen"),
                            rs.getLong("threshold_fen"), rs.getInt("percent_off"), longOrNull(rs, "cap_fen"),
                            rs.getInt("points_multiplier"), rs.getString("stack_group"),
                            rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                            integer(rs, "valid_days"), limit, remaining, held,
                            (remaining == null || remaining > 0) && held < limit);
                }).list();
    }

    private static CouponViews.CouponTemplateView template(ResultSet rs) throws SQLException {
        CouponTemplateStatus status = CouponTemplateStatus.valueOf(rs.getString("status"));
        Integer total = integer(rs, "total_limit");
        int handedOut = rs.getInt("handed_out");
        return new CouponViews.CouponTemplateView(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getString("description"), CouponKind.valueOf(rs.getString("kind")),
                CouponScope.valueOf(rs.getString("scope")), codes(rs), rs.getLong("value_fen"),
                rs.getLong("threshold_fen"), rs.getInt("percent_off"), longOrNull(rs, "cap_fen"),
                rs.getInt("points_multiplier"), rs.getString("stack_group"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                integer(rs, "valid_days"), rs.getInt("per_member_limit"), total, handedOut,
                total == null ? null : Math.max(0, total - handedOut), rs.getLong("used"), rs.getBoolean("claimable"),
                status, status.allowed(), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getLong("version"));
    }

    private static CouponViews.MemberCouponView coupon(ResultSet rs) throws SQLException {
        OffsetDateTime used = rs.getObject("used_at", OffsetDateTime.class);
        OffsetDateTime expired = rs.getObject("expired_at", OffsetDateTime.class);
        return new CouponViews.MemberCouponView(rs.getObject("id", UUID.class),
                rs.getObject("template_id", UUID.class), rs.getObject("member_id", UUID.class), rs.getString("name"),
                rs.getString("description"), CouponKind.valueOf(rs.getString("kind")),
                CouponScope.valueOf(rs.getString("scope")), codes(rs), rs.getLong("value_fen"),
                rs.getLong("threshold_fen"), rs.getInt("percent_off"), longOrNull(rs, "cap_fen"),
                rs.getInt("points_multiplier"), rs.getString("stack_group"),
                MemberCouponState.valueOf(rs.getString("state")), CouponObtained.valueOf(rs.getString("obtained")),
                rs.getString("obtained_by"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                used == null ? null : used.toInstant(), rs.getObject("payment_id", UUID.class),
                longOrNull(rs, "discount_fen"), longOrNull(rs, "order_fen"),
                expired == null ? null : expired.toInstant());
    }

    static List<String> codes(ResultSet rs) throws SQLException {
        Array array = rs.getArray("scope_codes");
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
