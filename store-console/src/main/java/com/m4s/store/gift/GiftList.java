package com.m4s.store.gift;

import com.m4s.platform.web.PageResult;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.photo.Photos;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
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
            + " g.low_stock_at, g.status, g.stock, g.photos, g.created_at, g.version, coalesce(s.quantity, 0) redeemed_quantity,"
            + " coalesce(s.points, 0) redeemed_points, coalesce(s.members, 0) redeeming_members,"
            + " coalesce(s.given, 0) given_quantity";
    private static final String GIFT_FROM = "from gift g left join (select gift_id,"
            + " sum(quantity) filter (where channel <> 'BATCH') quantity, sum(points) points,"
            + " count(distinct member_id) filter (where channel <> 'BATCH') members,"
            + " sum(quantity) filter (where channel = 'BATCH') given"
            + " from gift_redemption where status <> 'CANCELLED' group by gift_id) s on s.gift_id = g.id";
    private static final String REDEMPTION_COLUMNS = "r.id, r.gift_id, r.gift_name, r.member_id, m.name member_name,"
            + " m.phone member_phone, r.quantity, r.points, r.status, r.channel, r.handed_over_by, r.handed_over_at,"
            + " r.cancelled_by, r.cancelled_at, r.cancel_reason, r.created_by, r.created_at, r.version";
    private static final String REDEMPTION_FROM = "from gift_redemption r join member m on m.id = r.member_id";

    /** Which gifts: statuses, a name (part), only those at or below their low-stock mark. */
    record GiftFilter(@Nullable Collection<GiftStatus> statuses, @Nullable String search, boolean lowOnly) {
    }

    /** Which redemptions: statuses, a gift, a member, a channel, a member's phone or name (part). */
    record RedemptionFilter(@Nullable Collection<GiftRedemptionStatus> statuses, @Nullable UUID gift,
            @Nullable UUID member, @Nullable GiftChannel channel, @Nullable String search) {

        RedemptionFilter(@Nullable Collection<GiftRedemptionStatus> statuses, @Nullable UUID gift,
                @Nullable UUID member, @Nullable String search) {
            this(statuses, gift, member, null, search);
        }
    }

    /** Rows fetched at a time by an export's cursor. */
    private static final int FETCH = 500;

    private final JdbcClient jdbc;
    private final Photos photos;

    GiftList(JdbcClient jdbc, Photos photos) {
        this.jdbc = jdbc;
        this.photos = photos;
    }

    PageResult<GiftViews.GiftView> gifts(GiftFilter filter, SqlPage page) {
        Where where = where(filter);
        return page.query(jdbc, GIFT_COLUMNS, where.from(), where.parameters(), (rs, row) -> gift(rs));
    }

    /** Every gift the list shows for this filter, in its order, one at a time (an export); how many. */
    long eachGift(GiftFilter filter, SqlPage order, Consumer<GiftViews.GiftView> sink) {
        Where where = where(filter);
        return order.each(jdbc, "", GIFT_COLUMNS, where.from(), where.parameters(), FETCH, (rs, row) -> gift(rs),
                sink);
    }

    private record Where(String from, Map<String, Object> parameters) {
    }

    private static Where where(GiftFilter filter) {
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
        return new Where(from.toString(), parameters);
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
        Where where = where(filter);
        return page.query(jdbc, REDEMPTION_COLUMNS, where.from(), where.parameters(), (rs, row) -> redemption(rs));
    }

    /** Every redemption the list shows for this filter, in its order, one at a time (an export); how many. */
    long eachRedemption(RedemptionFilter filter, SqlPage order, Consumer<GiftViews.RedemptionView> sink) {
        Where where = where(filter);
        return order.each(jdbc, "", REDEMPTION_COLUMNS, where.from(), where.parameters(), FETCH,
                (rs, row) -> redemption(rs), sink);
    }

    private static Where where(RedemptionFilter filter) {
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
        if (filter.channel() != null) {
            from.append(" and r.channel = :channel");
            parameters.put("channel", filter.channel().name());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            from.append(" and (m.phone like :search or m.name like :search)");
            parameters.put("search", like(filter.search()));
        }
        return new Where(from.toString(), parameters);
    }

    Optional<GiftViews.RedemptionView> redemption(UUID id) {
        return jdbc.sql("select " + REDEMPTION_COLUMNS + " " + REDEMPTION_FROM + " where r.id = :id").param("id", id)
                .query((rs, row) -> redemption(rs)).optional();
    }

    /** A gift's stock now and how many more the member may redeem ({@code null}: no limit). */
    record MemberStock(long stock, @Nullable Integer memberLimit, @Nullable Long mayRedeem) {
    }

    /**
     * The stock now and how many more the member may redeem of each of these gifts (a page of the catalogue's search:
     * the index finds them, the database says what the member may do).
     */
    Map<UUID, MemberStock> memberStock(UUID member, Collection<UUID> gifts) {
        if (gifts.isEmpty()) {
            return Map.of();
        }
        Map<UUID, MemberStock> found = new HashMap<>();
        jdbc.sql("select g.id, g.stock, g.member_limit, (select coalesce(sum(r.quantity), 0) from gift_redemption r"
                + " where r.gift_id = g.id and r.member_id = :member and r.status <> 'CANCELLED') mine from gift g"
                + " where g.id in (:gifts)").param("member", member).param("gifts", gifts)
                .query((rs, row) -> {
                    Integer limit = rs.getObject("member_limit", Integer.class);
                    return found.put(rs.getObject("id", UUID.class), new MemberStock(rs.getLong("stock"), limit,
                            limit == null ? null : Math.max(0, limit - rs.getLong("mine"))));
                }).list();
        return found;
    }

    // --- distributions

    static final Map<String, String> DISTRIBUTION_SORTABLE = Map.of("createdAt", "d.created_at", "title", "d.title",
            "status", "d.status");
    static final String DISTRIBUTION_TIE_BREAKER = "d.id";
    static final Map<String, String> DISTRIBUTION_MEMBER_SORTABLE = Map.of("addedAt", "dm.created_at", "name",
            "p.name", "outcome", "dm.outcome");
    static final String DISTRIBUTION_MEMBER_TIE_BREAKER = "dm.id";
    private static final String DISTRIBUTION_COLUMNS = "d.id, d.gift_id, g.name gift_name, g.stock gift_stock,"
            + " d.title, d.quantity, d.status, d.created_by, d.created_at, d.started_by, d.started_at, d.finished_at,"
            + " d.version, n.members, n.done, n.given, n.skipped, n.out_of_stock, n.member_limit, n.gone";
    private static final String DISTRIBUTION_FROM = "from gift_distribution d join gift g on g.id = d.gift_id"
            + " cross join lateral (select count(*) members, count(*) filter (where dm.outcome is not null) done,"
            + " count(*) filter (where dm.outcome = 'GIVEN') given,"
            + " count(*) filter (where dm.outcome = 'SKIPPED') skipped,"
            + " count(*) filter (where dm.skip_reason = 'OUT_OF_STOCK') out_of_stock,"
            + " count(*) filter (where dm.skip_reason = 'MEMBER_LIMIT') member_limit,"
            + " count(*) filter (where dm.skip_reason = 'MEMBER_GONE') gone"
            + " from gift_distribution_member dm where dm.distribution_id = d.id) n";
    private static final String DISTRIBUTION_MEMBER_COLUMNS = "dm.member_id, p.name, p.phone, dm.chosen_by,"
            + " dm.outcome, dm.skip_reason, dm.redemption_id";

    /** Which distributions: statuses, a title (part). */
    record DistributionFilter(@Nullable Collection<GiftDistributionStatus> statuses, @Nullable String search) {
    }

    PageResult<GiftViews.DistributionView> distributions(DistributionFilter filter, SqlPage page) {
        StringBuilder from = new StringBuilder(DISTRIBUTION_FROM + " where true");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            from.append(" and d.status in (:statuses)");
            parameters.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            from.append(" and (d.title ilike :search or g.name ilike :search)");
            parameters.put("search", like(filter.search()));
        }
        return page.query(jdbc, DISTRIBUTION_COLUMNS, from.toString(), parameters, (rs, row) -> distribution(rs));
    }

    Optional<GiftViews.DistributionView> distribution(UUID id) {
        return jdbc.sql("select " + DISTRIBUTION_COLUMNS + " " + DISTRIBUTION_FROM + " where d.id = :id")
                .param("id", id).query((rs, row) -> distribution(rs)).optional();
    }

    /** A page of a distribution's members with their names and phones and outcomes (an outcome filters). */
    PageResult<GiftViews.DistributionMemberView> distributionMembers(UUID id, @Nullable String outcome,
            SqlPage page) {
        Where where = membersWhere(id, outcome);
        return page.query(jdbc, DISTRIBUTION_MEMBER_COLUMNS, where.from(), where.parameters(),
                (rs, row) -> distributionMember(rs));
    }

    /** Every member of a distribution, in this order (the report's export); how many. */
    long eachDistributionMember(UUID id, @Nullable String outcome, SqlPage order,
            Consumer<GiftViews.DistributionMemberView> sink) {
        Where where = membersWhere(id, outcome);
        return order.each(jdbc, "", DISTRIBUTION_MEMBER_COLUMNS, where.from(), where.parameters(), FETCH,
                (rs, row) -> distributionMember(rs), sink);
    }

    private static Where membersWhere(UUID id, @Nullable String outcome) {
        StringBuilder from = new StringBuilder("from gift_distribution_member dm left join member p on"
                + " p.id = dm.member_id where dm.distribution_id = :id");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        if ("PENDING".equals(outcome)) {
            from.append(" and dm.outcome is null");
        } else if (outcome != null) {
            from.append(" and dm.outcome = :outcome");
            parameters.put("outcome", outcome);
        }
        return new Where(from.toString(), parameters);
    }

    // --- statistics per member

    static final Map<String, String> MEMBER_STATS_SORTABLE = Map.of("quantity", "s.quantity", "points", "s.points",
            "redemptions", "s.redemptions", "lastAt", "s.last_at", "name", "m.name");
    static final String MEMBER_STATS_TIE_BREAKER = "m.id";
    private static final String MEMBER_STATS_COLUMNS = "m.id, m.name, m.phone, s.redemptions, s.quantity, s.points,"
            + " s.gifts, s.given, s.last_at";
    private static final String MEMBER_STATS_FROM = "from (select member_id, count(*) redemptions,"
            + " sum(quantity) quantity, sum(points) points, count(distinct gift_id) gifts,"
            + " coalesce(sum(quantity) filter (where channel = 'BATCH'), 0) given, max(created_at) last_at"
            + " from gift_redemption where status <> 'CANCELLED'%s group by member_id) s join member m"
            + " on m.id = s.member_id";

    /** Which members: who redeemed a gift (all gifts: null), a phone or name (part). */
    record MemberStatsFilter(@Nullable UUID gift, @Nullable String search) {
    }

    PageResult<GiftViews.MemberStatsView> memberStats(MemberStatsFilter filter, SqlPage page) {
        Where where = where(filter);
        return page.query(jdbc, MEMBER_STATS_COLUMNS, where.from(), where.parameters(), (rs, row) -> memberStats(rs));
    }

    long eachMemberStats(MemberStatsFilter filter, SqlPage order, Consumer<GiftViews.MemberStatsView> sink) {
        Where where = where(filter);
        return order.each(jdbc, "", MEMBER_STATS_COLUMNS, where.from(), where.parameters(), FETCH,
                (rs, row) -> memberStats(rs), sink);
    }

    private static Where where(MemberStatsFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder from = new StringBuilder(MEMBER_STATS_FROM.formatted(filter.gift() == null ? ""
                : " and gift_id = :gift") + " where true");
        if (filter.gift() != null) {
            parameters.put("gift", filter.gift());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            from.append(" and (m.phone like :search or m.name like :search)");
            parameters.put("search", like(filter.search()));
        }
        return new Where(from.toString(), parameters);
    }

    private static GiftViews.MemberStatsView memberStats(ResultSet rs) throws SQLException {
        return new GiftViews.MemberStatsView(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getString("phone"), rs.getLong("redemptions"), rs.getLong("quantity"), rs.getLong("points"),
                rs.getLong("gifts"), rs.getLong("given"), rs.getObject("last_at", OffsetDateTime.class).toInstant());
    }

    private static GiftViews.DistributionView distribution(ResultSet rs) throws SQLException {
        OffsetDateTime started = rs.getObject("started_at", OffsetDateTime.class);
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new GiftViews.DistributionView(rs.getObject("id", UUID.class), rs.getObject("gift_id", UUID.class),
                rs.getString("gift_name"), rs.getLong("gift_stock"), rs.getString("title"), rs.getInt("quantity"),
                GiftDistributionStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("started_by"),
                started == null ? null : started.toInstant(), finished == null ? null : finished.toInstant(),
                rs.getLong("members"), rs.getLong("done"), rs.getLong("given"), rs.getLong("skipped"),
                rs.getLong("out_of_stock"), rs.getLong("member_limit"), rs.getLong("gone"), rs.getLong("version"));
    }

    private static GiftViews.DistributionMemberView distributionMember(ResultSet rs) throws SQLException {
        return new GiftViews.DistributionMemberView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class));
    }

    private static String like(String search) {
        return "%" + search.strip().replace("%", "").replace("_", "") + "%";
    }

    private GiftViews.GiftView gift(ResultSet rs) throws SQLException {
        long stock = rs.getLong("stock");
        int lowAt = rs.getInt("low_stock_at");
        return new GiftViews.GiftView(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getString("description"), rs.getLong("points_price"), rs.getObject("member_limit", Integer.class),
                lowAt, GiftStatus.valueOf(rs.getString("status")), stock, stock <= lowAt,
                rs.getLong("redeemed_quantity"), rs.getLong("redeemed_points"), rs.getLong("redeeming_members"),
                rs.getLong("given_quantity"), photos.views(TenantContext.require().storeCode(),
                        SqlPage.strings(rs, "photos")),
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
