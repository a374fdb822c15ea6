package com.m4s.store.support;

import com.m4s.platform.security.Departments;
import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
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
import static org.assertj.core.api.Assertions.assertThat;
import tools.jackson.databind.JsonNode;

/**
 * What the loyalty and money scenarios share (points, wallet, coupons, payments): members, wallets, points, coupons
 * and repair orders made through the API in one store, staff and owners signed in, payments and refunds, and
 * readings of the ledgers and events to assert exactly.
 */
public abstract class LoyaltyScenarioTest extends StoreConsoleTest {

    protected final String store;
    protected final String base;
    private final String phonePrefix;
    private int phones;

    /** @param phonePrefix the first seven digits of the members' phones, one per test class */
    protected LoyaltyScenarioTest(String store, String phonePrefix) {
        this.store = store;
        this.base = "/api/stores/" + store;
        this.phonePrefix = phonePrefix;
    }


    protected Api manager() {
        return as(TestUsers.manager(GROUP, store));
    }

    protected Api care() {
        return as(TestUsers.staff(GROUP, store, Departments.CUSTOMER_CARE));
    }

    protected Api service() {
        return as(TestUsers.staff(GROUP, store, Departments.SERVICE));
    }

    protected Api owner(String member, String name) throws SQLException {
        String login = TestUsers.owner(name, store);
        try (Connection c = database.connect(); PreparedStatement u = c.prepareStatement("update store_" + store
                + ".member set owner_subject = ?, owner_username = ? where id = ?::uuid")) {
            u.setString(1, TestUsers.describe(login).path("id").asString());
            u.setString(2, login);
            u.setString(3, member);
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
        return as(login);
    }

    protected String member(String name) {
        String phone = phonePrefix + String.format("%04d", ++phones);
        Api.Response r = manager().post(base + "/members", Map.of("profile", Map.of("name", name, "phone", phone)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    protected void topUp(String member, long amount) {
        Api.Response r = service().post(base + "/members/" + member + "/wallet/top-ups", Map.of("amount", amount,
                "method", "CASH"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    protected void addPoints(String member, long points) {
        Api.Response r = manager().post(base + "/members/" + member + "/points/adjustments", Map.of("points", points,
                "reason", "开卡赠送"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    protected String coupon(String name, String kind, String scope, String group, Map<String, Object> rules) {
        Map<String, Object> t = new LinkedHashMap<>(rules);
        t.put("name", name);
        t.put("kind", kind);
        t.put("scope", scope);
        if (group != null) {
            t.put("stackGroup", group);
        }
        t.put("validDays", 30);
        Api.Response made = manager().post(base + "/coupon-templates", t);
        assertThat(made.status()).as(made.raw()).isEqualTo(201);
        String id = made.json().path("id").asString();
        Api.Response active = manager().post(base + "/coupon-templates/" + id + "/activation", Map.of());
        assertThat(active.status()).as(active.raw()).isEqualTo(200);
        return id;
    }

    /** Issues one coupon of the template to the member: the member's coupon's id. */
    protected String issue(String template, String member) {
        Api.Response r = manager().post(base + "/coupon-templates/" + template + "/issues", Map.of("memberId",
                member));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return strings("select id from store_" + store + ".member_coupon where template_id = ?::uuid and member_id"
                + " = ?::uuid", template, member).getFirst();
    }

    /** The member's coupons by name: name and state. */
    protected List<String> couponStates(String member) {
        return strings("select t.name || ' ' || c.state from store_" + store + ".member_coupon c join store_" + store
                + ".coupon_template t on t.id = c.template_id where c.member_id = ?::uuid order by t.name", member);
    }

    protected Map<String, Object> line(int no, String kind, String partNumber, String amount, String account) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("lineNo", no);
        line.put("kind", kind);
        line.put("description", kind.equals("LABOUR") ? "保养工时" : "配件 " + partNumber);
        if (partNumber != null) {
            line.put("partNumber", partNumber);
        }
        line.put("quantity", "1");
        line.put("amount", Map.of("amount", amount, "currency", "CNY"));
        line.put("accountType", account);
        line.put("refunded", false);
        return line;
    }

    @SafeVarargs
    protected final String settledOrder(String member, String number, Map<String, Object>... lines) {
        return order(member, number, "SETTLED", List.of(lines));
    }

    protected String openOrder(String member, String number) {
        return order(member, number, "OPEN", List.of(line(1, "LABOUR", null, "100.00", "CUSTOMER")));
    }

    protected String order(String member, String number, String status, List<Map<String, Object>> lines) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("dmsNumber", number);
        order.put("memberId", member);
        order.put("plate", "粤A88888");
        order.put("openedAt", now.minus(2, ChronoUnit.HOURS).toString());
        order.put("status", status);
        if (status.equals("SETTLED")) {
            order.put("settledAt", now.minus(1, ChronoUnit.HOURS).toString());
        }
        order.put("lines", lines);
        Api.Response r = manager().post(base + "/repair-orders/batch", Map.of("orders", List.of(order)));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("orders").get(0).path("repairOrderId").isMissingNode()).as(r.raw()).isFalse();
        return r.json().path("orders").get(0).path("repairOrderId").asString();
    }

    protected Map<String, Object> pay(String member, String order, long wallet, long points, long cash,
            String method, boolean seen) {
        Map<String, Object> pay = new LinkedHashMap<>();
        pay.put("memberId", member);
        pay.put("repairOrderId", order);
        pay.put("walletFen", wallet);
        pay.put("points", points);
        pay.put("cashFen", cash);
        if (method != null) {
            pay.put("cashMethod", method);
        }
        pay.put("confirmedInPerson", seen);
        return pay;
    }

    private int refunds;

    protected JsonNode refund(String payment, long amount, String reason) {
        JsonNode preview = refundPreview(payment, amount);
        Api.Response r = manager().post(base + "/payments/" + payment + "/refunds", Map.of("amountFen", amount,
                "reason", reason), Map.of("Idempotency-Key", "refund-" + refunds++));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode made = r.json().path("refunds").get(r.json().path("refunds").size() - 1);
        assertThat(parts(preview)).as("the preview said what the refund gave back").isEqualTo(parts(made));
        return r.json();
    }

    /** What the refund dialog shows before a refund of {@code amount}: the share of each part. */
    protected JsonNode refundPreview(String payment, long amount) {
        Api.Response r = manager().get(base + "/payments/" + payment + "/refund-preview?amountFen=" + amount);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json();
    }

    private static List<Long> parts(JsonNode refund) {
        return List.of(refund.path("amountFen").asLong(), refund.path("cashFen").asLong(),
                refund.path("walletFen").asLong(), refund.path("pointsReturned").asLong(),
                refund.path("onlineFen").asLong());
    }

    /** A refund's amount, cash, wallet, points given back and earned points taken back. */
    protected List<Long> split(JsonNode view, int index) {
        JsonNode r = view.path("refunds").get(index);
        return List.of(r.path("amountFen").asLong(), r.path("cashFen").asLong(), r.path("walletFen").asLong(),
                r.path("pointsReturned").asLong(), r.path("earnedPointsReversed").asLong());
    }

    protected void assertProblem(Api.Response r, int status, String type, String detail) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.problemType()).isEqualTo(type);
        if (detail != null) {
            assertThat(r.json().path("detail").asString()).isEqualTo(detail);
        }
    }

    protected List<String> walletEntries(String member) {
        return strings("select kind || ' ' || principal_delta || ' ' || bonus_delta from store_" + store
                + ".wallet_entry where member_id = ?::uuid order by created_at, id", member);
    }

    /** The member's points entries, oldest first: kind, available change, source type. */
    protected List<String> points(String member) {
        return strings("select kind || ' ' || available_delta || ' ' || source_type from store_" + store
                + ".points_entry where member_id = ?::uuid order by created_at, id", member);
    }

    protected long pending(String member) {
        return Long.parseLong(strings("select coalesce(sum(pending_delta), 0) from store_" + store
                + ".points_entry where member_id = ?::uuid", member).getFirst());
    }

    protected long available(String member) {
        return Long.parseLong(strings("select coalesce(sum(available_delta), 0) from store_" + store
                + ".points_entry where member_id = ?::uuid", member).getFirst());
    }

    /** The member's payment events, in order: type and the split (or a refund's split and earned points). */
    protected List<String> paymentEvents(String member) {
        return strings("select event_type || ' ' || case when event_type = 'PaymentRefunded' then"
                + " (payload->>'amountFen') || ' ' || (payload->>'cashFen') || ' ' || (payload->>'walletFen') || ' '"
                + " || (payload->>'pointsReturned') || ' ' || (payload->>'earnedPointsReversed') else"
                + " (payload->>'status') || ' ' || (payload->>'grossFen') || ' ' || (payload->>'couponFen') || ' '"
                + " || (payload->>'walletFen') || ' ' || (payload->>'pointsUsed') || ' ' || (payload->>'cashFen') end"
                + " from console.event_outbox where topic = 'm4s.payment' and payload->>'memberId' = ? order by id",
                member);
    }

    /** Wallets are the sums of their entries; every payment's parts add up and no refund exceeds it. */
    protected void assertLedgersConsistent() {
        assertThat(strings("select b.id from store_" + store + ".wallet_balance b where b.principal + b.bonus <>"
                + " (select coalesce(sum(principal_delta + bonus_delta), 0) from store_" + store + ".wallet_entry e"
                + " where e.member_id = b.id)")).as("wallets that differ from their entries").isEmpty();
        assertThat(strings("select p.id from store_" + store + ".payment p left join (select payment_id,"
                + " sum(amount_fen) a from store_" + store + ".payment_refund group by payment_id) r on"
                + " r.payment_id = p.id where coalesce(r.a, 0) <> p.refunded_fen")).as("refund sums").isEmpty();
    }
}
