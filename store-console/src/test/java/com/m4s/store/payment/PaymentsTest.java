package com.m4s.store.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.security.Departments;
import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.LoyaltyScenarioTest;
import com.m4s.store.support.StoreConsoleTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Payments (WAL-3, WAL-4, decision 0045) as scenarios through the API: a desk payment split across wallet, points and
 * cash that waits for the owner's confirmation and shows in the day's reconciliation; partial refunds that give each
 * part back exactly by the documented rule and take back the order's earned points alike; an owner paying in the app;
 * the problems for bad input in both languages; two payments of one order racing. Each asserts the exact ledger
 * entries and events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentsTest extends LoyaltyScenarioTest {

    private static final String STORE = "pay_x";
    private static final String BASE = "/api/stores/" + STORE;

    PaymentsTest() {
        super(STORE, "1380000");
    }

    @BeforeAll
    void store() {
        provision(STORE);
    }

    @Test
    void aDeskPaymentSplitAcrossWalletPointsAndCashWaitsForTheOwnerAndShowsInTheDaysReconciliation()
            throws SQLException {
        String member = member("到店付款");
        topUp(member, 20_000);
        addPoints(member, 8_000);
        // 300 labour + 150 oil, customer-paid; 80 of warranty parts the member does not pay
        String order = settledOrder(member, "PAY-RO-1", line(1, "LABOUR", null, "300.00", "CUSTOMER"),
                line(2, "PART", "OIL-5W30", "150.00", "CUSTOMER"), line(3, "PART", "BRAKE-W", "80.00", "WARRANTY"));

        JsonNode quote = service().get(BASE + "/members/" + member + "/checkout?repairOrderId=" + order).json();
        assertThat(quote.path("grossFen").asLong()).as("the customer-paid lines only").isEqualTo(45_000);
        assertThat(quote.path("walletFen").asLong()).isEqualTo(20_000);
        assertThat(quote.path("pointsAvailable").asLong()).isEqualTo(8_000);
        assertThat(quote.path("pointsMax").asLong()).as("half of what is due, capped by what the member has")
                .isEqualTo(8_000);

        Api.Response paid = service().post(BASE + "/payments", pay(member, order, 20_000, 8_000, 17_000, "CASH",
                false), Map.of("Idempotency-Key", "desk-1"));
        assertThat(paid.status()).as(paid.raw()).isEqualTo(200);
        JsonNode p = paid.json().path("payment");
        assertThat(p.path("status").asString()).as("cash not seen in person").isEqualTo("PENDING_CONFIRMATION");
        assertThat(List.of(p.path("grossFen").asLong(), p.path("couponFen").asLong(), p.path("walletFen").asLong(),
                p.path("pointsUsed").asLong(), p.path("cashFen").asLong())).containsExactly(45_000L, 0L, 20_000L,
                        8_000L, 17_000L);
        assertThat(paid.json().path("refundableFen").asLong()).as("not confirmed yet").isZero();
        String id = p.path("id").asString();
        // the same request again answers the first payment; nothing is debited twice
        Api.Response again = service().post(BASE + "/payments", pay(member, order, 20_000, 8_000, 17_000, "CASH",
                false), Map.of("Idempotency-Key", "desk-1"));
        assertThat(again.json().path("payment").path("id").asString()).isEqualTo(id);
        assertThat(walletEntries(member)).containsExactly("TOP_UP 20000 0", "SPEND -20000 0");
        assertThat(points(member)).containsExactly("ADJUST 8000 STAFF_ADJUSTMENT", "GRANT_PENDING 0 REPAIR_ORDER_LINE",
                "GRANT_PENDING 0 REPAIR_ORDER_LINE", "GRANT_PENDING 0 REPAIR_ORDER_LINE", "REDEEM -8000 PAYMENT");

        // the owner confirms in the app
        Api owner = owner(member, "pay-owner-1");
        JsonNode mine = owner.get(BASE + "/me/payments").json().path("content");
        assertThat(mine.get(0).path("status").asString()).isEqualTo("PENDING_CONFIRMATION");
        Api.Response confirmed = owner.post(BASE + "/me/payments/" + id + "/confirmation", Map.of());
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        assertThat(confirmed.json().path("payment").path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().path("refundableFen").asLong()).isEqualTo(45_000);
        assertThat(paymentEvents(member)).containsExactly("PaymentMade PENDING_CONFIRMATION 45000 0 20000 8000 17000",
                "PaymentConfirmed CONFIRMED 45000 0 20000 8000 17000");

        // the day's reconciliation for the advisor who took it
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String advisor = TestUsers.staff(GROUP, STORE, Departments.SERVICE);
        JsonNode totals = manager().get(BASE + "/payments/totals?from=" + today + "&to=" + today + "&takenBy="
                + advisor + "&search=PAY-RO-1").json();
        assertThat(totals.size()).isEqualTo(1);
        assertThat(totals.get(0).path("payments").asLong()).isEqualTo(1);
        assertThat(totals.get(0).path("cashFen").asLong()).isEqualTo(17_000);
        assertThat(totals.get(0).path("cashByMethod").path("CASH").asLong()).isEqualTo(17_000);
        assertThat(totals.get(0).path("walletFen").asLong()).isEqualTo(20_000);
        assertThat(totals.get(0).path("pending").asLong()).isZero();
        JsonNode list = manager().get(BASE + "/payments?from=" + today + "&search=PAY-RO-1").json();
        assertThat(list.path("totalElements").asLong()).isEqualTo(1);
        assertThat(manager().get(BASE + "/payments/export?from=" + today).status()).isEqualTo(200);
        assertLedgersConsistent();
    }

    @Test
    void partialRefundsGiveEachPartBackInProportionAndTakeTheOrdersEarnedPointsBackAlike() {
        String member = member("部分退款");
        topUp(member, 30_000);
        addPoints(member, 10_000);
        String order = settledOrder(member, "PAY-RO-2", line(1, "LABOUR", null, "400.00", "CUSTOMER"),
                line(2, "PART", "PAD-F", "200.00", "CUSTOMER"));
        assertThat(pending(member)).as("1 point per customer-paid yuan, pending through the refund window")
                .isEqualTo(600);
        Api.Response paid = service().post(BASE + "/payments", pay(member, order, 30_000, 10_000, 20_000, "CARD",
                true));
        assertThat(paid.status()).as(paid.raw()).isEqualTo(200);
        String id = paid.json().path("payment").path("id").asString();
        assertThat(paid.json().path("payment").path("status").asString()).as("seen in person").isEqualTo("CONFIRMED");

        // a quarter: cash 20000, wallet 30000, points 10000 each give a quarter back, and a quarter of each line's
        // points (400 → 100, 200 → 50)
        JsonNode r1 = refund(id, 15_000, "退一半工时");
        assertThat(split(r1, 0)).containsExactly(15_000L, 5_000L, 7_500L, 2_500L, 150L);
        // 10001 of the 45000 left (cash 15000, wallet 22500, points 7500): floors 3333 + 5000 + 1666 = 9999, the two
        // fen left to the largest remainders (points 37500/45000, cash 30000/45000); lines 300 → 66, 150 → 33
        JsonNode r2 = refund(id, 10_001, "配件退货");
        assertThat(split(r2, 1)).containsExactly(10_001L, 3_334L, 5_000L, 1_667L, 99L);
        assertThat(r2.path("payment").path("status").asString()).isEqualTo("PARTLY_REFUNDED");
        assertProblem(manager().post(BASE + "/payments/" + id + "/refunds", Map.of("amountFen", 35_000,
                "reason", "多退")), 422, "payment-refund-exceeds", "不能退 350.00 元：这笔收款只剩 349.99 元未退。");
        assertProblem(manager().get(BASE + "/payments/" + id + "/refund-preview?amountFen=35000"), 422,
                "payment-refund-exceeds", "不能退 350.00 元：这笔收款只剩 349.99 元未退。");
        // the rest returns every part whole
        JsonNode r3 = refund(id, 34_999, "整单退");
        assertThat(split(r3, 2)).containsExactly(34_999L, 11_666L, 17_500L, 5_833L, 351L);
        assertThat(r3.path("payment").path("status").asString()).isEqualTo("REFUNDED");
        assertThat(r3.path("refundableFen").asLong()).isZero();
        assertProblem(manager().post(BASE + "/payments/" + id + "/refunds", Map.of("amountFen", 1, "reason", "再退")),
                409, "payment-move-not-allowed", null);
        assertProblem(manager().get(BASE + "/payments/" + id + "/refund-preview?amountFen=1"), 409,
                "payment-move-not-allowed", null);

        assertThat(walletEntries(member)).containsExactly("TOP_UP 30000 0", "SPEND -30000 0", "REFUND 7500 0",
                "REFUND 5000 0", "REFUND 17500 0");
        assertThat(points(member)).containsExactly("ADJUST 10000 STAFF_ADJUSTMENT", "GRANT_PENDING 0 REPAIR_ORDER_LINE",
                "GRANT_PENDING 0 REPAIR_ORDER_LINE", "REDEEM -10000 PAYMENT", "REDEEM_RETURN 2500 PAYMENT",
                "REFUND 0 REPAIR_ORDER_LINE", "REFUND 0 REPAIR_ORDER_LINE", "REDEEM_RETURN 1667 PAYMENT",
                "REFUND 0 REPAIR_ORDER_LINE", "REFUND 0 REPAIR_ORDER_LINE", "REDEEM_RETURN 5833 PAYMENT",
                "REFUND 0 REPAIR_ORDER_LINE", "REFUND 0 REPAIR_ORDER_LINE");
        assertThat(pending(member)).as("every earned point taken back").isZero();
        assertThat(available(member)).as("every point paid given back").isEqualTo(10_000);
        assertThat(paymentEvents(member)).containsExactly("PaymentMade CONFIRMED 60000 0 30000 10000 20000",
                "PaymentRefunded 15000 5000 7500 2500 150", "PaymentRefunded 10001 3334 5000 1667 99",
                "PaymentRefunded 34999 11666 17500 5833 351");
        // a replay of a refund answers as the first did, and nothing is posted again
        Api.Response replay = manager().post(BASE + "/payments/" + id + "/refunds", Map.of("amountFen", 15_000,
                "reason", "退一半工时"), Map.of("Idempotency-Key", "refund-0"));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("refunds").get(0).path("id").asString())
                .isEqualTo(r3.path("refunds").get(0).path("id").asString());
        assertThat(strings("select count(*) from store_" + STORE + ".payment_refund where payment_id = ?::uuid",
                java.util.UUID.fromString(id))).containsExactly("3");
        assertLedgersConsistent();
    }

    @Test
    void aPaymentWithCouponsWalletAndPointsIsRefundedHalfThenWholeAndTheCouponsComeBackOnlyWithTheWhole() {
        String member = member("用券付款");
        topUp(member, 20_000);
        addPoints(member, 10_000);
        String labour = issue(coupon("工时8折", "PERCENT", "LABOUR", "常规", Map.of("percentOff", 20, "capFen",
                20_000)), member);
        String over300 = issue(coupon("满300减50", "THRESHOLD", "ORDER", "常规", Map.of("valueFen", 5_000,
                "thresholdFen", 30_000)), member);
        String voucher = issue(coupon("100元代金券", "CASH", "ORDER", null, Map.of("valueFen", 10_000)), member);
        String doubled = issue(coupon("双倍积分", "POINTS_MULTIPLIER", "ORDER", "常规", Map.of("pointsMultiplier", 2)),
                member);
        String order = settledOrder(member, "PAY-RO-7", line(1, "LABOUR", null, "400.00", "CUSTOMER"),
                line(2, "PART", "PAD-R", "200.00", "CUSTOMER"));

        // labour 400 × 20% = 80, then 满300 on the 600 list price = 50: 130 and double points, against 100 alone
        String sheet = BASE + "/members/" + member + "/checkout?repairOrderId=" + order;
        JsonNode quote = service().get(sheet).json();
        assertThat(quote.path("recommended").path("coupons").valueStream().map(c -> c.path("name").asString()
                + " " + c.path("discountFen").asLong()).toList())
                .containsExactly("工时8折 8000", "满300减50 5000", "双倍积分 0");
        assertThat(quote.path("recommended").path("dueFen").asLong()).isEqualTo(47_000);
        assertThat(quote.path("recommended").path("pointsMultiplier").asInt()).isEqualTo(2);
        assertThat(quote.path("explanation").asString()).contains("100元代金券").contains("多省 30.00 元");
        // choosing the voucher instead is worked out; combining it with the others is refused
        JsonNode other = service().get(sheet + "&choose=true&coupons=" + voucher).json();
        assertThat(other.path("chosen").path("dueFen").asLong()).isEqualTo(50_000);
        assertThat(service().get(sheet + "&choose=true&coupons=" + voucher + "," + labour).status()).isEqualTo(422);

        Map<String, Object> pay = pay(member, order, 20_000, 10_000, 17_000, "WECHAT_QR", true);
        pay.put("coupons", List.of(labour, over300, doubled));
        Api.Response paid = service().post(BASE + "/payments", pay);
        assertThat(paid.status()).as(paid.raw()).isEqualTo(200);
        JsonNode p = paid.json().path("payment");
        assertThat(List.of(p.path("grossFen").asLong(), p.path("couponFen").asLong(), p.path("walletFen").asLong(),
                p.path("pointsUsed").asLong(), p.path("cashFen").asLong(), p.path("bonusPoints").asLong()))
                .containsExactly(60_000L, 13_000L, 20_000L, 10_000L, 17_000L, 600L);
        assertThat(couponStates(member)).containsExactly("100元代金券 AVAILABLE", "双倍积分 USED", "工时8折 USED",
                "满300减50 USED");
        assertThat(pending(member)).as("600 for the lines and 600 more for the double points").isEqualTo(1_200);
        String id = p.path("id").asString();

        // half of what was paid: each part half, each line's points and the extra points half; coupons stay used
        assertThat(refundPreview(id, 23_500).path("restoresCoupons").asBoolean()).isFalse();
        assertThat(refundPreview(id, 47_000).path("restoresCoupons").asBoolean()).as("a refund of all").isTrue();
        JsonNode half = refund(id, 23_500, "刹车片退货");
        assertThat(split(half, 0)).containsExactly(23_500L, 8_500L, 10_000L, 5_000L, 600L);
        assertThat(half.path("refunds").get(0).path("couponsRestored").asInt()).isZero();
        assertThat(couponStates(member)).containsExactly("100元代金券 AVAILABLE", "双倍积分 USED", "工时8折 USED",
                "满300减50 USED");
        // the rest: every part whole, every earned point back, the coupons restored while still valid
        assertThat(refundPreview(id, 23_500).path("restoresCoupons").asBoolean()).isTrue();
        JsonNode whole = refund(id, 23_500, "整单取消");
        assertThat(split(whole, 1)).containsExactly(23_500L, 8_500L, 10_000L, 5_000L, 600L);
        assertThat(whole.path("refunds").get(1).path("couponsRestored").asInt()).isEqualTo(3);
        assertThat(couponStates(member)).containsExactly("100元代金券 AVAILABLE", "双倍积分 AVAILABLE",
                "工时8折 AVAILABLE", "满300减50 AVAILABLE");
        assertThat(pending(member)).isZero();
        assertThat(available(member)).isEqualTo(10_000);
        assertThat(walletEntries(member)).containsExactly("TOP_UP 20000 0", "SPEND -20000 0", "REFUND 10000 0",
                "REFUND 10000 0");
        assertThat(strings("select event_type from console.event_outbox where topic = 'm4s.coupon'"
                + " and payload->>'memberId' = ? and event_type in ('CouponUsed', 'CouponRestored') order by id",
                member)).containsExactly("CouponUsed", "CouponUsed", "CouponUsed", "CouponRestored", "CouponRestored",
                        "CouponRestored");
        assertLedgersConsistent();
    }

    @Test
    void anOwnerPaysAnOrderFromTheWalletInTheApp() throws SQLException {
        String member = member("App 付款");
        topUp(member, 50_000);
        String order = settledOrder(member, "PAY-RO-3", line(1, "LABOUR", null, "260.00", "CUSTOMER"));
        Api owner = owner(member, "pay-owner-3");
        JsonNode payables = owner.get(BASE + "/me/payables").json();
        assertThat(payables.size()).isEqualTo(1);
        assertThat(payables.get(0).path("dmsNumber").asString()).isEqualTo("PAY-RO-3");
        assertThat(payables.get(0).path("totalFen").asLong()).isEqualTo(26_000);
        JsonNode sheet = owner.get(BASE + "/me/repair-orders/" + order + "/checkout").json();
        assertThat(sheet.path("recommended").path("dueFen").asLong()).isEqualTo(26_000);
        assertProblem(owner.post(BASE + "/me/repair-orders/" + order + "/payments", Map.of("walletFen", 20_000,
                "points", 0)), 422, "payment-split-mismatch", "用券后应付 260.00 元，钱包、积分和现金合计 200.00 元。");
        Api.Response paid = owner.post(BASE + "/me/repair-orders/" + order + "/payments", Map.of("walletFen", 26_000,
                "points", 0), Map.of("Idempotency-Key", "app-1"));
        assertThat(paid.status()).as(paid.raw()).isEqualTo(200);
        assertThat(paid.json().path("payment").path("channel").asString()).isEqualTo("APP");
        assertThat(paid.json().path("payment").path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(owner.get(BASE + "/me/payables").json().size()).as("nothing left to pay").isZero();
        assertProblem(owner.get(BASE + "/me/repair-orders/" + order + "/checkout"), 409, "repair-order-paid",
                "工单 PAY-RO-3 已经付过款。");
        assertThat(owner.get(BASE + "/me/wallet").json().path("total").asLong()).isEqualTo(24_000);
        assertThat(paymentEvents(member)).containsExactly("PaymentMade CONFIRMED 26000 0 26000 0 0");
        // another member's payment is not the owner's
        String other = member("别人");
        topUp(other, 10_000);
        String otherOrder = settledOrder(other, "PAY-RO-4", line(1, "LABOUR", null, "50.00", "CUSTOMER"));
        Api.Response theirs = service().post(BASE + "/payments", pay(other, otherOrder, 5_000, 0, 0, null, false));
        assertThat(theirs.status()).as(theirs.raw()).isEqualTo(200);
        assertThat(owner.get(BASE + "/me/payments/" + theirs.json().path("payment").path("id").asString())
                .status()).isEqualTo(404);
        assertThat(owner.get(BASE + "/me/repair-orders/" + otherOrder + "/checkout").status()).isEqualTo(422);
    }

    @Test
    void badPaymentsAreRefusedWithAProblemAndNothingMoves() throws Exception {
        String member = member("错误付款");
        topUp(member, 10_000);
        addPoints(member, 3_000);
        String order = settledOrder(member, "PAY-RO-5", line(1, "LABOUR", null, "100.00", "CUSTOMER"));
        assertProblem(service().post(BASE + "/payments", pay(member, order, 5_000, 0, 4_000, "CASH", false)), 422,
                "payment-split-mismatch", "用券后应付 100.00 元，钱包、积分和现金合计 90.00 元。");
        assertProblem(service().post(BASE + "/payments", pay(member, order, 5_000, 0, 5_000, null, false)), 422,
                "payment-cash-method-required", null);
        Api.Response over = as(TestUsers.staff(GROUP, STORE, Departments.SERVICE)).post(BASE + "/payments",
                pay(member, order, 0, 6_000, 4_000, "CASH", false), Map.of("Accept-Language", "en"));
        assertProblem(over, 422, "payment-points-over-share",
                "6,000 points cannot pay this: at most 5,000 points (50% of what is due).");
        String other = member("他人");
        assertProblem(service().post(BASE + "/payments", pay(other, order, 0, 0, 10_000, "CASH", true)), 422,
                "payment-order-other-member", null);
        String open = openOrder(member, "PAY-RO-6");
        assertProblem(service().post(BASE + "/payments", pay(member, open, 0, 0, 10_000, "CASH", true)), 409,
                "repair-order-not-payable", null);
        assertThat(as(TestUsers.staff(GROUP, STORE, Departments.FINANCE)).post(BASE + "/payments",
                pay(member, order, 0, 0, 10_000, "CASH", true)).status()).as("finance only reads").isEqualTo(403);
        assertThat(walletEntries(member)).containsExactly("TOP_UP 10000 0");
        assertThat(paymentEvents(member)).isEmpty();

        // two advisors take the same order at once: one payment, the other told it is paid
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Api.Response>> both = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(() -> service().post(BASE + "/payments", pay(member, order, 10_000, 0, 0, null, false)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> f : pool.invokeAll(both)) {
                statuses.add(f.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(walletEntries(member)).as("debited once").containsExactly("TOP_UP 10000 0", "SPEND -10000 0");
        assertLedgersConsistent();
    }
}
