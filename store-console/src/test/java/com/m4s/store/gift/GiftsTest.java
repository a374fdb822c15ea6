package com.m4s.store.gift;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.Concurrently;
import com.m4s.platform.test.Eventually;
import com.m4s.store.support.LoyaltyScenarioTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The gift warehouse (GIFT-1..3, decision 0048) as scenarios: a gift stocked and listed, an owner redeeming it with
 * points within the member limit, staff handing it over, the owner cancelling another (points and stock back), a
 * member short of points, a delisted gift, stock corrections; and 200 concurrent redemptions of the last 10 units.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GiftsTest extends LoyaltyScenarioTest {

    private static final String STORE = "gift_store";

    GiftsTest() {
        super(STORE, "1360000");
    }

    @BeforeAll
    void store() {
        provision(STORE);
    }

    @Test
    void anOwnerRedeemsAGiftWithPointsWithinTheLimitStaffHandItOverAndACancellationGivesEverythingBack()
            throws Exception {
        JsonNode gift = createGift("车载香薰", 500, 2, 2, 5, true);
        String id = gift.path("id").asString();
        assertThat(List.of(gift.path("status").asString(), gift.path("stock").asString())).containsExactly("LISTED",
                "5");
        assertProblem(manager().post(base + "/gifts", form(" 车载香薰 ", 100, null, 0, 0, false)), 409,
                "gift-name-taken", null);

        String member = member("礼品兑换");
        addPoints(member, 1_200);
        Api owner = owner(member, "gift-owner-1");
        JsonNode catalogue = mine(owner, id);
        assertThat(List.of(catalogue.path("pointsPrice").asLong(), catalogue.path("stock").asLong(),
                catalogue.path("mayRedeem").asLong())).containsExactly(500L, 5L, 2L);

        JsonNode first = redeem(owner, id, 1, "r-1");
        assertThat(List.of(first.path("status").asString(), first.path("points").asString(), first.path("channel")
                .asString())).containsExactly("REDEEMED", "500", "APP");
        assertThat(redeem(owner, id, 1, "r-1").path("id").asString()).as("a repeat answers the first")
                .isEqualTo(first.path("id").asString());
        assertThat(available(member)).isEqualTo(700);
        assertProblem(owner.post(base + "/me/gift-redemptions", Map.of("giftId", id, "quantity", 2),
                Map.of("Idempotency-Key", "r-2")), 409, "gift-member-limit", null);
        JsonNode second = redeem(owner, id, 1, "r-3");
        assertThat(mine(owner, id).path("mayRedeem").asLong()).isZero();
        assertThat(available(member)).isEqualTo(200);

        // staff hand the first over; it can no longer be cancelled
        JsonNode handed = ok(service().post(base + "/gift-redemptions/" + first.path("id").asString() + "/hand-over",
                Map.of()));
        assertThat(handed.path("status").asString()).isEqualTo("HANDED_OVER");
        assertThat(handed.path("handedOverBy").asString()).isNotBlank();
        assertProblem(owner.post(base + "/me/gift-redemptions/" + first.path("id").asString() + "/cancellation",
                Map.of("reason", "不要了")), 409, "gift-redemption-move-not-allowed", null);

        // the owner cancels the second: points and stock come back, and the limit frees one
        JsonNode cancelled = ok(owner.post(base + "/me/gift-redemptions/" + second.path("id").asString()
                + "/cancellation", Map.of("reason", "不要了")));
        assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(available(member)).isEqualTo(700);
        assertThat(mine(owner, id).path("mayRedeem").asLong()).isEqualTo(1);
        assertThat(points(member)).containsExactly("ADJUST 1200 STAFF_ADJUSTMENT", "REDEEM -500 GIFT_REDEMPTION",
                "REDEEM -500 GIFT_REDEMPTION", "REDEEM_RETURN 500 GIFT_REDEMPTION");
        assertThat(stockEntries(id)).containsExactly("RECEIVE 5 5", "REDEEM -1 4", "REDEEM -1 3",
                "REDEMPTION_CANCEL 1 4");
        JsonNode figures = ok(manager().get(base + "/gifts/" + id));
        assertThat(List.of(figures.path("stock").asLong(), figures.path("redeemedQuantity").asLong(),
                figures.path("redeemedPoints").asLong(), figures.path("redeemingMembers").asLong()))
                .containsExactly(4L, 1L, 500L, 1L);
        assertThat(giftEvents(id)).containsExactly("GiftCreated", "GiftStockMoved", "GiftStockMoved", "GiftRedeemed",
                "GiftStockMoved", "GiftRedeemed", "GiftHandedOver", "GiftStockMoved", "GiftRedemptionCancelled");

        // a member short of points redeems nothing and takes nothing from stock
        String poor = member("积分不够");
        addPoints(poor, 100);
        assertProblem(service().post(base + "/gift-redemptions", Map.of("memberId", poor, "giftId", id, "quantity", 1),
                Map.of("Idempotency-Key", "desk-1")), 409, "insufficient-points", null);
        assertThat(stockEntries(id)).hasSize(4);
        assertThat(strings("select count(*) from store_" + STORE + ".gift_redemption where member_id = ?::uuid", poor))
                .containsExactly("0");

        // stock corrections: never below zero, each with its reason
        assertProblem(care().post(base + "/gifts/" + id + "/stock-adjustments", Map.of("delta", -10, "reason",
                "盘点"), Map.of("Idempotency-Key", "adj-1")), 409, "gift-stock-short", null);
        assertThat(ok(care().post(base + "/gifts/" + id + "/stock-adjustments", Map.of("delta", -1, "reason",
                "盘点发现破损"), Map.of("Idempotency-Key", "adj-2"))).path("stock").asLong()).isEqualTo(3);
        assertThat(ok(care().post(base + "/gifts/" + id + "/stock-receipts", Map.of("quantity", 20),
                Map.of("Idempotency-Key", "rcv-1"))).path("stock").asLong()).isEqualTo(23);
        assertThat(ok(care().post(base + "/gifts/" + id + "/stock-receipts", Map.of("quantity", 20),
                Map.of("Idempotency-Key", "rcv-1"))).path("stock").asLong()).as("received once").isEqualTo(23);

        // delisted: out of the catalogue and not redeemable
        ok(manager().post(base + "/gifts/" + id + "/delisting", Map.of()));
        Eventually.await(Duration.ofSeconds(2), "the delisted gift out of the catalogue", () -> owner.get(base
                + "/me/gifts").json().path("content").valueStream().map(g -> g.path("id").asString()).toList(),
                ids -> !ids.contains(id));
        assertProblem(owner.post(base + "/me/gift-redemptions", Map.of("giftId", id, "quantity", 1),
                Map.of("Idempotency-Key", "r-4")), 409, "gift-not-listed", null);
        assertThat(stockSum(id)).as("the gift's stock is the sum of its movements").isEqualTo(23);
    }

    @Test
    void twoHundredConcurrentRedemptionsOfTheLastTenUnitsRedeemExactlyTen() throws Exception {
        String id = createGift("保温杯", 100, null, 0, 10, true).path("id").asString();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String m = member("抢兑" + i);
            addPoints(m, 500);
            members.add(m);
        }
        AtomicInteger next = new AtomicInteger();
        List<Integer> statuses = Concurrently.run(200, () -> {
            int n = next.getAndIncrement();
            return service().post(base + "/gift-redemptions", Map.of("memberId", members.get(n % 40), "giftId", id,
                    "quantity", 1), Map.of("Idempotency-Key", "rush-" + n)).status();
        });
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(10);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(190);
        assertThat(ok(manager().get(base + "/gifts/" + id)).path("stock").asLong()).isZero();
        assertThat(stockSum(id)).isZero();
        assertThat(strings("select count(*) || ' ' || sum(points) from store_" + STORE + ".gift_redemption where"
                + " gift_id = ?::uuid", java.util.UUID.fromString(id))).containsExactly("10 1000");
        assertThat(strings("select coalesce(-sum(available_delta), 0) from store_" + STORE + ".points_entry where"
                + " source_type = 'GIFT_REDEMPTION' and source_id in (select id from store_" + STORE
                + ".gift_redemption where gift_id = ?::uuid)", java.util.UUID.fromString(id)))
                .as("points paid exactly for the ten").containsExactly("1000");
    }

    private JsonNode createGift(String name, long price, Integer limit, int lowAt, long stock, boolean listed) {
        return ok(manager().post(base + "/gifts", form(name, price, limit, lowAt, stock, listed)));
    }

    private static Map<String, Object> form(String name, long price, Integer limit, int lowAt, long stock,
            boolean listed) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("description", "门店精选礼品");
        form.put("pointsPrice", price);
        if (limit != null) {
            form.put("memberLimit", limit);
        }
        form.put("lowStockAt", lowAt);
        form.put("initialStock", stock);
        form.put("listed", listed);
        return form;
    }

    private JsonNode redeem(Api owner, String gift, int quantity, String key) {
        return ok(owner.post(base + "/me/gift-redemptions", Map.of("giftId", gift, "quantity", quantity),
                Map.of("Idempotency-Key", key)));
    }

    /** The gift in the owner's catalogue (searched: waits for the index), with the figures the database has now. */
    private JsonNode mine(Api owner, String gift) {
        Api.Response found = Eventually.await(Duration.ofSeconds(30), "the gift in the catalogue",
                () -> owner.get(base + "/me/gifts"), r -> r.status() == 200 && r.raw().contains(gift));
        return found.json().path("content").valueStream().filter(g -> g.path("id").asString().equals(gift))
                .findFirst().orElseThrow();
    }

    private static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json();
    }

    private List<String> stockEntries(String gift) {
        return strings("select kind || ' ' || delta || ' ' || stock_after from store_" + STORE + ".gift_stock_entry"
                + " where gift_id = ?::uuid order by created_at, id", java.util.UUID.fromString(gift));
    }

    /** The gift's stock, checked to equal the sum of its movements. */
    private long stockSum(String gift) {
        java.util.UUID id = java.util.UUID.fromString(gift);
        long stock = Long.parseLong(strings("select stock from store_" + STORE + ".gift where id = ?::uuid", id)
                .getFirst());
        assertThat(strings("select coalesce(sum(delta), 0) from store_" + STORE + ".gift_stock_entry where gift_id ="
                + " ?::uuid", id)).as("the sum of the movements").containsExactly(String.valueOf(stock));
        return stock;
    }

    private List<String> giftEvents(String gift) {
        return strings("select event_type from console.event_outbox where topic = 'm4s.gift' and payload->>'giftId' = ?"
                + " order by id", gift);
    }
}
