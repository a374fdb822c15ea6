package com.m4s.store.payment;

import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.Problems;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.export.ExcelColumn;
import com.m4s.store.export.ExcelTable;
import com.m4s.store.wallet.PaymentMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
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
 * The store's payments in plain SQL, one statement per page (decision 0021): the reconciliation list (对账) of a day or
 * days, per advisor, and its totals; a member's consumption records.
 */
@Component
public class PaymentList {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "p.created_at", "grossFen", "p.gross_fen",
            "cashFen", "p.cash_fen", "takenBy", "p.taken_by", "status", "p.status", "businessDate", "p.business_date");
    static final String TIE_BREAKER = "p.id";
    static final int EXPORT_FETCH_SIZE = 500;

    /** The list as an Excel file: what the list shows, amounts in yuan, words in the caller's language. */
    static final ExcelTable<PaymentViews.PaymentRow> EXPORT = ExcelTable.of("payments",
            ExcelColumn.text("businessDate", p -> p.businessDate().toString()),
            ExcelColumn.dateTime("createdAt", PaymentViews.PaymentRow::createdAt),
            ExcelColumn.text("takenBy", PaymentViews.PaymentRow::takenBy),
            ExcelColumn.text("memberName", PaymentViews.PaymentRow::memberName),
            ExcelColumn.text("memberPhone", PaymentViews.PaymentRow::memberPhone),
            ExcelColumn.text("subject", PaymentViews.PaymentRow::subjectRef),
            ExcelColumn.text("channel", p -> Problems.message("export.payments.channel." + p.channel())),
            ExcelColumn.money("grossFen", p -> yuan(p.grossFen())),
            ExcelColumn.money("couponFen", p -> yuan(p.couponFen())),
            ExcelColumn.money("walletFen", p -> yuan(p.walletFen())),
            ExcelColumn.integer("pointsUsed", PaymentViews.PaymentRow::pointsUsed),
            ExcelColumn.money("cashFen", p -> yuan(p.cashFen())),
            ExcelColumn.text("cashMethod", p -> p.cashMethod() == null ? null
                    : Problems.message("export.payments.method." + p.cashMethod())),
            ExcelColumn.money("onlineFen", p -> yuan(p.onlineFen())),
            ExcelColumn.text("onlineMethod", p -> p.onlineMethod() == null ? null
                    : Problems.message("export.payments.online." + p.onlineMethod())),
            ExcelColumn.money("refundedFen", p -> yuan(p.refundedFen())),
            ExcelColumn.text("status", p -> Problems.message("export.payments.status." + p.status())),
            ExcelColumn.text("confirmedBy", PaymentViews.PaymentRow::confirmedBy));

    /** What the list shows: a range of business days, an advisor, channel, statuses, a member, or a name/phone/ref. */
    public record Filter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String takenBy,
            @Nullable PaymentChannel channel, @Nullable Collection<PaymentStatus> statuses, @Nullable UUID member,
            @Nullable String search) {
    }

    /** One day and advisor's totals: what reconciliation checks against the till. */
    public record DayTotal(LocalDate businessDate, String takenBy, long payments, long grossFen, long couponFen,
            long walletFen, long pointsUsed, long cashFen, Map<PaymentMethod, Long> cashByMethod, long onlineFen,
            long refundedFen, long pending) {
    }

    private final JdbcClient jdbc;

    PaymentList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Where(String from, Map<String, Object> parameters) {
    }

    private Where where(Filter filter) {
        StringBuilder from = new StringBuilder(PaymentViews.FROM + " where true");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.from() != null) {
            from.append(" and p.business_date >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            from.append(" and p.business_date <= :to");
            parameters.put("to", filter.to());
        }
        if (filter.takenBy() != null && !filter.takenBy().isBlank()) {
            from.append(" and p.taken_by = :takenBy");
            parameters.put("takenBy", filter.takenBy().strip());
        }
        if (filter.channel() != null) {
            from.append(" and p.channel = :channel");
            parameters.put("channel", filter.channel().name());
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            from.append(" and p.status in (:statuses)");
            parameters.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.member() != null) {
            from.append(" and p.member_id = :member");
            parameters.put("member", filter.member());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            from.append(" and (m.phone like :search or m.name like :search or p.subject_ref like :search)");
            parameters.put("search", "%" + filter.search().strip().replace("%", "").replace("_", "") + "%");
        }
        return new Where(from.toString(), parameters);
    }

    PageResult<PaymentViews.PaymentRow> page(Filter filter, SqlPage page) {
        Where where = where(filter);
        return page.query(jdbc, PaymentViews.COLUMNS, where.from(), where.parameters(),
                (rs, row) -> PaymentViews.row(rs));
    }

    long each(Filter filter, SqlPage order, Consumer<PaymentViews.PaymentRow> sink) {
        Where where = where(filter);
        return order.each(jdbc, "", PaymentViews.COLUMNS, where.from(), where.parameters(), EXPORT_FETCH_SIZE,
                (rs, row) -> PaymentViews.row(rs), sink);
    }

    /**
     * The totals of each day and advisor the filter matches, newest day first: payments made only (an online attempt
     * still waiting or failed took no money).
     */
    List<DayTotal> totals(Filter filter) {
        Where where = where(filter);
        return jdbc.sql("select p.business_date, p.taken_by, count(*), sum(p.gross_fen), sum(p.coupon_fen),"
                + " sum(p.wallet_fen), sum(p.points_used), sum(p.cash_fen),"
                + " sum(p.cash_fen) filter (where p.cash_method = 'CASH'),"
                + " sum(p.cash_fen) filter (where p.cash_method = 'CARD'),"
                + " sum(p.cash_fen) filter (where p.cash_method = 'WECHAT_QR'),"
                + " sum(p.cash_fen) filter (where p.cash_method = 'ALIPAY_QR'),"
                + " sum(p.refunded_fen), count(*) filter (where p.status = 'PENDING_CONFIRMATION'),"
                + " sum(p.online_fen) " + where.from() + " and p.status not in ('AWAITING_ONLINE', 'FAILED')"
                + " group by p.business_date, p.taken_by order by p.business_date desc, p.taken_by")
                .params(where.parameters())
                .query((rs, n) -> {
                    Map<PaymentMethod, Long> byMethod = new java.util.EnumMap<>(PaymentMethod.class);
                    byMethod.put(PaymentMethod.CASH, rs.getLong(9));
                    byMethod.put(PaymentMethod.CARD, rs.getLong(10));
                    byMethod.put(PaymentMethod.WECHAT_QR, rs.getLong(11));
                    byMethod.put(PaymentMethod.ALIPAY_QR, rs.getLong(12));
                    return new DayTotal(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3),
                            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), byMethod,
                            rs.getLong(15), rs.getLong(13), rs.getLong(14));
                }).list();
    }

    private static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
