package com.m4s.store.mall;

import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * The mall's orders in plain SQL (decision 0021): an order with its payment's split and its lines, an owner's orders,
 * the console's list; and a cart's lines priced as they are now.
 */
@Component
class MallOrderList {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "o.created_at", "grossFen", "o.gross_fen",
            "number", "o.number", "status", "o.status");
    static final String TIE_BREAKER = "o.id";
    static final int EXPORT_FETCH_SIZE = 500;
    private static final String ROW_COLUMNS = "o.id, o.number, o.member_id, m.name member_name,"
            + " m.phone member_phone, o.status, o.fulfilment, o.gross_fen, o.refunded_fen, o.created_at,"
            + " (select sum(l.quantity) from mall_order_line l where l.order_id = o.id) items,"
            + " (select string_agg(l.product_name, '、' order by l.line_no) from mall_order_line l"
            + " where l.order_id = o.id) summary";

    private static final String COLUMNS = "o.id, o.number, o.member_id, m.name member_name, m.phone member_phone,"
            + " o.status, o.fulfilment, o.gross_fen, o.refunded_fen, o.payment_id, p.status payment_status,"
            + " coalesce(p.coupon_fen, 0) coupon_fen, coalesce(p.wallet_fen, 0) wallet_fen,"
            + " coalesce(p.points_used, 0) points_used, coalesce(p.online_fen, 0) online_fen, o.pickup_code, o.note,"
            + " o.installation_at, o.repair_order_number, o.paid_at, o.ready_at, o.completed_at, o.completed_by,"
            + " o.cancelled_at, o.cancel_reason, o.created_at, o.version";
    private static final String FROM = "from mall_order o join member m on m.id = o.member_id"
            + " left join payment p on p.id = o.payment_id";

    /** Which orders: statuses, a way of fulfilment, an order number or a member's phone or name (part). */
    record Filter(@Nullable Collection<MallOrderStatus> statuses, @Nullable Fulfilment fulfilment,
            @Nullable String search) {
    }

    private final JdbcClient jdbc;

    MallOrderList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A cart's SKUs as they sell now (404 for an unknown SKU, 409 {@code mall-product-not-listed}); read without
     * locks, for the checkout sheet and an order's first price.
     */
    List<Products.Taken> price(Map<UUID, Integer> quantities) {
        Map<UUID, Products.Taken> found = new HashMap<>();
        Map<UUID, String> unlisted = new HashMap<>();
        jdbc.sql("select s.id, s.spec, coalesce(s.sale_price_fen, s.price_fen) price, p.id product_id, p.name,"
                + " p.category_id, p.status from product_sku s join product p on p.id = s.product_id"
                + " where s.id in (:ids)").param("ids", quantities.keySet()).query((rs, row) -> {
                    UUID sku = rs.getObject("id", UUID.class);
                    if (!ProductStatus.LISTED.name().equals(rs.getString("status"))) {
                        unlisted.put(sku, rs.getString("name"));
                    }
                    found.put(sku, new Products.Taken(rs.getObject("product_id", UUID.class), rs.getString("name"),
                            rs.getObject("category_id", UUID.class), sku, rs.getString("spec"), rs.getLong("price"),
                            quantities.get(sku)));
                    return sku;
                }).list();
        List<Products.Taken> taken = new ArrayList<>();
        for (UUID sku : quantities.keySet()) {
            if (!found.containsKey(sku)) {
                throw new ApiException.NotFound("product-sku", sku);
            }
            if (unlisted.containsKey(sku)) {
                throw new ApiException.Conflict("mall-product-not-listed", unlisted.get(sku));
            }
            taken.add(found.get(sku));
        }
        return taken;
    }

    Optional<MallOrderViews.MallOrderView> order(UUID id) {
        List<MallOrderViews.MallOrderView> one = withLines(jdbc.sql("select " + COLUMNS + " " + FROM + " where o.id = :id")
                .param("id", id).query((rs, row) -> view(rs)).list());
        return one.stream().findFirst();
    }

    PageResult<MallOrderViews.MallOrderView> ofMember(UUID member, SqlPage page) {
        PageResult<MallOrderViews.MallOrderView> found = page.query(jdbc, COLUMNS, FROM + " where o.member_id = :member",
                Map.of("member", member), (rs, row) -> view(rs));
        return new PageResult<>(withLines(found.content()), found.page(), found.size(), found.totalElements(),
                found.totalPages());
    }

    PageResult<MallOrderViews.MallOrderRow> orders(Filter filter, SqlPage page) {
        Where where = where(filter);
        return page.query(jdbc, ROW_COLUMNS, where.from(), where.parameters(), (rs, row) -> row(rs));
    }

    /** Every order the list shows for this filter, in its order, one at a time (an export); how many. */
    long eachOrder(Filter filter, SqlPage order, Consumer<MallOrderViews.MallOrderRow> sink) {
        Where where = where(filter);
        return order.each(jdbc, "", ROW_COLUMNS, where.from(), where.parameters(), EXPORT_FETCH_SIZE,
                (rs, row) -> row(rs), sink);
    }

    private record Where(String from, Map<String, Object> parameters) {
    }

    private static Where where(Filter filter) {
        StringBuilder from = new StringBuilder("from mall_order o join member m on m.id = o.member_id where true");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            from.append(" and o.status in (:statuses)");
            parameters.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.fulfilment() != null) {
            from.append(" and o.fulfilment = :fulfilment");
            parameters.put("fulfilment", filter.fulfilment().name());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            from.append(" and (o.number ilike :search or m.phone like :search or m.name like :search)");
            parameters.put("search", "%" + filter.search().strip().replace("%", "").replace("_", "") + "%");
        }
        return new Where(from.toString(), parameters);
    }

    private static MallOrderViews.MallOrderRow row(ResultSet rs) throws SQLException {
        return new MallOrderViews.MallOrderRow(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("member_id", UUID.class), rs.getString("member_name"), rs.getString("member_phone"),
                MallOrderStatus.valueOf(rs.getString("status")), Fulfilment.valueOf(rs.getString("fulfilment")),
                rs.getLong("gross_fen"), rs.getLong("refunded_fen"), rs.getInt("items"), rs.getString("summary"),
                instant(rs, "created_at"));
    }

    /** The orders with their lines, read in one statement. */
    private List<MallOrderViews.MallOrderView> withLines(List<MallOrderViews.MallOrderView> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        Map<UUID, List<MallOrderViews.MallOrderLineView>> byOrder = new HashMap<>();
        jdbc.sql("select order_id, id, sku_id, product_name, spec, quantity, unit_price_fen, amount_fen"
                + " from mall_order_line where order_id in (:ids) order by line_no")
                .param("ids", orders.stream().map(MallOrderViews.MallOrderView::id).toList()).query((rs, row) -> {
                    byOrder.computeIfAbsent(rs.getObject("order_id", UUID.class), k -> new ArrayList<>())
                            .add(new MallOrderViews.MallOrderLineView(rs.getObject("id", UUID.class),
                                    rs.getObject("sku_id", UUID.class), rs.getString("product_name"),
                                    rs.getString("spec"), rs.getInt("quantity"), rs.getLong("unit_price_fen"),
                                    rs.getLong("amount_fen")));
                    return row;
                }).list();
        return orders.stream().map(o -> new MallOrderViews.MallOrderView(o.id(), o.number(), o.memberId(), o.memberName(),
                o.memberPhone(), o.status(), o.fulfilment(), o.grossFen(), o.refundedFen(), o.paymentId(),
                o.paymentStatus(), o.couponFen(), o.walletFen(), o.pointsUsed(), o.onlineFen(), o.pickupCode(),
                o.note(), o.installationAt(), o.repairOrderNumber(), o.paidAt(), o.readyAt(), o.completedAt(),
                o.completedBy(), o.cancelledAt(), o.cancelReason(), o.createdAt(), o.allowed(), o.version(),
                byOrder.getOrDefault(o.id(), List.of()))).toList();
    }

    private static MallOrderViews.MallOrderView view(ResultSet rs) throws SQLException {
        MallOrderStatus status = MallOrderStatus.valueOf(rs.getString("status"));
        return new MallOrderViews.MallOrderView(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("member_id", UUID.class), rs.getString("member_name"), rs.getString("member_phone"),
                status, Fulfilment.valueOf(rs.getString("fulfilment")), rs.getLong("gross_fen"),
                rs.getLong("refunded_fen"), rs.getObject("payment_id", UUID.class), rs.getString("payment_status"),
                rs.getLong("coupon_fen"), rs.getLong("wallet_fen"), rs.getLong("points_used"), rs.getLong("online_fen"),
                rs.getString("pickup_code"), rs.getString("note"), instantOrNull(rs, "installation_at"),
                rs.getString("repair_order_number"), instantOrNull(rs, "paid_at"), instantOrNull(rs, "ready_at"),
                instantOrNull(rs, "completed_at"), rs.getString("completed_by"), instantOrNull(rs, "cancelled_at"),
                rs.getString("cancel_reason"), instant(rs, "created_at"), status.allowed(), rs.getLong("version"),
                List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
