package com.m4s.store.mall;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.events.ReceivedEvent;
import com.m4s.platform.servers.Api;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.Download;
import com.m4s.store.support.LoyaltyScenarioTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Parts ordered for customers (配件预订, MALL-3, decision 0052) as scenarios: staff record a part for a member bound to
 * an advisor, mark it arrived — the owner gets one text and the advisor one message in the bell, however often the
 * event is handed over — and hand it over; an owner who said no to texts gets none, and a member with no advisor has
 * the message go to whoever recorded the order; a part cannot be handed over before it arrives, a stale version is
 * refused, another store's order is not found, and invalid input is refused in Chinese.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartOrdersTest extends LoyaltyScenarioTest {

    private static final String STORE = "part_orders";
    private static final String OTHER = "part_orders_b";

    @Autowired
    private PartOrderNotifier notifier;

    private String advisor;
    private int vins;

    PartOrdersTest() {
        super(STORE, "1390052");
    }

    @BeforeAll
    void stores() {
        provision(STORE);
        provision(OTHER);
        // the logins exist before the first arrival, so the store's staff listing has them all
        advisor = TestUsers.staff(GROUP, STORE, "service");
        TestUsers.staff(GROUP, STORE, "sales");
    }

    @Test
    void anArrivedPartTextsTheOwnerAndTellsTheBoundAdvisorOnceThenIsHandedOver() throws Exception {
        JsonNode member = memberWithCar("宝马车主", "粤B52001");
        String memberId = member.path("id").asString();
        String vehicle = member.path("vehicles").path(0).path("id").asString();
        bind(memberId, advisor);

        Map<String, Object> body = record(memberId, "原厂刹车片（前）", "34116860016", 1);
        body.put("vehicleId", vehicle);
        body.put("supplier", "华南宝马配件中心");
        body.put("expectedOn", "2026-12-20");
        body.put("priceFen", 128_000);
        body.put("depositFen", 50_000);
        body.put("repairOrderNumber", "RO-52001");
        Api.Response created = sales().post(base + "/part-orders", body, Map.of("Idempotency-Key", "brakes-1"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode order = created.json();
        String id = order.path("id").asString();
        String number = order.path("number").asString();
        assertThat(number).matches("PJ\\d{8}\\d{5}");
        assertThat(List.of(order.path("status").asString(), order.path("plate").asString(),
                order.path("advisor").asString(), order.path("quantity").asInt(), order.path("priceFen").asLong(),
                order.path("depositFen").asLong(), order.path("notifyOwner").asBoolean()))
                .containsExactly("ORDERED", "粤B52001", advisor, 1, 128_000L, 50_000L, true);
        assertThat(order.path("allowed").toString()).isEqualTo("[\"ARRIVE\",\"CANCEL\"]");
        Api.Response repeat = sales().post(base + "/part-orders", body, Map.of("Idempotency-Key", "brakes-1"));
        assertThat(repeat.json().path("id").asString()).as("a repeat answers the first").isEqualTo(id);

        JsonNode arrived = ok(service().post(base + "/part-orders/" + id + "/arrival", Map.of(),
                Map.of("If-Match", "\"" + order.path("version").asLong() + "\"")));
        assertThat(List.of(arrived.path("status").asString(), arrived.path("arrivalAdvisor").asString(),
                arrived.path("arrivedBy").asString())).containsExactly("ARRIVED", advisor,
                TestUsers.staff(GROUP, STORE, "service"));

        List<String> texts = Eventually.await(Duration.ofSeconds(20), "the owner texted",
                () -> texts(memberId), found -> !found.isEmpty());
        assertThat(texts).containsExactly("【M4S】您预订的配件原厂刹车片（前）（1件，预订单" + number
                + "）已到店，请到店领取或预约安装，详情见车主应用。");
        JsonNode message = Eventually.await(Duration.ofSeconds(20), "the advisor told",
                () -> messagesAbout(as(advisor), id), found -> found.size() == 1).getFirst();
        assertThat(List.of(message.path("kind").asString(), message.path("title").asString(),
                message.path("body").asString(), message.path("link").asString())).containsExactly(
                "part-order-arrived", "配件已到店：原厂刹车片（前）（" + number + "）",
                "宝马车主 预订的 原厂刹车片（前） × 1 已到店，请联系客户到店领取或预约安装。",
                "/console/" + STORE + "/part-orders/" + id);
        assertThat(messagesAbout(sales(), id)).as("who recorded it is not told when an advisor is").isEmpty();

        // the arrival handed over again, twice in one batch: nothing more
        ReceivedEvent arrival = events(id).stream().filter(e -> e.type().equals("PartOrderArrived")).findFirst()
                .orElseThrow();
        notifier.handle(List.of(arrival));
        notifier.handle(List.of(arrival, arrival));
        assertThat(texts(memberId)).hasSize(1);
        assertThat(messagesAbout(as(advisor), id)).hasSize(1);

        JsonNode handed = ok(sales().post(base + "/part-orders/" + id + "/hand-over", Map.of(),
                Map.of("If-Match", "\"" + arrived.path("version").asLong() + "\"")));
        assertThat(handed.path("status").asString()).isEqualTo("HANDED_OVER");
        assertThat(handed.path("allowed").size()).isZero();
        assertThat(outbox(id)).containsExactly("PartOrderRecorded ORDERED " + advisor,
                "PartOrderArrived ARRIVED " + advisor, "PartOrderHandedOver HANDED_OVER " + advisor);
        assertThat(texts(memberId)).as("only the arrival is texted").hasSize(1);
    }

    @Test
    void anOwnerWhoSaidNoGetsNoTextAndAnOrderOfAMemberWithoutAdvisorGoesToWhoRecordedIt() throws Exception {
        String memberId = member("雨刮车主");
        Api owner = owner(memberId, "parts-owner-1");
        Map<String, Object> body = record(memberId, "博世雨刮片", "3397014116", 2);
        body.put("notifyOwner", false);
        String first = created(sales().post(base + "/part-orders", body, Map.of("Idempotency-Key", "wipers")));
        String second = created(sales().post(base + "/part-orders", record(memberId, "机油滤清器", "11428575211", 1),
                Map.of("Idempotency-Key", "filter")));

        ok(sales().post(base + "/part-orders/" + first + "/arrival", Map.of()));
        JsonNode message = Eventually.await(Duration.ofSeconds(20), "who recorded it told",
                () -> messagesAbout(sales(), first), found -> found.size() == 1).getFirst();
        assertThat(message.path("title").asString()).startsWith("配件已到店：博世雨刮片（");
        // the text and the message are written in one transaction: the message there, no text
        assertThat(texts(memberId)).isEmpty();
        assertThat(outbox(first)).containsExactly("PartOrderRecorded ORDERED null", "PartOrderArrived ARRIVED null");

        // the owner sees both, newest first, with where each is
        JsonNode mine = ok(owner.get(base + "/me/part-orders"));
        List<String> rows = new ArrayList<>();
        mine.path("content").forEach(r -> rows.add(r.path("partName").asString() + " " + r.path("status").asString()));
        assertThat(rows).containsExactly("机油滤清器 ORDERED", "博世雨刮片 ARRIVED");
        assertThat(mine.path("totalElements").asLong()).isEqualTo(2);

        // the customer declines the arrived part
        JsonNode cancelled = ok(sales().post(base + "/part-orders/" + first + "/cancellation",
                Map.of("reason", "客户已在别处更换")));
        assertThat(List.of(cancelled.path("status").asString(), cancelled.path("cancelReason").asString()))
                .containsExactly("CANCELLED", "客户已在别处更换");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void refusedMovesStaleVersionsAnotherStoresOrderAndInvalidInputAreAnsweredInChinese() {
        String memberId = member("拒绝车主");
        String other = member("他人车主");
        JsonNode otherCar = memberWithCar("另一车主", "粤B52009");
        JsonNode order = ok201(sales().post(base + "/part-orders", record(memberId, "空调滤芯", "64119237555", 1)));
        String id = order.path("id").asString();

        Api.Response early = sales().post(base + "/part-orders/" + id + "/hand-over", Map.of());
        assertProblem(early, 409, "part-order-move-not-allowed", "配件预订单 " + order.path("number").asString()
                + " 当前为「已预订」，不能交付。");
        assertProblem(sales().post(base + "/part-orders/" + id + "/arrival", Map.of(), Map.of("If-Match", "\"7\"")),
                409, "concurrent-update", null);
        assertProblem(sales().post(base + "/part-orders/" + id + "/cancellation", Map.of("reason", " ")), 422,
                "validation-failed", null);
        assertProblem(as(TestUsers.manager(GROUP, OTHER)).get("/api/stores/" + OTHER + "/part-orders/" + id), 404,
                "not-found", null);
        assertThat(outbox(id)).containsExactly("PartOrderRecorded ORDERED null");

        Api.Response invalid = sales().post(base + "/part-orders", Map.of("memberId", memberId, "partName", "",
                "partNumber", "X", "quantity", 0));
        assertProblem(invalid, 422, "validation-failed", null);
        Map<String, String> errors = new LinkedHashMap<>();
        invalid.json().path("errors").forEach(e -> errors.put(e.path("field").asString(), e.path("message")
                .asString()));
        assertThat(errors.keySet()).containsExactly("partName", "quantity");
        assertThat(errors.values()).allMatch(m -> m.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN));
        Map<String, Object> notTheirs = record(other, "轮胎", "225/45R17", 4);
        notTheirs.put("vehicleId", otherCar.path("vehicles").path(0).path("id").asString());
        assertProblem(sales().post(base + "/part-orders", notTheirs), 422, "part-order-vehicle-not-members",
                "所选车辆不属于该会员。");
        Map<String, Object> deposit = record(other, "轮胎", "225/45R17", 4);
        deposit.put("priceFen", 10_000);
        deposit.put("depositFen", 20_000);
        assertProblem(sales().post(base + "/part-orders", deposit), 422, "part-order-deposit-above-price",
                "定金不能高于约定价格。");
        assertProblem(sales().get(base + "/part-orders?status=LOST"), 400, "invalid-parameter", null);
        assertProblem(as(TestUsers.staff(GROUP, STORE, com.m4s.platform.security.Departments.CUSTOMER_CARE)).post(base + "/part-orders",
                record(other, "轮胎", "225/45R17", 4)), 403, "access-denied", null);
    }

    @Test
    void theListSearchesFiltersByStatusAndDayAndExportsWhatItShows() throws Exception {
        String memberId = member("列表车主");
        String pads = created(sales().post(base + "/part-orders", record(memberId, "陶瓷刹车片", "LIST-PAD-01", 1)));
        String disc = created(sales().post(base + "/part-orders", record(memberId, "刹车盘", "LIST-DISC-02", 2)));
        ok(sales().post(base + "/part-orders/" + disc + "/arrival", Map.of()));
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));

        assertThat(numbers("search=LIST-&sort=partName,asc")).containsExactly(partName(disc), partName(pads));
        assertThat(numbers("search=" + encode("列表车主") + "&status=ARRIVED")).containsExactly(partName(disc));
        assertThat(numbers("search=LIST-&from=" + today + "&to=" + today)).hasSize(2);
        assertThat(numbers("search=LIST-&from=" + today.plusDays(1))).isEmpty();

        Download file = Download.get(port, base + "/part-orders/export?search=LIST-&sort=partName,asc",
                token(TestUsers.staff(GROUP, STORE, "sales")), "zh-CN");
        assertThat(file.status()).isEqualTo(200);
        try (XSSFWorkbook book = file.workbook()) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("配件预订");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row first = sheet.getRow(1);
            assertThat(List.of(first.getCell(5).getStringCellValue(), first.getCell(12).getStringCellValue()))
                    .containsExactly("刹车盘", "已到货");
        }
    }

    // --- helpers

    private Api sales() {
        return as(TestUsers.staff(GROUP, STORE, "sales"));
    }

    private static Map<String, Object> record(String member, String part, String partNumber, int quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", member);
        body.put("partName", part);
        body.put("partNumber", partNumber);
        body.put("quantity", quantity);
        return body;
    }

    private JsonNode memberWithCar(String name, String plate) {
        String vin = "LBVPARTS0" + String.format("%08d", ++vins);
        Api.Response r = manager().post(base + "/members", Map.of("profile", Map.of("name", name, "phone",
                "13952" + plate.substring(plate.length() - 3) + String.format("%03d", vins)), "vehicles",
                List.of(Map.of("plate", plate, "vin", vin, "model", "宝马 530Li"))));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json();
    }

    private void bind(String member, String login) {
        Api.Response r = manager().put(base + "/advisors/members/" + member, Map.of("advisor", login));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    private List<String> texts(String member) {
        return strings("select body from store_" + STORE + ".notification where member_id = ?::uuid and topic ="
                + " 'part-order-arrived'", UUID.fromString(member));
    }

    private List<JsonNode> messagesAbout(Api api, String id) {
        List<JsonNode> found = new ArrayList<>();
        ok(api.get(base + "/inbox?size=50")).path("content").forEach(m -> {
            if (m.path("link").asString().endsWith("/part-orders/" + id)) {
                found.add(m);
            }
        });
        return found;
    }

    private List<String> outbox(String id) {
        return strings("select event_type || ' ' || (payload->>'status') || ' ' || coalesce(payload->>'advisor',"
                + " 'null') from console.event_outbox where topic = 'm4s.mall' and payload->>'partOrderId' = ?"
                + " order by id", id);
    }

    private List<ReceivedEvent> events(String id) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement q = c.prepareStatement("select event_id, id,"
                + " event_type, store_code, payload::text, occurred_at from console.event_outbox"
                + " where payload->>'partOrderId' = ? order by id")) {
            q.setString(1, id);
            List<ReceivedEvent> events = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    events.add(new ReceivedEvent(rs.getObject(1, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(6).toInstant(), rs.getLong(2), MallEvents.TOPIC, 0, 0,
                            rs.getString(5)));
                }
            }
            return events;
        }
    }

    private List<String> numbers(String query) {
        List<String> names = new ArrayList<>();
        ok(sales().get(base + "/part-orders?" + query)).path("content").forEach(r -> names.add(r.path("partName")
                .asString()));
        return names;
    }

    private String partName(String id) {
        return ok(sales().get(base + "/part-orders/" + id)).path("partName").asString();
    }

    private static String created(Api.Response r) {
        return ok201(r).path("id").asString();
    }

    private static JsonNode ok201(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json();
    }
}
