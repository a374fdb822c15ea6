package com.m4s.store.gift;

import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The gift warehouse's lists in plain SQL, one statement per page (decision 0021): gifts with their redemption
 * figures, a gift's stock movements, redemptions with their member, and the owners' catalogue.
 */
@Component
class GiftList {

    static final Map<String, String> GIFT_SORTABLE = Map.of("name", "g.name", "pointsPrice", "g.points_price",
            "stock", "g.stock", "createdAt", "g.created_at", "redeemedQuantity", "redeemed_quantity");
    static final String GIFT_TIE_BREAKER = "g.id";
    static final Map<String, String> REDEMPTION_SORTABLE = Map.of("createdAt", "r.created_at", "points", "r.points",
            "status", "r.status");
    static final String REDEMPTION_TIE_BREAKER = "r.id";
    static final Map<String, String> ENTRY_SORTABLE = Map.of("createdAt", "e.created_at");
    static final String ENTRY_TIE_BREAKER = "e.id";

    private static final String GIFT_COLUMNS = "g.id, g.name, g.description, g.points_price, g.member_limit,"
            + " g.low_stock_at, g.status, g.stock, g.created_at, g.version, coalesce(s.quantity, 0) redeemed_quantity,"
            + " coalesce(s.points, 0) redeemed_points, coalesce(s.members, 0) redeeming_members";
    private static final String GIFT_FROM = "from gift g left join (select gift_id, sum(quantity) quantity,"
            + " sum(points) points, count(distinct member_id) members from gift_redemption where status <> 'CANCELLED'"
            + " group by gift_id) s on s.gift_id = g.id";
    private static final String REDEMPTION_COLUMNS = "r.id, r.gift_id, r.gift_name, r.member_id, m.name member_name,"
            + " m.phone member_phone, r.quantity, r.points, r.status, r.channel, r.handed_over_by, r.handed_over_at,"
            + " r.cancelled_by, r.cancelled_at, r.cancel_reason, r.created_by, r.created_at, r.version";
    private static final String REDEMPTION_FROM = "from gift_redemption r join member m on m.id = r.member_id";

    /** Which gifts: statuses, a name (part), only those at or below their low-stock mark. */
    record GiftFilter(@Nullable Collection<GiftStatus> statuses, @Nullable String search, boolean lowOnly) {
    }

    /** Which redemptions: statuses, a gift, a member, a member's phone or name (part). */
    record RedemptionFilter(@Nullable Collection<GiftRedemptionStatus> statuses, @Nullable UUID gift,
            @Nullable UUID member, @Nullable String search) {
    }

    private final JdbcClient jdbc;

