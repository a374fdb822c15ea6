package com.m4s.store.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.security.Departments;
import com.m4s.platform.security.Role;
import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The store dashboard counts real rows of the store in the store's calendar (Asia/Shanghai): the test stands the
 * service's clock half an hour before midnight on the last day of a month, makes members and moves cars, then moves
 * the clock past midnight and sees the month's figures start again while last month's keep what happened then.
 * The clock is set back from real time, so the test's tokens stay valid.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest extends StoreConsoleTest {

    private static final String STORE = "dash_a";
    private static final String BASE = "/api/stores/" + STORE;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 23:30 on 31 January in Shanghai, 15:30 UTC: the last half hour of the month. */
    private static final Instant LAST_EVENING = ZonedDateTime.of(2026, 1, 31, 23, 30, 0, 0, SHANGHAI).toInstant();

    private Api manager;

    @BeforeAll
    void store() {
        provision(STORE);
        manager = as(TestUsers.manager(GROUP, STORE));
    }

    @Test
    void theMonthsFiguresStartAgainAtMidnightInTheStoresZoneAndLastMonthKeepsWhatHappenedThen() {
        clock.freeze();
        clock.set(ZonedDateTime.of(2026, 1, 10, 9, 0, 0, 0, SHANGHAI).toInstant());
        String early = member("早一月", "13900000001", "粤A10001");
        clock.set(LAST_EVENING);
        member("月末", "13900000002", null);
        String waiting = submit(early, "宝马", "3系");
        String reserved = submit(early, "奥迪", "A4L");
        approve(reserved);
        post("/used-cars/" + reserved + "/reserve", Map.of("note", "定金"));

        clock.advance(Duration.ofMinutes(10));
        JsonNode january = dashboard("THIS_MONTH", "LAST_30_DAYS");

        assertThat(figures(january, "members")).containsExactlyEntriesOf(ordered("total", 2, "newInPeriod", 2));
        assertThat(figures(january, "vehicles")).containsEntry("total", 1L).containsEntry("newInPeriod", 1L);
        assertThat(figures(january, "usedCarReview")).containsExactlyEntriesOf(
                ordered("waiting", 1, "changesRequested", 0, "oldestWaitingMinutes", 10));
        assertThat(figures(january, "usedCarSales")).containsExactlyEntriesOf(
                ordered("listed", 1, "reserved", 1, "sold", 0, "onMarket", 1));
        List<String> days = strings(january.path("trendStarts"));
        assertThat(days).hasSize(30).endsWith("2026-01-31").startsWith("2026-01-02");
        List<Long> newMembers = longs(card(january, "members").path("trend").path("newMembers"));
        assertThat(newMembers.get(days.indexOf("2026-01-10"))).isEqualTo(1);
        assertThat(newMembers.get(days.indexOf("2026-01-31"))).isEqualTo(1);
        assertThat(newMembers.stream().mapToLong(Long::longValue).sum()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(40)); // 00:20 on 1 February in Shanghai, still 31 January in UTC
        post("/used-cars/" + reserved + "/sell", Map.of("soldPriceYuan", 180_000));
        member("二月", "13900000003", "粤A10003");
        JsonNode february = dashboard("THIS_MONTH", "LAST_12_MONTHS");
        JsonNode lastMonth = dashboard("LAST_MONTH", "LAST_12_MONTHS");

        assertThat(february.path("from").asString()).isEqualTo("2026-01-31T16:00:00Z");
        assertThat(figures(february, "members")).containsExactlyEntriesOf(ordered("total", 3, "newInPeriod", 1));
        assertThat(figures(february, "vehicles")).containsEntry("total", 2L).containsEntry("newInPeriod", 1L);
        assertThat(figures(february, "usedCarSales")).containsExactlyEntriesOf(
                ordered("listed", 0, "reserved", 0, "sold", 1, "onMarket", 0));
        assertThat(figures(february, "usedCarReview")).containsEntry("oldestWaitingMinutes", 50L);
        assertThat(figures(lastMonth, "members")).containsExactlyEntriesOf(ordered("total", 3, "newInPeriod", 2));
        assertThat(figures(lastMonth, "usedCarSales")).containsExactlyEntriesOf(
                ordered("listed", 1, "reserved", 1, "sold", 0, "onMarket", 0));
        assertThat(lastMonth.path("to").asString()).isEqualTo("2026-01-31T16:00:00Z");
        List<String> months = strings(february.path("trendStarts"));
        assertThat(months).hasSize(12).startsWith("2025-03-01").endsWith("2026-02-01");
        assertThat(longs(card(february, "members").path("trend").path("newMembers")).subList(10, 12))
                .containsExactly(2L, 1L);
        assertThat(longs(card(february, "usedCarSales").path("trend").path("sold")).subList(10, 12))
                .containsExactly(0L, 1L);
        assertThat(waiting).isNotBlank();
    }

    @Test
    void eachCallerSeesTheCardsOfTheirPermissionsAndStaffCountsComeFromKeycloak() {
        TestUsers.staff(GROUP, STORE, Departments.SALES);
        TestUsers.owner("dash-owner", STORE); // an owner of the store is not staff
        TestUsers.ensure("mgr.dash_ab", Role.STORE_MANAGER, GROUP, List.of("dash_ab"), null); // a look-alike store
        Api.Response invited = manager.post(BASE + "/staff", Map.of("username", "dash.invited", "displayName",
                "受邀 员工", "role", "STORE_STAFF", "department", "service"));
        assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
        manager.post(BASE + "/staff/" + invited.json().path("id").asString() + "/disable", "");

        JsonNode asManager = manager.get(BASE + "/dashboard").json();
        JsonNode asSalesStaff = as(TestUsers.staff(GROUP, STORE, Departments.SALES)).get(BASE + "/dashboard").json();
        JsonNode asExecutive = as(TestUsers.executive(GROUP)).get(BASE + "/dashboard").json();

        assertThat(keys(asManager)).containsExactly("members", "vehicles", "usedCarReview", "usedCarSales", "staff");
        assertThat(figures(asManager, "staff")).containsExactlyEntriesOf(
                ordered("total", 3, "managers", 1, "staff", 2, "disabled", 1));
        assertThat(keys(asSalesStaff)).containsExactly("members", "vehicles", "usedCarReview", "usedCarSales");
        assertThat(keys(asExecutive)).contains("staff");
        assertThat(as(TestUsers.owner("dash-owner", STORE)).get(BASE + "/dashboard").status()).isEqualTo(403);
        assertThat(manager.get(BASE + "/dashboard?period=NEXT_YEAR").status()).isEqualTo(400);
    }

    private JsonNode dashboard(String period, String trend) {
        Api.Response response = manager.get(BASE + "/dashboard?period=" + period + "&trend=" + trend);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    private String member(String name, String phone, String plate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("profile", Map.of("name", name, "phone", phone));
        if (plate != null) {
            body.put("vehicles", List.of(Map.of("plate", plate, "vin", "LBV3A" + phone.substring(1) + "XY",
                    "model", "宝马 325Li")));
        }
        return post("/members", body).path("id").asString();
    }

    private String submit(String memberId, String make, String model) {
        Map<String, Object> car = new LinkedHashMap<>();
        car.put("make", make);
        car.put("model", model);
        car.put("year", 2019);
        car.put("mileageKm", 40_000);
        car.put("city", "广州");
        car.put("gearbox", "AUTOMATIC");
        car.put("emissionStandard", "CN6B");
        car.put("priceWishYuan", 200_000);
        return post("/used-cars", Map.of("memberId", memberId, "car", car)).path("id").asString();
    }

    private void approve(String carId) {
        post("/used-cars/" + carId + "/approve", Map.of("askingPriceYuan", 190_000, "conditionReport", "车况良好"));
    }

    private JsonNode post(String path, Object body) {
        Api.Response response = manager.post(BASE + path, body);
        assertThat(response.status()).as(response.raw()).isBetween(200, 201);
        return response.json();
    }

    private static JsonNode card(JsonNode dashboard, String key) {
        for (JsonNode card : dashboard.path("cards")) {
            if (card.path("key").asString().equals(key)) {
                assertThat(card.path("available").asBoolean()).as(key + " available").isTrue();
                return card;
            }
        }
        throw new AssertionError("no card " + key + " in " + dashboard);
    }

    private static Map<String, Long> figures(JsonNode dashboard, String key) {
        Map<String, Long> figures = new LinkedHashMap<>();
        card(dashboard, key).path("figures").properties().forEach(e -> figures.put(e.getKey(), e.getValue().asLong()));
        return figures;
    }

    private static List<String> keys(JsonNode dashboard) {
        List<String> keys = new ArrayList<>();
        dashboard.path("cards").forEach(card -> keys.add(card.path("key").asString()));
        return keys;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asLong()));
        return values;
    }

    private static Map<String, Long> ordered(Object... keysAndValues) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], ((Number) keysAndValues[i + 1]).longValue());
        }
        return map;
    }
}
