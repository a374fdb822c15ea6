package com.m4s.store.repairorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * A DMS sends a few months of orders in one batch, as the demo stack does: every order is created with its points,
 * and the same batch sent again (a restart, a retry) creates nothing and posts nothing; the list's points of every
 * order add up to the members' lifetime earned points.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepairOrderBatchTest extends StoreConsoleTest {

    private static final String STORE = "ro_batch";
    private static final String BASE = "/api/stores/" + STORE;
    private static final String[][] ITEMS = {{"LABOUR", "机油机滤更换 工时", "CUSTOMER"}, {"PART", "原厂机油 5W-30", "CUSTOMER"},
        {"LABOUR", "钣金喷漆（前保险杠）", "INSURANCE"}, {"PART", "保修期内更换水泵", "WARRANTY"},
        {"LABOUR", "新车交车前检查", "INTERNAL"}};

    private final List<String> members = new ArrayList<>();

    @BeforeAll
    void members() {
        provision(STORE);
        for (int i = 0; i < 10; i++) {
            Api.Response r = manager().post(BASE + "/members", Map.of("profile",
                    Map.of("name", "批量会员" + i, "phone", "1370000" + String.format("%04d", i))));
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            members.add(r.json().path("id").asString());
        }
    }

    @Test
    void aBatchSentTwiceCreatesItsOrdersOnceAndTheirPointsAddUp() {
        List<Map<String, Object>> orders = orders(90);

        long started = System.nanoTime();
        JsonNode first = send(orders);
        long firstMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(outcomes(first)).containsOnly("CREATED").hasSize(90);
        long earned = earned();
        assertThat(earned).isPositive();
        long entries = entries();

        started = System.nanoTime();
        JsonNode again = send(orders);
        long againMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(outcomes(again)).containsOnly("UNCHANGED").hasSize(90);
        assertThat(earned()).isEqualTo(earned);
        assertThat(entries()).isEqualTo(entries);

        JsonNode list = manager().get(BASE + "/repair-orders?size=100").json();
        assertThat(list.path("totalElements").asLong()).isEqualTo(90);
        long listed = 0;
        for (JsonNode order : list.path("content")) {
            listed += order.path("points").asLong();
        }
        assertThat(listed).isEqualTo(earned);
        System.out.printf("90 orders: first batch %d ms, re-sent %d ms%n", firstMs, againMs);
    }

    private List<Map<String, Object>> orders(int count) {
        Random random = new Random(42);
        Instant today = Instant.now().truncatedTo(ChronoUnit.HOURS);
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            Instant opened = today.minus(Duration.ofDays(120 - n));
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("dmsNumber", "WX-B-" + String.format("%05d", n));
            order.put("memberId", members.get(random.nextInt(members.size())));
            order.put("plate", "粤A" + String.format("%05d", n));
            order.put("openedAt", opened.toString());
            order.put("status", n == 30 ? "REVERSED" : n > 88 ? "OPEN" : "SETTLED");
            order.put("settledAt", n > 88 ? null : opened.plus(Duration.ofHours(3)).toString());
            List<Map<String, Object>> lines = new ArrayList<>();
            int size = 2 + random.nextInt(4);
            for (int l = 1; l <= size; l++) {
                String[] item = ITEMS[random.nextInt(ITEMS.length)];
                lines.add(Map.of("lineNo", l, "kind", item[0], "description", item[1], "quantity", "1",
                        "amount", Map.of("amount", (100 + random.nextInt(3000)) + ".50", "currency", "CNY"),
                        "accountType", item[2], "refunded", n % 15 == 0 && l == size && n <= 88));
            }
            order.put("lines", lines);
            orders.add(order);
        }
        return orders;
    }

    private JsonNode send(List<Map<String, Object>> orders) {
        Api.Response r = manager().post(BASE + "/repair-orders/batch", Map.of("orders", orders));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json();
    }

    private static List<String> outcomes(JsonNode result) {
        List<String> outcomes = new ArrayList<>();
        result.path("orders").forEach(o -> outcomes.add(o.path("outcome").asString()));
        return outcomes;
    }

    private long earned() {
        long sum = 0;
        for (String member : members) {
            sum += manager().get(BASE + "/members/" + member + "/points").json().path("lifetimeEarned").asLong();
        }
        return sum;
    }

    private long entries() {
        long sum = 0;
        for (String member : members) {
            sum += manager().get(BASE + "/members/" + member + "/points/entries?size=1").json()
                    .path("totalElements").asLong();
        }
        return sum;
    }

    private Api manager() {
        return as(TestUsers.manager(GROUP, STORE));
    }
}
