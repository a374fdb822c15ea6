package com.m4s.store.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.events.ReceivedEvent;
import com.m4s.platform.jobs.StoreJob;
import com.m4s.platform.servers.Api;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.TestClock;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.repairorder.RepairOrderEvents;
import com.m4s.store.points.Points;
import com.m4s.store.points.SourceType;
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
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Member cards (MEM-1) as a store lives them: a member joins at the level they qualify for, a settled repair order
 * upgrades the card at once (by the consumer of the repair order events, once however often the event comes), the
 * card is reported lost, reissued, changed and quit with every step recorded and evented; on the store's clock,
 * a member who earns less is downgraded only after holding the level a whole window and at most once per window,
 * and a card past its validity expires — each with a message to the member.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberCardsTest extends StoreConsoleTest {

    private static final String STORE = "card_a";
    private static final String BASE = "/api/stores/" + STORE;

    @Autowired
    TestClock clock;
    @Autowired
    List<StoreJob> jobs;
    @Autowired
    TenantRegistry tenants;
    @Autowired
    MemberCards cards;
    @Autowired
    CardUpgrades upgrades;
    @Autowired
    Points points;

    private int phones;
    private int orders;

    @BeforeAll
    void store() {
        provision(STORE);
    }

    @Test
    void aSettledOrderUpgradesTheCardOnceEvenWhenItsEventComesAgain() throws Exception {
        String member = member("孙升级");
        Api.Response joined = manager().post(BASE + "/members/" + member + "/card", "");
        assertThat(joined.status()).as(joined.raw()).isEqualTo(201);
        JsonNode card = joined.json();
        assertThat(card.path("level").path("name").asString()).isEqualTo("普卡");
        assertThat(card.path("cardNumber").asString()).matches("8\\d{9}");
        assertThat(card.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(card.path("nextLevel").path("name").asString()).isEqualTo("银卡");
        assertThat(card.path("toNextLevel").asLong()).isEqualTo(2000);
        JsonNode again = manager().post(BASE + "/members/" + member + "/card", "").json();
        assertThat(again.path("type").asString()).endsWith("member-card-exists");

        String orderId = settle(member, "2500.00");
        Eventually.await(Duration.ofSeconds(30), "the card upgraded", () -> cardOf(member),
                c -> c.path("level").path("code").asString().equals("silver"));
        ReceivedEvent settled = repairOrderEvents(orderId).stream()
                .filter(e -> e.type().equals("RepairOrderSettled")).findFirst().orElseThrow();
        upgrades.handle(List.of(settled, settled));

        JsonNode upgraded = cardOf(member);
        assertThat(upgraded.path("qualifyingValue").asLong()).isEqualTo(2500);
        assertThat(upgraded.path("cardNumber").asString()).isEqualTo(card.path("cardNumber").asString());
        assertThat(upgraded.path("toNextLevel").asLong()).isEqualTo(8000 - 2500);
        assertThat(stepKinds(member)).containsExactly("UPGRADED", "JOINED");
        JsonNode up = manager().get(BASE + "/members/" + member + "/card/steps").json().get(0);
        assertThat(up.path("fromLevel").asString()).isEqualTo("standard");
        assertThat(up.path("toLevel").asString()).isEqualTo("silver");
        assertThat(up.path("fromLevelName").asString()).isEqualTo("普卡");
        assertThat(up.path("toLevelName").asString()).isEqualTo("银卡");
        assertThat(up.path("actor").asString()).isEqualTo("system");
        assertThat(cardEvents(member)).containsExactly("MemberCardJoined", "MemberCardUpgraded");
        assertThat(messageTopics(member)).containsExactly("card-upgraded");
    }

    @Test
    void aCardIsReportedLostReissuedChangedAndQuitWithEveryStepRecordedAndTheOwnerSeesTheirOwn()
            throws SQLException {
        String member = member("周换卡");
        String first = manager().post(BASE + "/members/" + member + "/card", "").json().path("cardNumber")
                .asString();

        JsonNode lost = manager().post(BASE + "/members/" + member + "/card/report-lost", Map.of("reason", "钱包丢失"))
                .json();
        assertThat(lost.path("status").asString()).isEqualTo("LOST");
        JsonNode refused = manager().post(BASE + "/members/" + member + "/card/renew", "").json();
        assertThat(refused.path("status").asInt()).isEqualTo(409);
        assertThat(refused.path("detail").asString()).isEqualTo("会员卡 " + first + " 当前已挂失，不能续卡。");
        JsonNode reissued = manager().post(BASE + "/members/" + member + "/card/reissue", "").json();
        assertThat(reissued.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(reissued.path("cardNumber").asString()).isNotEqualTo(first).matches("8\\d{9}");

        assertThat(manager().post(BASE + "/members/" + member + "/card/change", Map.of("reason", " ")).status())
                .isEqualTo(422);
        JsonNode changed = manager().post(BASE + "/members/" + member + "/card/change", Map.of("reason", "卡面磨损"))
                .json();
        assertThat(changed.path("cardNumber").asString()).isNotEqualTo(reissued.path("cardNumber").asString());

        String ownerLogin = TestUsers.owner("card-owner", STORE);
        bindOwner(member, ownerLogin);
        Api owner = as(ownerLogin);
        JsonNode mine = owner.get(BASE + "/me/card").json();
        assertThat(mine.path("cardNumber").asString()).isEqualTo(changed.path("cardNumber").asString());
        assertThat(mine.path("level").path("benefits").asString()).contains("95 折");
        assertThat(owner.get(BASE + "/card-programme").json().path("levels").size()).isEqualTo(4);
        assertThat(owner.post(BASE + "/members/" + member + "/card/quit", Map.of("reason", "自己退")).status())
                .isEqualTo(403);

        assertThat(manager().post(BASE + "/members/" + member + "/card/quit", Map.of("reason", "车辆已出售"))
                .json().path("status").asString()).isEqualTo("QUIT");
        JsonNode rejoined = manager().post(BASE + "/members/" + member + "/card", "").json();
        assertThat(rejoined.path("status").asString()).isEqualTo("ACTIVE");

        assertThat(stepKinds(member)).containsExactly("JOINED", "QUIT", "CHANGED", "REISSUED", "REPORTED_LOST",
                "JOINED");
        JsonNode change = manager().get(BASE + "/members/" + member + "/card/steps").json().get(2);
        assertThat(change.path("oldNumber").asString()).isEqualTo(reissued.path("cardNumber").asString());
        assertThat(change.path("newNumber").asString()).isEqualTo(changed.path("cardNumber").asString());
        assertThat(change.path("reason").asString()).isEqualTo("卡面磨损");
        assertThat(cardEvents(member)).containsExactly("MemberCardJoined", "MemberCardReportedLost",
                "MemberCardReissued", "MemberCardChanged", "MemberCardQuit", "MemberCardJoined");
    }

    @Test
    void onTheStoreClockALevelIsKeptAWindowDowngradedAtMostOncePerWindowAndAnUnrenewedCardExpires()
            throws Exception {
        String member = member("吴降级");
        UUID id = UUID.fromString(member);
        manager().post(BASE + "/members/" + member + "/card", "");
        settle(member, "20000.00");
        // the consumer of the settlement may have been first: then this finds the level right already
        inStore(() -> cards.evaluate(id, false, "system"));
        assertThat(level(id)).isEqualTo("diamond");
        Instant start = clock.instant();
        try {
            clock.set(start.plus(183, ChronoUnit.DAYS));
            earnInProcess(id, 2500);
            inStore(() -> cards.renew(id, "周前台"));
            runCardJob();
            assertThat(level(id)).as("within the window nothing goes down").isEqualTo("diamond");

            clock.set(start.plus(400, ChronoUnit.DAYS));
            runCardJob();
            assertThat(level(id)).as("2,500 points in the last 12 months").isEqualTo("silver");
            runCardJob();

            clock.set(start.plus(580, ChronoUnit.DAYS));
            runCardJob();
            assertThat(level(id)).as("nothing earned in a year, but downgraded within the window").isEqualTo("silver");

            clock.set(start.plus(762, ChronoUnit.DAYS));
            runCardJob();
            CardViews.MemberCardView expired = inStore(() -> cards.card(id).orElseThrow());
            assertThat(expired.status()).isEqualTo(CardStatus.EXPIRED);
            assertThat(expired.level().code()).isEqualTo("silver");
            assertThat(expired.moves()).containsExactlyInAnyOrder(CardStatus.Move.RENEW, CardStatus.Move.QUIT);
        } finally {
            clock.reset();
        }
        List<CardViews.CardStepView> steps = inStore(() -> cards.steps(id));
        assertThat(steps).extracting(CardViews.CardStepView::kind).containsExactly(MemberCardStep.Kind.EXPIRED,
                MemberCardStep.Kind.DOWNGRADED, MemberCardStep.Kind.RENEWED, MemberCardStep.Kind.UPGRADED,
                MemberCardStep.Kind.JOINED);
        CardViews.CardStepView down = steps.get(1);
        assertThat(down.fromLevel()).isEqualTo("diamond");
        assertThat(down.toLevel()).isEqualTo("silver");
        assertThat(down.qualifyingValue()).isEqualTo(2500L);
        assertThat(messageTopics(member)).containsExactly("card-upgraded", "card-downgraded", "card-expired");
        assertThat(cardEvents(member)).containsExactly("MemberCardJoined", "MemberCardUpgraded", "MemberCardRenewed",
                "MemberCardDowngraded", "MemberCardExpired");
    }

    // --- helpers

    private Api manager() {
        return as(TestUsers.manager(GROUP, STORE));
    }

    private String member(String name) {
        String phone = "1370000" + String.format("%04d", ++phones);
        Api.Response r = manager().post(BASE + "/members", Map.of("profile", Map.of("name", name, "phone", phone)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    private JsonNode cardOf(String member) {
        return manager().get(BASE + "/members/" + member + "/card").json();
    }

    private Map<String, Object> order(String member, String amount) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("dmsNumber", "RO-CARD-" + (++orders));
        order.put("memberId", member);
        order.put("plate", "粤A88888");
        order.put("openedAt", clock.instant().minus(2, ChronoUnit.HOURS).toString());
        order.put("status", "SETTLED");
        order.put("settledAt", clock.instant().minus(1, ChronoUnit.HOURS).toString());
        order.put("lines", List.of(Map.of("lineNo", 1, "kind", "LABOUR", "description", "钣金喷漆", "quantity", "1",
                "amount", Map.of("amount", amount, "currency", "CNY"), "accountType", "CUSTOMER", "refunded",
                false)));
        return order;
    }

    private String settle(String member, String amount) {
        Api.Response r = manager().post(BASE + "/repair-orders/batch", Map.of("orders", List.of(order(member,
                amount))));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json().path("orders").get(0).path("repairOrderId").asString();
    }

    /**
     * Points of a settled order line posted on a moved clock, where the test's tokens would have expired: through the
     * ledger, as the settlement posts them.
     */
    private void earnInProcess(UUID member, long earned) {
        UUID line = UUID.randomUUID();
        inStore(() -> points.grantPending(member, new Points.Source(SourceType.REPAIR_ORDER_LINE, line,
                "RO-CARD-" + (++orders) + "#1"), earned, 1, clock.instant().plus(7, ChronoUnit.DAYS),
                "ro-line:" + line + ":grant", "dms"));
    }

    private String level(UUID member) {
        return inStore(() -> cards.card(member).orElseThrow().level().code());
    }

    private <T> T inStore(Supplier<T> work) {
        return TenantContext.supplyAs(tenant(), work);
    }

    private Tenant tenant() {
        return tenants.find(STORE).orElseThrow().tenant();
    }

    private void runCardJob() {
        StoreJob job = jobs.stream().filter(j -> j.name().equals(CardEvaluation.JOB)).findFirst().orElseThrow();
        TenantContext.runAs(tenant(), () -> {
            try {
                job.run(tenant());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private List<String> stepKinds(String member) {
        List<String> kinds = new ArrayList<>();
        manager().get(BASE + "/members/" + member + "/card/steps").json()
                .forEach(s -> kinds.add(s.path("kind").asString()));
        return kinds;
    }

    private List<ReceivedEvent> repairOrderEvents(String orderId) throws SQLException {
        List<ReceivedEvent> events = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement q = c.prepareStatement("select event_id, id,"
                + " event_type, store_code, payload::text, occurred_at from console.event_outbox"
                + " where payload->>'repairOrderId' = ? order by id")) {
            q.setString(1, orderId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    events.add(new ReceivedEvent(rs.getObject(1, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(6).toInstant(), rs.getLong(2), RepairOrderEvents.TOPIC, 0, 0,
                            rs.getString(5)));
                }
            }
        }
        return events;
    }

    private List<String> cardEvents(String member) throws SQLException {
        return strings("select event_type from console.event_outbox where topic = '" + CardEvents.TOPIC
                + "' and payload->>'memberId' = ? order by id", member);
    }

    private List<String> messageTopics(String member) throws SQLException {
        return strings("select topic from store_" + STORE + ".notification where member_id = ?::uuid"
                + " order by created_at, id", member);
    }

    private List<String> strings(String sql, String argument) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, argument);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    private void bindOwner(String member, String ownerLogin) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement u = c.prepareStatement("update store_" + STORE
                + ".member set owner_subject = ?, owner_username = ? where id = ?")) {
            u.setString(1, TestUsers.describe(ownerLogin).path("id").asString());
            u.setString(2, ownerLogin);
            u.setObject(3, UUID.fromString(member));
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
    }
}
