package com.m4s.store.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.security.Departments;
import com.m4s.platform.security.Role;
import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.LoyaltyScenarioTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The stored-value wallet (WAL-1, decision 0043) as scenarios through the API: a top-up with the store's bonus tier,
 * a spend taking principal before bonus, refunds returning exactly a spend's split, cash-outs (at once under the
 * threshold, else approved once by another manager), the problems for bad input in both languages, and who may do
 * what. Each scenario asserts the exact entries and the events published in the same transaction, and that each
 * wallet is the sum of its entries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalletsTest extends LoyaltyScenarioTest {

    private static final String STORE = "wal_x";
    private static final String BASE = "/api/stores/" + STORE;

    WalletsTest() {
        super(STORE, "1370000");
    }

    @BeforeAll
    void store() {
        provision(STORE);
        settings(List.of(tier(50_000, 5_000), tier(100_000, 12_000), tier(20_000, 1_000)), 50_000);
    }

    @Test
    void aTopUpGetsTheBonusOfTheHighestTierItMeetsInOneEntry() {
        String member = member("充值会员");
        Api.Response first = service().post(wallet(member) + "/top-ups", Map.of("amount", 60_000, "method", "WECHAT_QR",
                "note", "充600"), Map.of("Idempotency-Key", "t-1"));
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.json().path("principalDelta").asLong()).isEqualTo(60_000);
        assertThat(first.json().path("bonusDelta").asLong()).as("the 500 tier, not 200 + 500").isEqualTo(5_000);
        assertThat(service().post(wallet(member) + "/top-ups", Map.of("amount", 100_000, "method", "CASH"))
                .json().path("bonusDelta").asLong()).isEqualTo(12_000);
        assertThat(service().post(wallet(member) + "/top-ups", Map.of("amount", 19_999, "method", "CARD"))
                .json().path("bonusDelta").asLong()).as("below every tier").isZero();
        // the same request again: the first entry, nothing posted twice
        Api.Response again = service().post(wallet(member) + "/top-ups", Map.of("amount", 60_000, "method",
                "WECHAT_QR", "note", "充600"), Map.of("Idempotency-Key", "t-1"));
        assertThat(again.json().path("entryId").asString()).isEqualTo(first.json().path("entryId").asString());

        JsonNode balance = manager().get(wallet(member)).json();
        assertThat(balance.path("principal").asLong()).isEqualTo(179_999);
        assertThat(balance.path("bonus").asLong()).isEqualTo(17_000);
        assertThat(balance.path("total").asLong()).isEqualTo(196_999);
        assertThat(entries(member)).containsExactly("TOP_UP 60000 5000 WECHAT_QR DESK_TOP_UP",
                "TOP_UP 100000 12000 CASH DESK_TOP_UP", "TOP_UP 19999 0 CARD DESK_TOP_UP");
        assertThat(events(member)).containsExactly("WalletToppedUp 60000 5000", "WalletToppedUp 100000 12000",
                "WalletToppedUp 19999 0");
        JsonNode history = manager().get(wallet(member) + "/entries?size=2").json();
        assertThat(history.path("totalElements").asLong()).isEqualTo(3);
        assertThat(history.path("content").get(0).path("method").asString()).as("newest first").isEqualTo("CARD");
        assertLedgerConsistent();
    }

    @Test
    void aSpendTakesPrincipalFirstThenBonusAndARefundReturnsExactlyItsSplit() {
        String member = member("消费会员");
        topUp(member, 50_000); // 500 + 50 bonus
        String order = repairOrder(member, "WAL-RO-1");
        Api.Response spent = service().post(wallet(member) + "/spends", Map.of("amount", 52_000, "repairOrderId",
                order));
        assertThat(spent.status()).as(spent.raw()).isEqualTo(200);
        assertThat(spent.json().path("principalDelta").asLong()).isEqualTo(-50_000);
        assertThat(spent.json().path("bonusDelta").asLong()).isEqualTo(-2_000);
        assertThat(spent.json().path("balance").path("bonus").asLong()).isEqualTo(3_000);
        String spend = spent.json().path("entryId").asString();
        Api.Response charge = service().post(wallet(member) + "/spends", Map.of("amount", 1_000, "description",
                "洗车"));
        assertThat(charge.json().path("bonusDelta").asLong()).as("no principal left").isEqualTo(-1_000);

        // partial refunds of the order's payment: its bonus first (spent last), then its principal
        String refunds = wallet(member) + "/entries/" + spend + "/refunds";
        Api.Response r1 = care().post(refunds, Map.of("amount", 3_000, "reason", "退一项工时"));
        assertThat(r1.status()).as(r1.raw()).isEqualTo(200);
        assertThat(r1.json().path("bonusDelta").asLong()).isEqualTo(2_000);
        assertThat(r1.json().path("principalDelta").asLong()).isEqualTo(1_000);
        assertProblem(care().post(refunds, Map.of("amount", 49_001, "reason", "多退")), 422,
                "wallet-refund-exceeds-spend", "不能退 490.01 元：这笔消费只剩 490.00 元未退。");
        Api.Response r2 = care().post(refunds, Map.of("amount", 49_000, "reason", "整单退"));
        assertThat(r2.json().path("principalDelta").asLong()).isEqualTo(49_000);
        assertThat(r2.json().path("bonusDelta").asLong()).isZero();
        assertProblem(care().post(refunds, Map.of("amount", 1, "reason", "再退")), 422,
                "wallet-refund-exceeds-spend", null);

        assertThat(entries(member)).containsExactly("TOP_UP 50000 5000 CASH DESK_TOP_UP",
                "SPEND -50000 -2000 null REPAIR_ORDER", "SPEND 0 -1000 null DESK_CHARGE",
                "REFUND 1000 2000 null REPAIR_ORDER", "REFUND 49000 0 null REPAIR_ORDER");
        assertThat(events(member)).containsExactly("WalletToppedUp 50000 5000", "WalletSpent -50000 -2000",
                "WalletSpent 0 -1000", "WalletRefunded 1000 2000", "WalletRefunded 49000 0");
        JsonNode balance = manager().get(wallet(member)).json();
        assertThat(balance.path("principal").asLong()).as("exactly the order's principal back").isEqualTo(50_000);
        assertThat(balance.path("bonus").asLong()).isEqualTo(4_000);
        JsonNode history = manager().get(wallet(member) + "/entries").json().path("content");
        assertThat(history.get(3).path("refundable").asLong()).as("the order's payment, fully refunded").isZero();
        assertThat(history.get(2).path("refundable").asLong()).as("the desk charge").isEqualTo(1_000);
        assertThat(history.get(3).path("sourceRef").asString()).isEqualTo("WAL-RO-1");
        assertLedgerConsistent();
    }

    @Test
    void aCashOutAboveTheThresholdIsPaidOnceWhenAnotherManagerApproves() {
        String member = member("提现会员");
        topUp(member, 100_000); // 1000 + 120 bonus
        // at or under 500 yuan: paid when asked
        Api.Response small = care().post(wallet(member) + "/cash-outs", Map.of("amount", 50_000, "reason", "退卡"));
        assertThat(small.status()).as(small.raw()).isEqualTo(200);
        assertThat(small.json().path("status").asString()).isEqualTo("PAID");
        assertProblem(care().post(wallet(member) + "/cash-outs", Map.of("amount", 50_001, "reason", "退卡")), 409,
                "insufficient-wallet-principal", "需退还 500.01 元，本金余额只有 500.00 元；赠送金额不可提现。");
        topUp(member, 30_000);
        Api.Response asked = manager().post(wallet(member) + "/cash-outs", Map.of("amount", 60_000, "method", "CARD",
                "reason", "客户转出"));
        assertThat(asked.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(manager().get(wallet(member)).json().path("principal").asLong()).as("nothing left yet")
                .isEqualTo(80_000);
        Api.Response other = manager().post(wallet(member) + "/cash-outs", Map.of("amount", 70_000, "reason", "再提"));
        assertThat(other.json().path("status").asString()).as("not reserved: checked when paid")
                .isEqualTo("PENDING");
        String id = asked.json().path("id").asString();
        String approval = BASE + "/wallet/cash-outs/" + id + "/approval";
        assertThat(care().post(approval, Map.of()).status()).as("managers only").isEqualTo(403);
        assertProblem(manager().post(approval, Map.of("note", "同意")), 409, "wallet-cash-out-own-request",
                "这笔提现是您申请的，须由另一位经理审批。");
        Api.Response approved = secondManager().post(approval, Map.of("note", "已核实"));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("PAID");
        assertThat(approved.json().path("decidedBy").asString()).isEqualTo(SECOND_MANAGER);
        Api.Response twice = secondManager().post(approval, Map.of("note", "再批一次"));
        assertThat(twice.json().path("decisionNote").asString()).as("approving twice posts once").isEqualTo("已核实");
        assertProblem(secondManager().post(BASE + "/wallet/cash-outs/" + id + "/rejection", Map.of("note", "晚了")),
                409, "wallet-cash-out-decided", null);

        // the other request now asks for more principal than is left; a rejection leaves the wallet as it was
        String otherId = other.json().path("id").asString();
        assertProblem(secondManager().post(BASE + "/wallet/cash-outs/" + otherId + "/approval", Map.of()), 409,
                "insufficient-wallet-principal", null);
        String rejection = BASE + "/wallet/cash-outs/" + otherId + "/rejection";
        assertProblem(secondManager().post(rejection, Map.of()), 422, "wallet-cash-out-note-required", null);
        assertThat(secondManager().post(rejection, Map.of("note", "客户撤回")).json().path("status").asString())
                .isEqualTo("REJECTED");

        assertThat(entries(member)).containsExactly("TOP_UP 100000 12000 CASH DESK_TOP_UP",
                "CASH_OUT -50000 0 CASH CASH_OUT", "TOP_UP 30000 1000 CASH DESK_TOP_UP",
                "CASH_OUT -60000 0 CARD CASH_OUT");
        assertThat(events(member)).containsExactly("WalletToppedUp 100000 12000", "WalletCashedOut -50000 0",
                "WalletToppedUp 30000 1000", "WalletCashOutRequested 60000", "WalletCashOutRequested 70000",
                "WalletCashedOut -60000 0", "WalletCashOutRejected 70000");
        JsonNode balance = manager().get(wallet(member)).json();
        assertThat(balance.path("principal").asLong()).isEqualTo(20_000);
        assertThat(balance.path("bonus").asLong()).as("bonus is never paid out").isEqualTo(13_000);
        JsonNode pending = manager().get(BASE + "/wallet/cash-outs?status=PENDING&search=" + phone(member)).json();
        assertThat(pending.path("totalElements").asLong()).isZero();
        JsonNode all = manager().get(BASE + "/wallet/cash-outs?member=" + member + "&sort=amount,asc").json();
        assertThat(all.path("content").valueStream().map(n -> n.path("status").asString()).toList())
                .containsExactly("PAID", "PAID", "REJECTED");
        assertThat(manager().download(BASE + "/wallet/cash-outs/export?member=" + member).status()).isEqualTo(200);
        assertLedgerConsistent();
    }

    @Test
    void badInputIsAProblemInTheCallersLanguageAndNothingMoves() {
        String member = member("出错会员");
        String someoneElse = member("别人");
        topUp(member, 10_000);
        assertProblem(service().post(wallet(member) + "/spends", Map.of("amount", 20_000, "description", "喷漆")),
                409, "insufficient-wallet-balance", "需要 200.00 元，钱包余额只有 100.00 元。");
        assertProblem(service().withLanguage("en").post(wallet(member) + "/spends", Map.of("amount", 20_000,
                "description", "paint")), 409, "insufficient-wallet-balance",
                "200.00 yuan are needed but the wallet holds only 100.00 yuan.");
        assertProblem(service().post(wallet(member) + "/spends", Map.of("amount", 100)), 422, "wallet-spend-source",
                null);
        assertProblem(service().post(wallet(member) + "/spends", Map.of("amount", 100, "description", "洗车",
                "repairOrderId", repairOrder(member, "WAL-RO-2"))), 422, "wallet-spend-source", null);
        assertProblem(service().post(wallet(member) + "/spends", Map.of("amount", 100, "repairOrderId",
                repairOrder(someoneElse, "WAL-RO-3"))), 422, "wallet-order-other-member",
                "工单 WAL-RO-3 属于其他会员：钱包只能支付本人的工单。");
        assertProblem(service().post(wallet(member) + "/spends", Map.of("amount", 100, "repairOrderId",
                "00000000-0000-0000-0000-000000000001")), 422, "wallet-order-unknown", null);
        assertThat(service().post(wallet(member) + "/top-ups", Map.of("amount", 0, "method", "CASH")).status())
                .isEqualTo(422);
        assertThat(service().post(wallet(member) + "/top-ups", Map.of("amount", 100, "method", "BITCOIN")).status())
                .isEqualTo(400);
        // the same key for another request
        assertThat(service().post(wallet(member) + "/top-ups", Map.of("amount", 100, "method", "CASH"),
                Map.of("Idempotency-Key", "k-1")).status()).isEqualTo(200);
        Api.Response reused = service().post(wallet(member) + "/top-ups", Map.of("amount", 200, "method", "CASH"),
                Map.of("Idempotency-Key", "k-1"));
        assertThat(reused.status()).as(reused.raw()).isIn(409, 422);
        // a spend that is not this member's, or not a spend
        String topUpEntry = manager().get(wallet(member) + "/entries").json().path("content").get(0).path("id")
                .asString();
        assertThat(care().post(wallet(member) + "/entries/" + topUpEntry + "/refunds", Map.of("amount", 1,
                "reason", "x")).status()).isEqualTo(404);
        assertThat(manager().get(BASE + "/members/00000000-0000-0000-0000-000000000001/wallet").status())
                .isEqualTo(404);
        // settings: a bonus not below its minimum, two tiers of one minimum
        Api.Response bad = manager().put(BASE + "/wallet/settings", Map.of("bonusTiers", List.of(tier(10_000,
                10_000)), "cashOutApprovalAbove", 50_000));
        assertProblem(bad, 422, "wallet-bonus-tier-invalid", null);
        assertProblem(manager().put(BASE + "/wallet/settings", Map.of("bonusTiers", List.of(tier(10_000, 100),
                tier(10_000, 200)), "cashOutApprovalAbove", 50_000)), 422, "wallet-bonus-tier-duplicate", null);
        assertThat(entries(member)).containsExactly("TOP_UP 10000 0 CASH DESK_TOP_UP", "TOP_UP 100 0 CASH DESK_TOP_UP");
        assertLedgerConsistent();
    }

    @Test
    void aTopUpTakenByMistakeIsUndoneOnceByAManagerWhileTheWalletStillHoldsIt() {
        String member = member("充错会员");
        Api.Response wrong = service().post(wallet(member) + "/top-ups", Map.of("amount", 50_000, "method", "CARD"));
        String entry = wrong.json().path("entryId").asString();
        assertThat(manager().get(wallet(member) + "/entries").json().path("content").get(0).path("refundable")
                .asLong()).as("what may be undone: principal and bonus").isEqualTo(55_000);
        String reversal = wallet(member) + "/entries/" + entry + "/reversal";
        assertThat(care().post(reversal, Map.of("reason", "金额输错")).status()).as("managers only").isEqualTo(403);
        Api.Response undone = manager().post(reversal, Map.of("reason", "金额输错，应为 5000 元"));
        assertThat(undone.status()).as(undone.raw()).isEqualTo(200);
        assertThat(undone.json().path("principalDelta").asLong()).isEqualTo(-50_000);
        assertThat(undone.json().path("bonusDelta").asLong()).isEqualTo(-5_000);
        assertThat(undone.json().path("balance").path("total").asLong()).isZero();
        Api.Response again = manager().post(reversal, Map.of("reason", "再撤一次"));
        assertThat(again.json().path("entryId").asString()).as("undone once: asking again answers that reversal")
                .isEqualTo(undone.json().path("entryId").asString());
        // a top-up partly spent cannot be undone until the payment is refunded
        String spentEntry = service().post(wallet(member) + "/top-ups", Map.of("amount", 20_000, "method", "CASH"))
                .json().path("entryId").asString();
        assertThat(service().post(wallet(member) + "/spends", Map.of("amount", 100, "description", "洗车")).status())
                .isEqualTo(200);
        assertProblem(manager().post(wallet(member) + "/entries/" + spentEntry + "/reversal", Map.of("reason",
                "充错")), 409, "wallet-top-up-spent", null);
        assertThat(manager().post(wallet(member) + "/entries/" + entry + "/refunds", Map.of("amount", 1, "reason",
                "x")).status()).as("a top-up is not a spend").isEqualTo(404);
        assertThat(entries(member)).containsExactly("TOP_UP 50000 5000 CARD DESK_TOP_UP",
                "TOP_UP_REVERSAL -50000 -5000 CARD DESK_TOP_UP", "TOP_UP 20000 1000 CASH DESK_TOP_UP",
                "SPEND -100 0 null DESK_CHARGE");
        assertThat(events(member)).containsExactly("WalletToppedUp 50000 5000", "WalletTopUpReversed -50000 -5000",
                "WalletToppedUp 20000 1000", "WalletSpent -100 0");
        assertLedgerConsistent();
    }

    @Test
    void staffDoWhatTheirDepartmentMayAndOwnersOnlyReadTheirOwnWallet() throws SQLException {
        String member = member("权限会员");
        String login = TestUsers.owner("wal-owner", STORE);
        try (Connection c = database.connect(); PreparedStatement u = c.prepareStatement("update store_" + STORE
                + ".member set owner_subject = ?, owner_username = ? where id = ?::uuid")) {
            u.setString(1, TestUsers.describe(login).path("id").asString());
            u.setString(2, login);
            u.setString(3, member);
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
        Api owner = as(login);
        assertThat(owner.post(wallet(member) + "/top-ups", Map.of("amount", 100, "method", "CASH")).status())
                .as("an owner cannot top up").isEqualTo(403);
        assertThat(owner.get(wallet(member)).status()).isEqualTo(403);
        assertThat(as(TestUsers.staff(GROUP, STORE, Departments.FINANCE)).post(wallet(member) + "/top-ups",
                Map.of("amount", 100, "method", "CASH")).status()).as("finance only reads").isEqualTo(403);
        assertThat(as(TestUsers.staff(GROUP, STORE, Departments.SALES)).post(wallet(member) + "/spends",
                Map.of("amount", 100, "description", "x")).status()).isEqualTo(403);
        assertThat(service().post(wallet(member) + "/cash-outs", Map.of("amount", 100, "reason", "x")).status())
                .isEqualTo(403);
        assertThat(care().put(BASE + "/wallet/settings", Map.of("bonusTiers", List.of(), "cashOutApprovalAbove", 0))
                .status()).isEqualTo(403);
        topUp(member, 20_000);
        assertThat(service().post(wallet(member) + "/spends", Map.of("amount", 5_000, "description", "机油"))
                .status()).isEqualTo(200);

        JsonNode mine = owner.get(BASE + "/me/wallet").json();
        assertThat(mine.path("principal").asLong()).isEqualTo(15_000);
        assertThat(mine.path("bonus").asLong()).isEqualTo(1_000);
        JsonNode history = owner.get(BASE + "/me/wallet/entries").json();
        assertThat(history.path("content").valueStream().map(n -> n.path("kind").asString()).toList())
                .containsExactly("SPEND", "TOP_UP");
        assertThat(manager().get(BASE + "/me/wallet").status()).as("staff have no own wallet").isEqualTo(403);
    }

    // --- helpers

    private static final String SECOND_MANAGER = "mgr2." + STORE;

    private Api secondManager() {
        return as(TestUsers.ensure(SECOND_MANAGER, Role.STORE_MANAGER, GROUP, List.of(STORE), null));
    }

    private static String wallet(String member) {
        return BASE + "/members/" + member + "/wallet";
    }

    private static Map<String, Object> tier(long min, long bonus) {
        return Map.of("minTopUp", min, "bonus", bonus);
    }

    private void settings(List<Map<String, Object>> tiers, long approvalAbove) {
        Api.Response r = manager().put(BASE + "/wallet/settings", Map.of("bonusTiers", tiers, "cashOutApprovalAbove",
                approvalAbove));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    private String phone(String member) {
        return strings("select phone from store_" + STORE + ".member where id = ?::uuid", member).getFirst();
    }

    private String repairOrder(String member, String number) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("dmsNumber", number);
        order.put("memberId", member);
        order.put("plate", "粤A12345");
        order.put("openedAt", "2026-11-01T02:00:00Z");
        order.put("status", "OPEN");
        order.put("lines", List.of(Map.of("lineNo", 1, "kind", "LABOUR", "description", "保养工时", "quantity", "1",
                "amount", Map.of("amount", "520.00", "currency", "CNY"), "accountType", "CUSTOMER",
                "refunded", false)));
        Api.Response r = manager().post(BASE + "/repair-orders/batch", Map.of("orders", List.of(order)));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json().path("orders").get(0).path("repairOrderId").asString();
    }

    /** The member's entries, oldest first: kind, principal, bonus, method, source type. */
    private List<String> entries(String member) {
        return strings("select kind || ' ' || principal_delta || ' ' || bonus_delta || ' ' || coalesce(method,"
                + " 'null') || ' ' || source_type from store_" + STORE + ".wallet_entry where member_id = ?::uuid"
                + " order by created_at, id", member);
    }

    /** The member's wallet events in the outbox, in order: type and the fen it moved. */
    private List<String> events(String member) {
        return strings("select event_type || ' ' || coalesce((payload->>'principalDelta') || ' '"
                + " || (payload->>'bonusDelta'), payload->>'amount')"
                + " from console.event_outbox where topic = 'm4s.wallet' and payload->>'memberId' = ?"
                + " order by id", member);
    }

    /** Every wallet is the sum of its entries and never negative. */
    static void assertLedgerConsistent(String store) {
        String schema = "store_" + store;
        assertThat(strings("select b.id from " + schema + ".wallet_balance b left join (select member_id,"
                + " sum(principal_delta) p, sum(bonus_delta) g from " + schema + ".wallet_entry group by member_id) x"
                + " on x.member_id = b.id where b.principal <> coalesce(x.p, 0) or b.bonus <> coalesce(x.g, 0)"
                + " or b.principal < 0 or b.bonus < 0")).as("wallets that differ from their entries").isEmpty();
    }

    private void assertLedgerConsistent() {
        assertLedgerConsistent(STORE);
    }
}