    GiftList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageResult<GiftViews.GiftView> gifts(GiftFilter filter, SqlPage page) {
        StringBuilder from = new StringBuilder(GIFT_FROM + " where true");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            from.append(" and g.status in (:statuses)");
            parameters.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            from.append(" and g.name ilike :search");
            parameters.put("search", like(filter.search()));
        }
        if (filter.lowOnly()) {
            from.append(" and g.stock <= g.low_stock_at");
        }
        return page.query(jdbc, GIFT_COLUMNS, from.toString(), parameters, (rs, row) -> gift(rs));
    }

    Optional<GiftViews.GiftView> gift(UUID id) {
        return jdbc.sql("select " + GIFT_COLUMNS + " " + GIFT_FROM + " where g.id = :id").param("id", id)
                .query((rs, row) -> gift(rs)).optional();
    }

    PageResult<GiftViews.StockEntryView> entries(UUID gift, SqlPage page) {
        return page.query(jdbc, "e.id, e.kind, e.delta, e.stock_after, e.redemption_id, e.reason, e.created_by,"
                + " e.created_at", "from gift_stock_entry e where e.gift_id = :gift", Map.of("gift", gift),
                (rs, row) -> new GiftViews.StockEntryView(rs.getObject("id", UUID.class),
                        GiftStockKind.valueOf(rs.getString("kind")), rs.getLong("delta"), rs.getLong("stock_after"),
                        rs.getObject("redemption_id", UUID.class), rs.getString("reason"), rs.getString("created_by"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()));
    }

    PageResult<GiftViews.RedemptionView> redemptions(RedemptionFilter filter, SqlPage page) {
        StringBuilder from = new StringBuilder(REDEMPTION_FROM + " where true");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            from.append(" and r.status in (:statuses)");
            parameters.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.gift() != null) {
            from.append(" and r.gift_id = :gift");
            parameters.put("gift", filter.gift());
        }
        if (filter.member() != null) {
            from.append(" and r.member_id = :member");
            parameters.put("member", filter.member());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            from.append(" and (m.phone like :search or m.name like :search)");
            parameters.put("search", like(filter.search()));
        }
        return page.query(jdbc, REDEMPTION_COLUMNS, from.toString(), parameters, (rs, row) -> redemption(rs));
    }

    Optional<GiftViews.RedemptionView> redemption(UUID id) {
        return jdbc.sql("select " + REDEMPTION_COLUMNS + " " + REDEMPTION_FROM + " where r.id = :id").param("id", id)
                .query((rs, row) -> redemption(rs)).optional();
    }

    /** The listed gifts, cheapest first, with how many more the member may redeem of each. */
    List<GiftViews.CatalogueGift> catalogue(UUID member) {
        return jdbc.sql("select g.id, g.name, g.description, g.points_price, g.stock, g.member_limit,"
                + " (select coalesce(sum(r.quantity), 0) from gift_redemption r where r.gift_id = g.id"
                + " and r.member_id = :member and r.status <> 'CANCELLED') mine from gift g where g.status = 'LISTED'"
                + " order by g.points_price, g.name, g.id").param("member", member)
                .query((rs, row) -> {
                    Integer limit = rs.getObject("member_limit", Integer.class);
                    return new GiftViews.CatalogueGift(rs.getObject("id", UUID.class), rs.getString("name"),
                            rs.getString("description"), rs.getLong("points_price"), rs.getLong("stock"), limit,
                            limit == null ? null : Math.max(0, limit - rs.getLong("mine")));
                }).list();
    }

    private static String like(String search) {
        return "%" + search.strip().replace("%", "").replace("_", "") + "%";
    }

    private static GiftViews.GiftView gift(ResultSet rs) throws SQLException {
        long stock = rs.getLong("stock");
        int lowAt = rs.getInt("low_stock_at");
        return new GiftViews.GiftView(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getString("description"), rs.getLong("points_price"), rs.getObject("member_limit", Integer.class),
                lowAt, GiftStatus.valueOf(rs.getString("status")), stock, stock <= lowAt,
                rs.getLong("redeemed_quantity"), rs.getLong("redeemed_points"), rs.getLong("redeeming_members"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getLong("version"));
    }

    private static GiftViews.RedemptionView redemption(ResultSet rs) throws SQLException {
        GiftRedemptionStatus status = GiftRedemptionStatus.valueOf(rs.getString("status"));
        OffsetDateTime handed = rs.getObject("handed_over_at", OffsetDateTime.class);
        OffsetDateTime cancelled = rs.getObject("cancelled_at", OffsetDateTime.class);
        return new GiftViews.RedemptionView(rs.getObject("id", UUID.class), rs.getObject("gift_id", UUID.class),
                rs.getString("gift_name"), rs.getObject("member_id", UUID.class), rs.getString("member_name"),
                rs.getString("member_phone"), rs.getInt("quantity"), rs.getLong("points"), status,
                rs.getString("channel"), rs.getString("handed_over_by"), handed == null ? null : handed.toInstant(),
                rs.getString("cancelled_by"), cancelled == null ? null : cancelled.toInstant(),
                rs.getString("cancel_reason"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), status.allowed(),
                rs.getLong("version"));
    }
}
