package com.m4s.store.usedcar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.m4s.platform.events.ReceivedEvent;
import com.m4s.platform.security.Departments;
import com.m4s.platform.servers.Api;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.notification.Notifications;
import com.m4s.store.support.StoreConsoleTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The bell's messages (decision 0029): a car waiting for review reaches the inbox of every login that may review it,
 * once however often its event is handed over; the seller hears of the review in theirs; each reads only their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsedCarInboxTest extends StoreConsoleTest {

    private static final String STORE = "inbox_a";
    private static final String CARS = "/api/stores/" + STORE + "/used-cars";
    private static final String INBOX = "/api/stores/" + STORE + "/inbox";

    @Autowired
    UsedCarInbox inbox;
    @Autowired
    Notifications notifications;
    @Autowired
    TenantRegistry tenants;
    @Autowired
    TransactionTemplate tx;

    private Api manager;
    private Api sales;
    private Api service;
    private Api owner;
    private String memberId;

    @BeforeAll
    void store() throws SQLException {
        provision(STORE);
        // every login exists before the first car, so the store's staff listing (kept 30 s) has them all
        manager = as(TestUsers.manager(GROUP, STORE));
        sales = as(TestUsers.staff(GROUP, STORE, Departments.SALES));
        service = as(TestUsers.staff(GROUP, STORE, Departments.SERVICE));
        Api.Response member = manager.post("/api/stores/" + STORE + "/members",
                Map.of("profile", Map.of("name", "赵车主", "phone", "13712349001")));
        assertThat(member.status()).as(member.raw()).isEqualTo(201);
        memberId = member.json().path("id").asString();
        String ownerLogin = TestUsers.owner("inbox-seller", STORE);
        bindOwner(memberId, TestUsers.describe(ownerLogin).path("id").asString(), ownerLogin);
        owner = as(ownerLogin);
    }

    @Test
    void aSubmittedCarReachesEveryReviewerOnceEvenWhenItsEventIsHandedOverAgain() throws Exception {
        Instant before = clock.instant();
        String id = submit("宝马", "X3", 2019);

        JsonNode mine = awaitMessages(manager, id, 1);
        JsonNode message = only(mine, id);
        assertThat(message.path("kind").asString()).isEqualTo("used-car-submitted");
        assertThat(message.path("title").asString()).isEqualTo("新车源待审核：宝马 X3（2019）");
        assertThat(message.path("body").asString()).isEqualTo("车主提交了寄售申请，请尽快完成专家审核。");
        assertThat(message.path("link").asString()).isEqualTo("/console/" + STORE + "/used-cars/" + id);
        assertThat(message.path("readAt").isNull()).isTrue();
        assertThat(Instant.parse(message.path("createdAt").asString())).isBetween(before, clock.instant());
        assertThat(mine.path("unread").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(only(awaitMessages(sales, id, 1), id).path("title").asString()).isEqualTo(
                "新车源待审核：宝马 X3（2019）");
        assertThat(manager.withLanguage("en").get(INBOX).json().path("content").get(0).path("title").asString())
                .isEqualTo("New car to review: 宝马 X3 (2019)");

        ReceivedEvent submitted = UsedCarTestEvents.of(database, id).stream()
                .filter(e -> e.type().equals("UsedCarSubmitted")).findFirst().orElseThrow();
        inbox.handle(List.of(submitted));
        inbox.handle(List.of(submitted, submitted));

        assertThat(messagesAbout(manager, id)).hasSize(1);
        assertThat(messagesAbout(sales, id)).hasSize(1);
        // the service department may not review cars: nothing for them, nor for the seller
        assertThat(messagesAbout(service, id)).isEmpty();
        assertThat(messagesAbout(owner, id)).isEmpty();
    }

    @Test
    void theInboxKeepsOneMessagePerEventAndRecipientWhateverTheCallerDoes() throws SQLException {
        UUID event = UUID.randomUUID();
        String recipient = "login-" + event;
        Notifications.InboxMessage message = new Notifications.InboxMessage(recipient, "used-car-submitted",
                List.of("丰田", "凯美瑞", "2020", ""), null, event);

        List<Boolean> added = TenantContext.supplyAs(tenants.find(STORE).orElseThrow().tenant(), () ->
                List.of(tx.execute(s -> notifications.post(message)), tx.execute(s -> notifications.post(message))));

        assertThat(added).containsExactly(true, false);
        // and the table itself refuses a second message of one event to one recipient
        try (Connection c = database.connect(); PreparedStatement copy = c.prepareStatement("insert into store_" + STORE
                + ".inbox_message (id, recipient, kind, arguments, event_id, created_at) select gen_random_uuid(),"
                + " recipient, kind, arguments, event_id, created_at from store_" + STORE + ".inbox_message"
                + " where event_id = ?")) {
            copy.setObject(1, event);
            assertThatThrownBy(copy::executeUpdate).hasMessageContaining("inbox_message_event_recipient_uk");
        }
    }

    @Test
    void readingMarksOnlyTheCallersOwnMessagesAndAnotherUsersIdIsNotFound() {
        String id = submit("奔驰", "GLC 300L", 2021);
        String messageId = only(awaitMessages(manager, id, 1), id).path("id").asString();
        long unread = manager.get(INBOX).json().path("unread").asLong();

        assertThat(service.post(INBOX + "/" + messageId + "/read", "").status()).isEqualTo(404);
        assertThat(owner.post(INBOX + "/" + messageId + "/read", "").status()).isEqualTo(404);
        assertThat(only(manager.get(INBOX).json(), id).path("readAt").isNull()).isTrue();

        Instant at = clock.freeze().truncatedTo(ChronoUnit.SECONDS);
        clock.set(at);
        try {
            assertThat(manager.post(INBOX + "/" + messageId + "/read", "").status()).isEqualTo(204);
        } finally {
            clock.reset();
        }
        JsonNode after = manager.get(INBOX).json();
        assertThat(Instant.parse(only(after, id).path("readAt").asString())).isEqualTo(at);
        assertThat(after.path("unread").asLong()).isEqualTo(unread - 1);

        JsonNode all = sales.post(INBOX + "/read-all", "").json();
        assertThat(all.path("marked").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(sales.get(INBOX).json().path("unread").asLong()).isZero();
        assertThat(manager.post(INBOX + "/" + UUID.randomUUID() + "/read", "").status()).isEqualTo(404);
    }

    @Test
    void theSellerHearsOfChangesRequestedAndOfTheListingInTheirOwnInbox() {
        String id = submit("本田", "雅阁", 2018);
        assertThat(manager.post(CARS + "/" + id + "/request-changes", Map.of("note", "请补充内饰照片")).status())
                .isEqualTo(200);

        JsonNode message = only(awaitMessages(owner, id, 1), id);
        assertThat(message.path("kind").asString()).isEqualTo("used-car-changes-requested");
        assertThat(message.path("title").asString()).isEqualTo("车源需要修改：本田 雅阁（2018）");
        assertThat(message.path("body").asString()).isEqualTo("门店的意见：请补充内饰照片");
        assertThat(message.path("link").asString()).isEqualTo("/app/used-cars/" + id);
        assertThat(messagesAbout(manager, id)).extracting(m -> m.path("kind").asString())
                .containsExactly("used-car-submitted");
    }

    // --- helpers

    private String submit(String make, String model, int year) {
        Map<String, Object> car = UsedCarWorkflowTest.car(make, model, year, 40_000, 200_000);
        Api.Response r = manager.post(CARS, Map.of("memberId", memberId, "car", car));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    /** The caller's inbox once it holds {@code count} messages about the car. */
    private JsonNode awaitMessages(Api user, String usedCarId, int count) {
        Eventually.await(Duration.ofSeconds(30), count + " messages about " + usedCarId,
                () -> messagesAbout(user, usedCarId), m -> m.size() >= count);
        return user.get(INBOX + "?size=50").json();
    }

    private List<JsonNode> messagesAbout(Api user, String usedCarId) {
        Api.Response r = user.get(INBOX + "?size=50");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<JsonNode> about = new java.util.ArrayList<>();
        r.json().path("content").forEach(m -> {
            if (m.path("link").asString().endsWith("/used-cars/" + usedCarId)) {
                about.add(m);
            }
        });
        return about;
    }

    private static JsonNode only(JsonNode inbox, String usedCarId) {
        List<JsonNode> about = new java.util.ArrayList<>();
        inbox.path("content").forEach(m -> {
            if (m.path("link").asString().endsWith("/used-cars/" + usedCarId)) {
                about.add(m);
            }
        });
        assertThat(about).as(inbox.toString()).hasSize(1);
        return about.getFirst();
    }

    private void bindOwner(String member, String subject, String username) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement u = c.prepareStatement("update store_" + STORE
                + ".member set owner_subject = ?, owner_username = ? where id = ?")) {
            u.setString(1, subject);
            u.setString(2, username);
            u.setObject(3, UUID.fromString(member));
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
    }
}
