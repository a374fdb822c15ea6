package com.m4s.store.payment;

import com.m4s.store.wallet.PaymentMethod;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Payments as the pages show them, read in plain SQL (decision 0021). */
@Component
public class PaymentViews {

    /** A payment as a row of a list: the member, what it paid for, the split, who took it, where it is. */
    public record PaymentRow(UUID id, UUID memberId, String memberName, String memberPhone,
            PaymentSubjectType subjectType, @Nullable UUID subjectId, String subjectRef, PaymentChannel channel,
            PaymentStatus status, long grossFen, long couponFen, long walletFen, long pointsUsed, long cashFen,
            @Nullable PaymentMethod cashMethod, int pointsMultiplier, long bonusPoints, long refundedFen,
            String takenBy, @Nullable String confirmedBy, @Nullable Instant confirmedAt, LocalDate businessDate,
            Instant createdAt, @Nullable String note, List<PaymentStatus.Move> allowed, long version) {
    }

    /** A coupon the payment used. */
    public record CouponUsedView(UUID memberCouponId, String name, long discountFen) {
    }

    /** A refund and exactly what it gave back. */
    public record RefundView(UUID id, long amountFen, long cashFen, long walletFen, long pointsReturned,
            long earnedPointsReversed, int couponsRestored, String reason, String createdBy, Instant createdAt) {
    }

    /** One payment with its coupons and refunds; {@code refundableFen}: what may still be refunded. */
    public record PaymentView(PaymentRow payment, List<CouponUsedView> coupons, List<RefundView> refunds,
            long refundableFen) {
    }

    static final String COLUMNS = "p.id, p.member_id, m.name member_name, m.phone member_phone, p.subject_type,"
            + " p.subject_id, p.subject_ref, p.channel, p.status, p.gross_fen, p.coupon_fen, p.wallet_fen,"
            + " p.points_used, p.cash_fen, p.cash_method, p.points_multiplier, p.bonus_points, p.refunded_fen,"
            + " p.taken_by, p.confirmed_by, p.confirmed_at, p.business_date, p.created_at, p.note, p.version";
    static final String FROM = "from payment p join member m on m.id = p.member_id";

    private final JdbcClient jdbc;

    PaymentViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public PaymentView view(UUID id) {
        PaymentRow row = jdbc.sql("select " + COLUMNS + " " + FROM + " where p.id = :id").param("id", id)
                .query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> new com.m4s.platform.web.ApiException.NotFound("payment", id));
        List<CouponUsedView> coupons = jdbc.sql("select member_coupon_id, name, discount_fen from payment_coupon"
                + " where payment_id = :id order by created_at, id").param("id", id)
                .query((rs, n) -> new CouponUsedView(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)))
                .list();
        List<RefundView> refunds = jdbc.sql("select id, amount_fen, cash_fen, wallet_fen, points_returned,"
                + " earned_points_reversed, coupons_restored, reason, created_by, created_at from payment_refund"
                + " where payment_id = :id order by created_at, id").param("id", id)
                .query((rs, n) -> new RefundView(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getInt(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10, OffsetDateTime.class).toInstant()))
                .list();
        long refundable = row.status().allows(PaymentStatus.Move.REFUND)
                ? row.walletFen() + row.pointsUsed() + row.cashFen() - row.refundedFen() : 0;
        return new PaymentView(row, coupons, refunds, refundable);
    }

    static PaymentRow row(ResultSet rs) throws SQLException {
        PaymentStatus status = PaymentStatus.valueOf(rs.getString("status"));
        String method = rs.getString("cash_method");
        OffsetDateTime confirmed = rs.getObject("confirmed_at", OffsetDateTime.class);
        return new PaymentRow(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
                rs.getString("member_name"), rs.getString("member_phone"),
                PaymentSubjectType.valueOf(rs.getString("subject_type")), rs.getObject("subject_id", UUID.class),
                rs.getString("subject_ref"), PaymentChannel.valueOf(rs.getString("channel")), status,
                rs.getLong("gross_fen"), rs.getLong("coupon_fen"), rs.getLong("wallet_fen"),
                rs.getLong("points_used"), rs.getLong("cash_fen"), method == null ? null : PaymentMethod.valueOf(method),
                rs.getInt("points_multiplier"), rs.getLong("bonus_points"), rs.getLong("refunded_fen"),
                rs.getString("taken_by"), rs.getString("confirmed_by"),
                confirmed == null ? null : confirmed.toInstant(), rs.getObject("business_date", LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("note"), status.allowed(),
                rs.getLong("version"));
    }
}
