package com.m4s.store.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.security.Departments;
import com.m4s.platform.servers.Api;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Member 360: 王车主 deals with the store in every way there is — bound to an advisor, a settled repair order, points
 * adjusted and redeemed, a card, a used car submitted and listed (with the texts the store sends about it), a rating
 * of the advisor, then moved to another advisor. The timeline shows each dealing once, newest first, with its
 * figures; pages of any size join up without a gap or a repeat; staff without the message log's permission see no
 * texts; and another store's dealings never appear.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberTimelineTest extends StoreConsoleTest {

    private static final String STORE = "tl_a";
    private static final String OTHER = "tl_b";
    private static final String BASE = "/api/stores/" + STORE;
    private static final String SCHEMA = "store_" + STORE;

    private String service;
    private String sales;
    private String wang;
    private String orderId;
    private String carId;
    private String timeline;

    @BeforeAll
    void aMemberWithOneOfEachDealing() throws SQLException {
        provision(STORE);
        provision(OTHER);
        service = TestUsers.staff(GROUP, STORE, "service");
        sales = TestUsers.staff(GROUP, STORE, "sales");
        wang = member(manager(), BASE, "王车主", "13722220001");
        timeline = BASE + "/members/" + wang + "/timeline";
        // the advisor calls list the store's logins from Keycloak; a cold listing may time out once on a busy machine
        Eventually.await(Duration.ofSeconds(60), "the store's staff listing", () -> manager().get(BASE + "/advisors")
                .status(), status -> status == 200);

        ok(manager().put(BASE + "/advisors/members/" + wang, Map.of("advisor", service)));
        // settled two hours ago: the order's row stands at its settlement, its points at the time they were posted
        ok(manager().post(BASE + "/repair-orders/batch", Map.of("orders", List.of(Map.of("dmsNumber", "TL-1",
                "memberId", wang, "plate", "粤A54321", "advisor", "周顾问", "openedAt", "2026-11-01T02:00:00Z",
                "status", "SETTLED", "settledAt", Instant.now().minus(2, ChronoUnit.HOURS).toString(),
                "lines", List.of(line(1, "LABOUR", "300.00"), line(2, "PART", "188.50")))))));
        orderId = strings("select cast(id as text) from " + SCHEMA + ".repair_order where dms_number = 'TL-1'")
                .getFirst();
        ok(manager().post(BASE + "/members/" + wang + "/points/adjustments", Map.of("points", 100,
                "reason", "服务补偿")));
        ok(manager().post(BASE + "/members/" + wang + "/points/redemptions", Map.of("points", 30, "what", "洗车券")));
        ok(manager().post(BASE + "/members/" + wang + "/card", Map.of()));

        Map<String, Object> car = new LinkedHashMap<>();
        car.put("make", "丰田");
        car.put("model", "凯美瑞");
        car.put("year", 2019);
        car.put("mileageKm", 52_000);
        car.put("city", "广州");
        car.put("gearbox", "AUTOMATIC");
        car.put("emissionStandard", "CN6B");
        car.put("priceWishYuan", 150_000);
        Api.Response submitted = manager().post(BASE + "/used-cars", Map.of("memberId", wang, "car", car));
        ok(submitted);
        carId = submitted.json().path("id").asString();
        // the store's text about each move is written by a consumer of the car's events: wait for each before the
        // next dealing, so the order of the rows is the order of the dealings
        awaitTexts(1);
        ok(manager().post(BASE + "/used-cars/" + carId + "/approve", Map.of("askingPriceYuan", 145_000,
                "conditionReport", "漆面完好，无事故")));
        awaitTexts(2);

        String owner = TestUsers.owner("tl-wang", STORE);
        bindOwner(wang, owner);
        ok(as(owner).post(BASE + "/me/advisor/orders/" + orderId + "/rating", Map.of("stars", 4, "comment", "耐心")));
        ok(manager().post(BASE + "/advisors/moves", Map.of("from", service, "to", sales)));

        // another store's member with dealings of their own
        String other = member(as(TestUsers.manager(GROUP, OTHER)), "/api/stores/" + OTHER, "王车主", "13722220001");
        ok(as(TestUsers.manager(GROUP, OTHER)).post("/api/stores/" + OTHER + "/members/" + other
                + "/points/adjustments", Map.of("points", 999, "reason", "别店")));
    }

    @Test
    void eachDealingAppearsOnceNewestFirstWithItsFigures() {
        JsonNode page = get(manager(), timeline + "?size=100");
        List<String> rows = new ArrayList<>();
        page.path("items").forEach(item -> rows.add(describe(item)));
        assertThat(rows).containsExactly(
                "ADVISOR MOVED " + sales + " from " + service,
                "RATING RATED 4 TL-1 耐心 -> " + orderId,
                "MESSAGE SENT used-car-listed",
                "USED_CAR LISTED 丰田 凯美瑞 2019 ¥145000.00 -> " + carId,
                "MESSAGE SENT used-car-submitted",
                "USED_CAR SUBMITTED 丰田 凯美瑞 2019 ¥150000.00 -> " + carId,
                "CARD JOINED 普卡",
                "POINTS REDEEM -30 REDEMPTION 洗车券",
                "POINTS ADJUST 100 STAFF_ADJUSTMENT 服务补偿",
                "POINTS GRANT_PENDING 488 REPAIR_ORDER_LINE TL-1 -> " + orderId,
                "ADVISOR BOUND " + service,
                "REPAIR_ORDER SETTLED TL-1 ¥488.50 -> " + orderId);
        assertThat(page.path("next").isNull()).isTrue();
        assertThat(page.path("kinds").toString()).contains("REPAIR_ORDER", "POINTS", "USED_CAR", "CARD", "MESSAGE",
                "RATING", "ADVISOR");

        // a filter by kind
        List<String> points = new ArrayList<>();
        get(manager(), timeline + "?kinds=POINTS,CARD").path("items").forEach(i -> points.add(i.path("kind").asString()
                + " " + i.path("event").asString()));
        assertThat(points).containsExactly("CARD JOINED", "POINTS REDEEM", "POINTS ADJUST", "POINTS GRANT_PENDING");
    }

    @Test
    void pagesOfAnySizeJoinUpWithoutGapsOrRepeats() {
        List<String> all = keys(get(manager(), timeline + "?size=100"));
        assertThat(all).hasSize(12).doesNotHaveDuplicates();
        for (int size = 1; size <= 5; size++) {
            List<String> joined = new ArrayList<>();
            String next = null;
            int pages = 0;
            do {
                JsonNode page = get(manager(), timeline + "?size=" + size
                        + (next == null ? "" : "&before=" + java.net.URLEncoder.encode(next,
                                java.nio.charset.StandardCharsets.UTF_8)));
                joined.addAll(keys(page));
                next = page.path("next").isNull() ? null : page.path("next").asString();
                pages++;
            } while (next != null && pages < 50);
            assertThat(joined).as("pages of " + size).containsExactlyElementsOf(all);
            assertThat(pages).as("pages of " + size).isEqualTo((all.size() + size - 1) / size);
        }
        Api.Response bad = manager().withLanguage("zh-CN").get(timeline + "?before=yesterday");
        assertThat(bad.status()).as(bad.raw()).isEqualTo(400);
        assertThat(bad.json().path("detail").asString()).isEqualTo("请使用上一页返回的 next 值继续翻页。");
    }

    @Test
    void staffWithoutTheMessageLogPermissionSeeNoTexts() {
        Api staff = as(TestUsers.staff(GROUP, STORE, Departments.SERVICE));
        JsonNode page = get(staff, timeline + "?size=100");
        List<String> kinds = new ArrayList<>();
        page.path("items").forEach(i -> kinds.add(i.path("kind").asString()));
        assertThat(kinds).hasSize(10).doesNotContain("MESSAGE").contains("POINTS", "USED_CAR", "RATING");
        assertThat(page.path("kinds").toString()).doesNotContain("MESSAGE");
        // asking for them by name does not help
        assertThat(get(staff, timeline + "?kinds=MESSAGE").path("items").size()).isZero();
        // an owner has no member timeline at all
        assertThat(as(TestUsers.owner("tl-wang", STORE)).get(timeline).status()).isEqualTo(403);
    }

    @Test
    void anotherStoresDealingsNeverAppear() {
        List<String> rows = new ArrayList<>();
        get(manager(), timeline + "?size=100").path("items").forEach(i -> rows.add(i.toString()));
        // the other store's adjustment: 999 points for "别店" (a bare "999" would also match a random key)
        assertThat(rows).noneMatch(r -> r.contains("别店") || r.contains("\"points\":999"));
        // the member is not the other store's: its timeline there is 404, and the other store's manager is refused here
        assertThat(as(TestUsers.manager(GROUP, OTHER)).get("/api/stores/" + OTHER + "/members/" + wang + "/timeline")
                .status()).isEqualTo(404);
        assertThat(as(TestUsers.manager(GROUP, OTHER)).get(timeline).status()).isEqualTo(403);
    }

    // --- helpers

    private static String describe(JsonNode item) {
        JsonNode p = item.path("params");
        String kind = item.path("kind").asString();
        String event = item.path("event").asString();
        String money = item.path("amount").isNull() || item.path("amount").isMissingNode() ? ""
                : " ¥" + item.path("amount").path("amount").asString();
        String target = item.path("targetId").isNull() || kind.equals("CARD") || kind.equals("MESSAGE") ? ""
                : " -> " + item.path("targetId").asString();
        return switch (kind) {
            case "ADVISOR" -> kind + " " + event + " " + p.path("advisor").asString()
                    + (p.has("previous") ? " from " + p.path("previous").asString() : "");
            case "RATING" -> kind + " " + event + " " + item.path("points").asLong() + " " + p.path("number").asString()
                    + " " + p.path("comment").asString() + target;
            case "MESSAGE" -> kind + " " + event + " " + p.path("topic").asString();
            case "USED_CAR" -> kind + " " + event + " " + p.path("make").asString() + " " + p.path("model").asString()
                    + " " + p.path("year").asString() + money + target;
            case "CARD" -> kind + " " + event + " " + p.path("to").asString();
            case "POINTS" -> kind + " " + event + " " + item.path("points").asLong() + " " + p.path("source").asString()
                    + " " + (p.has("reason") ? p.path("reason").asString() : p.path("ref").asString())
                    + (p.path("source").asString().equals("REPAIR_ORDER_LINE") ? target : "");
            case "REPAIR_ORDER" -> kind + " " + event + " " + p.path("number").asString() + money + target;
            default -> item.toString();
        };
    }

    private static List<String> keys(JsonNode page) {
        List<String> keys = new ArrayList<>();
        page.path("items").forEach(i -> keys.add(i.path("key").asString()));
        return keys;
    }

    private static JsonNode get(Api api, String path) {
        Api.Response r = api.get(path);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json();
    }

    private void awaitTexts(int count) {
        Eventually.await(Duration.ofSeconds(30), count + " sent texts", () -> strings("select status from " + SCHEMA
                + ".notification where member_id = '" + wang + "'"),
                s -> s.size() == count && s.stream().allMatch("SENT"::equals));
    }

    private static Map<String, Object> line(int no, String kind, String amount) {
        return Map.of("lineNo", no, "kind", kind, "description", kind.equals("LABOUR") ? "保养工时" : "机油滤清器",
                "quantity", "1", "amount", Map.of("amount", amount, "currency", "CNY"), "accountType", "CUSTOMER",
                "refunded", false);
    }

    private Api manager() {
        return as(TestUsers.manager(GROUP, STORE));
    }

    private static String member(Api api, String base, String name, String phone) {
        Api.Response r = api.post(base + "/members", Map.of("profile", Map.of("name", name, "phone", phone)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    private static void ok(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isBetween(200, 201);
        if (r.raw().contains("\"outcome\"")) {
            assertThat(r.json().path("orders").get(0).path("outcome").asString()).isNotEqualTo("REJECTED");
        }
    }

    private void bindOwner(String member, String login) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement u = c.prepareStatement("update " + SCHEMA
                + ".member set owner_subject = ?, owner_username = ? where id = ?")) {
            u.setString(1, TestUsers.describe(login).path("id").asString());
            u.setString(2, login);
            u.setObject(3, UUID.fromString(member));
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
    }

    private List<String> strings(String sql) {
        try (Connection c = database.connect(); PreparedStatement q = c.prepareStatement(sql);
                ResultSet rs = q.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
