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
            @Nullable PaymentMethod cashMethod, long onlineFen, @Nullable OnlineMethod onlineMethod, boolean disputed,
            int pointsMultiplier, long bonusPoints, long refundedFen,
            String takenBy, @Nullable String confirmedBy, @Nullable Instant confirmedAt, LocalDate businessDate,
            Instant createdAt, @Nullable String note, List<PaymentStatus.Move> allowed, long version) {
    }

    /** A coupon the payment used. */
    public record CouponUsedView(UUID memberCouponId, String name, long discountFen) {
    }

    /**
     * A refund and exactly what it gave back; {@code onlineStatus}: where its online part is at Stripe (PENDING,
     * SUCCEEDED, FAILED; null without one).
     */
    public record RefundView(UUID id, long amountFen, long cashFen, long walletFen, long pointsReturned,
            long onlineFen, @Nullable String onlineStatus, long earnedPointsReversed, int couponsRestored,
            String reason, String createdBy, Instant createdAt) {
    }

    /**
     * A payment's online part: the method, where it is, what the owner must do (a QR code to scan: {@code qrImage}
     * is a data URL, {@code qrData} what it encodes; or a page to go to: {@code redirectUrl}), why it failed;
     * {@code lateReturn}: where the money paid at Stripe after the payment had failed is on its way back (PENDING,
     * SUCCEEDED, FAILED; null when nothing came late).
     */
    public record OnlineView(OnlineMethod method, long amountFen, OnlinePaymentStatus status,
            @Nullable String intentId, @Nullable String actionType, @Nullable String qrData, @Nullable String qrImage,
            @Nullable String redirectUrl, @Nullable String failureCode, @Nullable String failureMessage,
            @Nullable Instant settledAt, @Nullable String lateReturn) {
    }

    /** A Stripe event received about the payment and what it changed. */
    public record WebhookView(String eventId, String type, String effect, Instant receivedAt) {
    }

    /**
     * One payment with its coupons and refunds, its online part and the Stripe events received about it (staff
     * only); {@code refundableFen}: what may still be refunded.
     */
    public record PaymentView(PaymentRow payment, List<CouponUsedView> coupons, List<RefundView> refunds,
            long refundableFen, @Nullable OnlineView online, List<WebhookView> webhooks) {

        /** The view an owner gets: without the Stripe events. */
        public PaymentView forOwner() {
            return new PaymentView(payment, coupons, refunds, refundableFen, online, List.of());
        }
    }

    static final String COLUMNS = "p.id, p.member_id, m.name member_name, m.phone member_phone, p.subject_type,"
            + " p.subject_id, p.subject_ref, p.channel, p.status, p.gross_fen, p.coupon_fen, p.wallet_fen,"
            + " p.points_used, p.cash_fen, p.cash_method, p.online_fen, p.online_method, p.disputed,"
            + " p.points_multiplier, p.bonus_points, p.refunded_fen,"
            + " p.taken_by, p.confirmed_by, p.confirmed_at, p.business_date, p.created_at, p.note, p.version";
    static final String FROM = "from payment p join member m on m.id = p.member_id";

    private final JdbcClient jdbc;

    PaymentViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One payment with its parts as of one moment (its queries share a snapshot: a refund lands in all or none). */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public PaymentView view(UUID id) {
        PaymentRow row = jdbc.sql("select " + COLUMNS + " " + FROM + " where p.id = :id").param("id", id)
                .query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> new com.m4s.platform.web.ApiException.NotFound("payment", id));
        List<CouponUsedView> coupons = jdbc.sql("select member_coupon_id, name, discount_fen from payment_coupon"
                + " where payment_id = :id order by created_at, id").param("id", id)
                .query((rs, n) -> new CouponUsedView(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)))
                .list();
        List<RefundView> refunds = jdbc.sql("select r.id, r.amount_fen, r.cash_fen, r.wallet_fen, r.points_returned,"
                + " r.online_fen, o.status, r.earned_points_reversed, r.coupons_restored, r.reason, r.created_by,"
                + " r.created_at from payment_refund r left join online_refund o on o.refund_id = r.id"
                + " where r.payment_id = :id order by r.created_at, r.id").param("id", id)
                .query((rs, n) -> new RefundView(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getLong(8), rs.getInt(9),
                        rs.getString(10), rs.getString(11), rs.getObject(12, OffsetDateTime.class).toInstant()))
                .list();
        long refundable = row.status().allows(PaymentStatus.Move.REFUND)
                ? row.walletFen() + row.pointsUsed() + row.cashFen() + row.onlineFen() - row.refundedFen() : 0;
        OnlineView online = jdbc.sql("select o.method, o.amount_fen, o.status, o.intent_id, o.action_type, o.qr_data,"
                + " o.qr_image, o.redirect_url, o.failure_code, o.failure_message, o.settled_at, l.status"
                + " from online_payment o left join online_refund l on l.payment_id = o.payment_id"
                + " and l.reason = 'LATE_PAYMENT' where o.payment_id = :id")
                .param("id", id)
                .query((rs, n) -> new OnlineView(OnlineMethod.valueOf(rs.getString(1)), rs.getLong(2),
                        OnlinePaymentStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        instant(rs.getObject(11, OffsetDateTime.class)), rs.getString(12)))
                .optional().orElse(null);
        List<WebhookView> webhooks = online == null ? List.of() : jdbc.sql("select event_id, type, effect,"
                + " received_at from payment_webhook where payment_id = :id order by received_at, event_id")
                .param("id", id)
                .query((rs, n) -> new WebhookView(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
        return new PaymentView(row, coupons, refunds, refundable, online, webhooks);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    static PaymentRow row(ResultSet rs) throws SQLException {
        PaymentStatus status = PaymentStatus.valueOf(rs.getString("status"));
        String method = rs.getString("cash_method");
        String online = rs.getString("online_method");
        OffsetDateTime confirmed = rs.getObject("confirmed_at", OffsetDateTime.class);
        return new PaymentRow(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
                rs.getString("member_name"), rs.getString("member_phone"),
                PaymentSubjectType.valueOf(rs.getString("subject_type")), rs.getObject("subject_id", UUID.class),
                rs.getString("subject_ref"), PaymentChannel.valueOf(rs.getString("channel")), status,
                rs.getLong("gross_fen"), rs.getLong("coupon_fen"), rs.getLong("wallet_fen"),
                rs.getLong("points_used"), rs.getLong("cash_fen"), method == null ? null : PaymentMethod.valueOf(method),
                rs.getLong("online_fen"), online == null ? null : OnlineMethod.valueOf(online),
                rs.getBoolean("disputed"),
                rs.getInt("points_multiplier"), rs.getLong("bonus_points"), rs.getLong("refunded_fen"),
                rs.getString("taken_by"), rs.getString("confirmed_by"),
                confirmed == null ? null : confirmed.toInstant(), rs.getObject("business_date", LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("note"), status.allowed(),
                rs.getLong("version"));
    }
}
