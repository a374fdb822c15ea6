package com.m4s.store.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.store.support.DriverProtocol;
import com.m4s.store.support.LoyaltyScenarioTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The keyed postings of the gift warehouse, the coupon centre and point transfers run as one transaction with their
 * {@code Idempotency-Key}'s record ({@code @OneTransaction}, decision 0017), as points and wallet postings do: the
 * driver's protocol log of each request shows one {@code COMMIT}, the key's record inserted with its answer before
 * it and never updated (the claim-first mode inserts the record, then completes it with an {@code update} in a
 * transaction of its own). A repeat of each is answered with the first answer and posts nothing again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneTransactionPostingsTest extends LoyaltyScenarioTest {

    private static final String STORE = "one_tx";

    @Autowired
    DataSource dataSource;

    OneTransactionPostingsTest() {
        super(STORE, "1331000");
    }

    @BeforeAll
    void store() {
        provision(STORE);
    }

    @Test
    void theDesksGiftRedemptionAndStockMovesAreEachOneTransactionWithTheirKeysRecord() {
        String gift = gift("保温杯", 300, 5);
        String member = member("前台兑换");
        addPoints(member, 1_000);

        Map<String, Object> redemption = Map.of("memberId", member, "giftId", gift, "quantity", 2);
        JsonNode redeemed = oneTransaction("a desk redemption",
                () -> manager().post(base + "/gift-redemptions", redemption, key("desk-1")));
        assertThat(redeemed.path("points").asLong()).isEqualTo(600);
        assertThat(manager().post(base + "/gift-redemptions", redemption, key("desk-1")).json().path("id")
                .asString()).as("a repeat answers the first").isEqualTo(redeemed.path("id").asString());

        JsonNode received = oneTransaction("a stock receipt", () -> manager().post(base + "/gifts/" + gift
                + "/stock-receipts", Map.of("quantity", 10, "reason", "到货"), key("receipt-1")));
        assertThat(received.path("stock").asLong()).isEqualTo(13);
        JsonNode counted = oneTransaction("a stock adjustment", () -> manager().post(base + "/gifts/" + gift
                + "/stock-adjustments", Map.of("delta", -1, "reason", "盘点少一个"), key("count-1")));
        assertThat(counted.path("stock").asLong()).isEqualTo(12);
        assertThat(manager().post(base + "/gifts/" + gift + "/stock-receipts", Map.of("quantity", 10, "reason",
                "到货"), key("receipt-1")).json().path("stock").asLong()).as("a repeat answers the first")
                .isEqualTo(13);

        assertThat(strings("select kind || ' ' || delta from store_" + STORE + ".gift_stock_entry where gift_id ="
                + " ?::uuid order by created_at", gift)).as("each move posted once")
                .containsExactly("RECEIVE 5", "REDEEM -2", "RECEIVE 10", "ADJUST -1");
        assertThat(available(member)).as("the points paid once").isEqualTo(400);
    }

    @Test
    void anOwnersRedemptionClaimAndTransferAreEachOneTransactionWithTheirKeysRecord() throws Exception {
        String gift = gift("车载香薰", 200, 5);
        String coupon = coupon("新客立减20", "CASH", "ORDER", null, Map.of("valueFen", 2_000, "totalLimit", 5,
                "perMemberLimit", 1, "claimable", true));
        Api.Response policy = manager().put(base + "/point-transfers/policy", Map.of("enabled", true, "minPoints", 10,
                "dailyMaxOut", 10_000));
        assertThat(policy.status()).as(policy.raw()).isEqualTo(200);
        String member = member("车主兑换");
        String friend = member("车主好友");
        String friendsPhone = strings("select phone from store_" + STORE + ".member where id = ?::uuid", friend)
                .getFirst();
        addPoints(member, 1_000);
        Api owner = owner(member, "one-tx-owner");

        Map<String, Object> redemption = Map.of("giftId", gift, "quantity", 1);
        JsonNode redeemed = oneTransaction("an owner's redemption",
                () -> owner.post(base + "/me/gift-redemptions", redemption, key("app-1")));
        assertThat(owner.post(base + "/me/gift-redemptions", redemption, key("app-1")).json().path("id").asString())
                .as("a repeat answers the first").isEqualTo(redeemed.path("id").asString());

        String claims = base + "/me/coupon-centre/" + coupon + "/claims";
        JsonNode claimed = oneTransaction("a coupon claim", () -> owner.post(claims, Map.of(), key("claim-1")));
        assertThat(owner.post(claims, Map.of(), key("claim-1")).json().path("id").asString())
                .as("a repeat answers the first").isEqualTo(claimed.path("id").asString());

        Map<String, Object> transfer = Map.of("phone", friendsPhone, "points", 300);
        JsonNode sent = oneTransaction("a point transfer",
                () -> owner.post(base + "/me/point-transfers", transfer, key("gift-points-1")));
        assertThat(owner.post(base + "/me/point-transfers", transfer, key("gift-points-1")).json().path("id")
                .asString()).as("a repeat answers the first").isEqualTo(sent.path("id").asString());

        assertThat(strings("select count(*) from store_" + STORE + ".gift_redemption where member_id = ?::uuid",
                member)).containsExactly("1");
        assertThat(strings("select count(*) from store_" + STORE + ".member_coupon where member_id = ?::uuid",
                member)).containsExactly("1");
        assertThat(List.of(available(member), available(friend))).as("200 for the gift, 300 to the friend, once")
                .containsExactly(500L, 300L);
    }

    /**
     * Runs the keyed request while the driver's protocol is recorded and asserts it was one transaction with its
     * key's record; its answer.
     */
    private JsonNode oneTransaction(String what, Supplier<Api.Response> request) {
        DriverProtocol.freshConnections(dataSource);
        List<List<String>> trips;
        Api.Response answer;
        try (DriverProtocol protocol = DriverProtocol.record()) {
            answer = request.get();
            assertThat(answer.status()).as(what + ": " + answer.raw()).isEqualTo(200);
            trips = protocol.tripsOfTheThreadThatSent("idempotency_record");
        }
        String all = what + ", round trips:\n" + DriverProtocol.numbered(trips);
        assertThat(all).as(all).containsOnlyOnce("COMMIT")
                .doesNotContain("update store_" + STORE + ".idempotency_record");
        int record = DriverProtocol.tripWith(trips, "insert into store_" + STORE + ".idempotency_record");
        int commit = DriverProtocol.tripWith(trips, "COMMIT");
        assertThat(record).as("the record before the commit: " + all).isLessThanOrEqualTo(commit);
        assertThat(String.join(" ", trips.subList(0, record).stream().map(t -> String.join(" ", t)).toList()))
                .as("the work before the record: " + all).containsPattern("(?i)insert into (?!store_" + STORE
                        + "\\.idempotency_record)");
        return answer.json();
    }

    private String gift(String name, long price, long stock) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("description", "门店精选礼品");
        form.put("pointsPrice", price);
        form.put("lowStockAt", 0);
        form.put("initialStock", stock);
        form.put("listed", true);
        Api.Response made = manager().post(base + "/gifts", form);
        assertThat(made.status()).as(made.raw()).isEqualTo(200);
        return made.json().path("id").asString();
    }

    private static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }
}
