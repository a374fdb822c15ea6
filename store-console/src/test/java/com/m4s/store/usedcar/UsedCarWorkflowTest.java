package com.m4s.store.usedcar;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.events.ReceivedEvent;
import com.m4s.platform.security.Departments;
import com.m4s.platform.servers.Api;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The consignment workflow through the API (UCAR-1..3): moves, events, the seller's messages, bad input. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsedCarWorkflowTest extends StoreConsoleTest {

    private static final String STORE = "ucar_a";
    private static final String CARS = "/api/stores/" + STORE + "/used-cars";
    private static final String MINE = "/api/stores/" + STORE + "/me/used-cars";

    @Autowired
    UsedCarNotifier notifier;

    private Api manager;
    private Api owner;
    private String memberId;
    private String sellerPhone;

    @BeforeAll
    void store() throws SQLException {
        provision(STORE);
        manager = as(TestUsers.manager(GROUP, STORE));
        sellerPhone = "13712340001";
        memberId = member("陈车主", sellerPhone);
        String ownerLogin = TestUsers.owner("ucar-seller", STORE);
        bindOwner(memberId, TestUsers.describe(ownerLogin).path("id").asString(), ownerLogin);
        owner = as(ownerLogin);
    }

    @Test
    void staffSubmitForAMemberThenListReserveReleaseAndSellWithAnEventForEachMove() {
        String id = submitForMember(car("宝马", "3系", 2019, 45_000, 210_000)).path("id").asString();

        JsonNode listed = manager.post(CARS + "/" + id + "/approve", approval(198_000)).json();
        assertThat(listed.path("status").asString()).isEqualTo("LISTED");
        assertThat(listed.path("askingPriceYuan").asLong()).isEqualTo(198_000);
        assertThat(listed.path("reviewedBy").asString()).isEqualTo(TestUsers.manager(GROUP, STORE));
        assertThat(listed.path("allowedMoves").toString()).contains("RESERVE", "SELL", "WITHDRAW")
                .doesNotContain("APPROVE");
        assertThat(manager.post(CARS + "/" + id + "/reserve", Map.of("note", "定金 5000")).json()
                .path("status").asString()).isEqualTo("RESERVED");
        assertThat(manager.post(CARS + "/" + id + "/release", Map.of()).json().path("status").asString())
                .isEqualTo("LISTED");
        JsonNode sold = manager.post(CARS + "/" + id + "/sell", Map.of("soldPriceYuan", 195_000)).json();

        assertThat(sold.path("status").asString()).isEqualTo("SOLD");
        assertThat(sold.path("closedAt").isNull()).isFalse();
        assertThat(sold.path("allowedMoves").isEmpty()).isTrue();
        assertThat(eventTypes(id)).containsExactly("UsedCarSubmitted", "UsedCarListed", "UsedCarReserved",
                "UsedCarReservationReleased", "UsedCarSold");
        JsonNode payload = lastPayload(id);
        assertThat(payload.path("status").asString()).isEqualTo("SOLD");
        assertThat(payload.path("store").asString()).isEqualTo(STORE);
        assertThat(payload.path("group").asString()).isEqualTo(GROUP);
        assertThat(payload.path("version").asLong()).isEqualTo(sold.path("version").asLong());
        assertThat(payload.toString()).doesNotContain(sellerPhone).doesNotContain("陈车主");
    }

    @Test
    void theOwnerSubmitsIsAskedForChangesResubmitsAndIsToldAtEachStep() {
        Api.Response submitted = owner.post(MINE, car("丰田", "凯美瑞", 2020, 38_000, 150_000));
        assertThat(submitted.status()).isEqualTo(201);
        String id = submitted.json().path("id").asString();
        assertThat(submitted.json().path("memberId").asString()).isEqualTo(memberId);

        manager.post(CARS + "/" + id + "/request-changes", Map.of("note", "请补充内饰照片"));
        JsonNode asked = owner.get(MINE + "/" + id).json();
        assertThat(asked.path("status").asString()).isEqualTo("CHANGES_REQUESTED");
        assertThat(asked.path("reviewNote").asString()).isEqualTo("请补充内饰照片");
        Map<String, Object> changed = car("丰田", "凯美瑞", 2020, 38_000, 148_000);
        Api.Response interior = owner.upload("/api/stores/" + STORE + "/photos", "file", "interior.png", "image/png",
                com.m4s.platform.test.TestPhotos.png(640, 480));
        assertThat(interior.status()).as(interior.raw()).isEqualTo(201);
        changed.put("photos", List.of(interior.json().path("ref").asString()));
        JsonNode resubmitted = owner.put(MINE + "/" + id, changed).json();
        assertThat(resubmitted.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(resubmitted.path("revision").asInt()).isEqualTo(2);
        manager.post(CARS + "/" + id + "/approve", approval(145_000));

        assertThat(owner.get(MINE).json().path("content").toString()).contains(id);
        List<String> expected = List.of("used-car-submitted", "used-car-changes-requested", "used-car-resubmitted",
                "used-car-listed");
        List<String> topics = Eventually.await(Duration.ofSeconds(30), "the seller's four messages",
                () -> messageTopics("丰田 凯美瑞"), t -> t.size() >= expected.size());
        assertThat(topics).containsExactlyElementsOf(expected);
        assertThat(messageBodies("丰田 凯美瑞")).anySatisfy(b -> assertThat(b).contains("请补充内饰照片"))
                .anySatisfy(b -> assertThat(b).contains("145,000"));
    }

    @Test
    void anotherOwnerCannotSeeOrTouchTheCarAndStaffOfOtherDepartmentsCannotReviewIt() {
        String id = owner.post(MINE, car("本田", "雅阁", 2018, 80_000, 90_000)).json().path("id").asString();
        String stranger = TestUsers.owner("ucar-stranger", STORE);
        String strangerMember = member("路人", "13712340002");
        try {
            bindOwner(strangerMember, TestUsers.describe(stranger).path("id").asString(), stranger);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }

        assertThat(as(stranger).get(MINE + "/" + id).status()).isEqualTo(404);
        assertThat(as(stranger).post(MINE + "/" + id + "/withdraw", Map.of()).status()).isEqualTo(404);
        assertThat(as(stranger).get(MINE).json().path("content").toString()).doesNotContain(id);
        assertThat(as(TestUsers.staff(GROUP, STORE, Departments.SERVICE)).post(CARS + "/" + id + "/approve",
                approval(80_000)).status()).isEqualTo(403);
        assertThat(as(TestUsers.staff(GROUP, STORE, Departments.SALES)).post(CARS + "/" + id + "/approve",
                approval(80_000)).status()).isEqualTo(200);
        assertThat(owner.post(MINE + "/" + id + "/withdraw", Map.of("reason", "自己留着开")).json()
                .path("status").asString()).isEqualTo("WITHDRAWN");
    }

    @Test
    void badInputIsAProblemAndPublishesNothing() {
        long before = storeEvents();
        int nextYear = Year.now().getValue() + 1;

        assertProblem(owner.post(MINE, with(car("宝马", "5系", 2020, 1000, 1), "priceWishYuan", -5)), 422,
                "priceWishYuan");
        assertProblem(owner.post(MINE, car("宝马", "5系", nextYear, 1000, 300_000)), 422, "year");
        assertProblem(owner.post(MINE, car("宝马", "5系", 2020, 5_000_000, 300_000)), 422, "mileageKm");
        assertProblem(owner.post(MINE, with(car("宝马", "5系", 2020, 1000, 300_000), "make", " ")), 422, "make");
        assertProblem(owner.post(MINE, with(car("宝马", "5系", 2020, 1000, 300_000), "city", null)), 422, "city");
        assertProblem(owner.post(MINE, with(car("宝马", "5系", 2020, 1000, 300_000), "photos",
                List.of("javascript:alert(1)"))), 422, null);
        assertProblem(manager.post(CARS, Map.of("memberId", UUID.randomUUID().toString(),
                "car", car("宝马", "5系", 2020, 1000, 300_000))), 422, "memberId");
        assertThat(owner.post(MINE, with(car("宝马", "5系", 2020, 1000, 300_000), "gearbox", "WARP")).status())
                .isEqualTo(400);
        assertThat(storeEvents()).as("no event for refused input").isEqualTo(before);

        String rejected = submitForMember(car("Zzyzx Motors", "Prototype 1", 2015, 120_000, 30_000))
                .path("id").asString();
        manager.post(CARS + "/" + rejected + "/reject", Map.of("note", "车况与描述不符"));
        long afterReject = storeEvents();
        Api.Response sell = manager.post(CARS + "/" + rejected + "/sell", Map.of());
        assertThat(sell.status()).isEqualTo(409);
        assertThat(sell.problemType()).isEqualTo("illegal-transition");
        assertThat(sell.json().path("detail").asString()).isEqualTo("状态为“已拒绝”的车辆不能售出。");
        assertThat(manager.post(CARS + "/" + rejected + "/approve", Map.of("askingPriceYuan", 0,
                "conditionReport", "")).status()).isEqualTo(422);
        assertThat(manager.get(CARS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(manager.get(CARS + "?status=NOPE").status()).isEqualTo(400);
        assertThat(storeEvents()).isEqualTo(afterReject);
        assertThat(manager.get(CARS + "/" + rejected).json().path("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void aPriceOfZeroOrLessIsRefusedNamingItsFieldNeverTurnedPositive() {
        JsonNode waiting = submitForMember(car("雪佛兰", "迈锐宝", 2019, 60_000, 120_000));
        String id = waiting.path("id").asString();
        Map<String, String> asRead = Map.of("If-Match", "\"" + waiting.path("version").asLong() + "\"");
        long before = storeEvents();
        String chinese = "须大于 0 元，价格不能为负数或零";

        assertThat(fieldError(owner.post(MINE, with(car("雪佛兰", "迈锐宝", 2019, 60_000, 1), "priceWishYuan", -5)),
                "priceWishYuan")).isEqualTo(chinese);
        assertThat(fieldError(manager.post(CARS, Map.of("memberId", memberId,
                "car", car("雪佛兰", "迈锐宝", 2019, 60_000, 0))), "car.priceWishYuan")).isEqualTo(chinese);
        assertThat(fieldError(manager.withLanguage("en").put(CARS + "/" + id,
                car("雪佛兰", "迈锐宝", 2019, 60_000, -5), asRead), "priceWishYuan"))
                .isEqualTo("must be more than 0 yuan; a price is never negative or zero");
        assertThat(fieldError(manager.post(CARS + "/" + id + "/approve", approval(-5)), "askingPriceYuan"))
                .isEqualTo(chinese);
        assertThat(fieldError(manager.post(CARS + "/" + id + "/sell", Map.of("soldPriceYuan", -5)), "soldPriceYuan"))
                .isEqualTo(chinese);

        assertThat(storeEvents()).as("nothing refused is published").isEqualTo(before);
        JsonNode now = manager.get(CARS + "/" + id).json();
        assertThat(now.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(now.path("priceWishYuan").asLong()).isEqualTo(120_000);
    }

    @Test
    void editsFromAnOutdatedVersionAreRefusedAndChangeNothing() {
        Api.Response submitted = owner.post(MINE, car("大众", "帕萨特", 2020, 52_000, 140_000));
        String id = submitted.json().path("id").asString();
        String read = "\"" + submitted.json().path("version").asLong() + "\"";

        // the store corrects the mileage while the owner still has the form open from the same version
        Api.Response corrected = manager.put(CARS + "/" + id, car("大众", "帕萨特", 2020, 58_000, 140_000),
                Map.of("If-Match", read));
        Api.Response stale = owner.put(MINE + "/" + id, car("大众", "帕萨特", 2020, 52_000, 135_000),
                Map.of("If-Match", read));

        assertThat(corrected.status()).isEqualTo(200);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problemType()).isEqualTo("concurrent-update");
        JsonNode now = owner.get(MINE + "/" + id).json();
        assertThat(now.path("mileageKm").asInt()).isEqualTo(58_000);
        assertThat(now.path("priceWishYuan").asLong()).isEqualTo(140_000);

        // two price changes of the listing from the same version: the second is refused, one event is published
        JsonNode listed = manager.post(CARS + "/" + id + "/approve", approval(138_000)).json();
        Map<String, String> asListed = Map.of("If-Match", "\"" + listed.path("version").asLong() + "\"");
        Api.Response cut = manager.put(CARS + "/" + id + "/listing", approval(132_000), asListed);
        Api.Response raise = manager.put(CARS + "/" + id + "/listing", approval(139_000), asListed);

        assertThat(cut.status()).isEqualTo(200);
        assertThat(raise.status()).isEqualTo(409);
        assertThat(raise.problemType()).isEqualTo("concurrent-update");
        assertThat(manager.get(CARS + "/" + id).json().path("askingPriceYuan").asLong()).isEqualTo(132_000);
        assertThat(eventTypes(id)).containsExactly("UsedCarSubmitted", "UsedCarDetailsChanged", "UsedCarListed",
                "UsedCarListingChanged");
        assertThat(manager.put(CARS + "/" + id + "/listing", approval(139_000), Map.of("If-Match", "\"x\""))
                .problemType()).isEqualTo("bad-if-match");
    }

    @Test
    void twoReviewersAtOnceOneWinsAndOneEventIsPublished() throws Exception {
        String id = submitForMember(car("奥迪", "A4L", 2021, 30_000, 260_000)).path("id").asString();
        Api other = as(TestUsers.staff(GROUP, STORE, Departments.SALES));

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Callable<Integer>> moves = List.of(
                    () -> manager.post(CARS + "/" + id + "/approve", approval(250_000)).status(),
                    () -> other.post(CARS + "/" + id + "/reject", Map.of("note", "重复提交")).status());
            for (Future<Integer> f : pool.invokeAll(moves)) {
                statuses.add(f.get());
            }
        }

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        List<String> types = eventTypes(id);
        assertThat(types).hasSize(2).first().isEqualTo("UsedCarSubmitted");
        String finalStatus = manager.get(CARS + "/" + id).json().path("status").asString();
        assertThat(types.get(1)).isEqualTo(finalStatus.equals("LISTED") ? "UsedCarListed" : "UsedCarRejected");
    }

    @Test
    void anEventHandedOverTwiceSendsOneMessage() throws Exception {
        String id = submitForMember(car("比亚迪", "汉", 2022, 20_000, 180_000)).path("id").asString();
        JsonNode listed = manager.post(CARS + "/" + id + "/approve", approval(175_000)).json();
        ReceivedEvent event = outboxEvent(id, "UsedCarListed");

        notifier.handle(List.of(event));
        notifier.handle(List.of(event, event));

        Eventually.await(Duration.ofSeconds(30), "the listed message", () -> messageTopics("比亚迪 汉"),
                t -> t.contains("used-car-listed"));
        assertThat(messageTopics("比亚迪 汉")).filteredOn("used-car-listed"::equals).hasSize(1);
        assertThat(listed.path("status").asString()).isEqualTo("LISTED");
    }

    @Test
    void theReviewQueueListsSubmittedCarsAndSearchesMakeModelAndCity() {
        String queued = submitForMember(with(car("雷克萨斯", "ES", 2019, 52_000, 230_000), "city", "佛山"))
                .path("id").asString();
        String approved = submitForMember(car("雷克萨斯", "NX", 2020, 40_000, 280_000)).path("id").asString();
        manager.post(CARS + "/" + approved + "/approve", approval(270_000));

        JsonNode queue = manager.get(CARS + "?status=SUBMITTED,CHANGES_REQUESTED&q=雷克萨斯").json();
        assertThat(ids(queue)).containsExactly(queued);
        assertThat(ids(manager.get(CARS + "?q=佛山").json())).containsExactly(queued);
        assertThat(ids(manager.get(CARS + "?q=雷克萨斯&sort=priceWishYuan,desc").json()))
                .containsExactly(approved, queued);
        assertThat(manager.get(CARS + "?sort=colour,asc").status()).isEqualTo(400);
    }

    // --- helpers

    static Map<String, Object> car(String make, String model, int year, int mileage, long price) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("make", make);
        c.put("model", model);
        c.put("year", year);
        c.put("mileageKm", mileage);
        c.put("city", "广州");
        c.put("gearbox", "AUTOMATIC");
        c.put("emissionStandard", "CN6B");
        c.put("colour", "白色");
        c.put("priceWishYuan", price);
        c.put("conditionNotes", "一手车，按时保养");
        return c;
    }

    static Map<String, Object> with(Map<String, Object> car, String field, Object value) {
        car.put(field, value);
        return car;
    }

    static Map<String, Object> approval(long price) {
        return Map.of("askingPriceYuan", price, "conditionReport", "漆面完好，无事故，发动机变速箱正常");
    }

    private JsonNode submitForMember(Map<String, Object> car) {
        Api.Response r = manager.post(CARS, Map.of("memberId", memberId, "car", car));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json();
    }

    private String member(String name, String phone) {
        Api.Response r = manager.post("/api/stores/" + STORE + "/members",
                Map.of("profile", Map.of("name", name, "phone", phone)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    private static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.isProblem()).isTrue();
        if (field != null) {
            assertThat(response.raw()).contains("\"" + field + "\"");
        }
    }

    /** The message of the 422's error about `field` (the answer's only error about it). */
    private static String fieldError(Api.Response response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(422);
        List<String> messages = new ArrayList<>();
        response.json().path("errors").forEach(e -> {
            if (e.path("field").asString().equals(field)) {
                messages.add(e.path("message").asString());
            }
        });
        assertThat(messages).as(response.raw()).hasSize(1);
        return messages.getFirst();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("content").forEach(c -> ids.add(c.path("id").asString()));
        return ids;
    }

    /** Binds an owner login to a member as the sign-up would (the sign-up itself is tested elsewhere). */
    private void bindOwner(String member, String subject, String username) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement u = c.prepareStatement("update store_" + STORE
                + ".member set owner_subject = ?, owner_username = ? where id = ?")) {
            u.setString(1, subject);
            u.setString(2, username);
            u.setObject(3, UUID.fromString(member));
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
    }

    private List<String> eventTypes(String usedCarId) {
        return strings("select event_type from console.event_outbox where payload->>'usedCarId' = ? order by id",
                usedCarId);
    }

    private JsonNode lastPayload(String usedCarId) {
        List<String> payloads = strings("select payload::text from console.event_outbox"
                + " where payload->>'usedCarId' = ? order by id", usedCarId);
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(payloads.getLast());
    }

    private ReceivedEvent outboxEvent(String usedCarId, String type) throws SQLException {
        return UsedCarTestEvents.of(database, usedCarId).stream().filter(e -> e.type().equals(type)).findFirst()
                .orElseThrow();
    }

    private long storeEvents() {
        return Long.parseLong(strings("select count(*)::text from console.event_outbox where store_code = ?", STORE)
                .getFirst());
    }

    private List<String> messageTopics(String makeAndModel) {
        return messages("topic", makeAndModel);
    }

    private List<String> messageBodies(String makeAndModel) {
        return messages("body", makeAndModel);
    }

    /** Messages to the seller about the car of this make and model (unique per test), oldest first. */
    private List<String> messages(String column, String makeAndModel) {
        return strings("select " + column + " from store_" + STORE + ".notification where member_id = ?::uuid"
                + " and topic like 'used-car-%' and body like ? order by created_at, id", memberId,
                "%" + makeAndModel + "%");
    }


}
