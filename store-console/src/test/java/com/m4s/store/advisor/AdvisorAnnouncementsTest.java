package com.m4s.store.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The manager posts news to the store's two advisors; one opens it twice, the other not at all. The manager sees
 * 1 of 2 read and who has not; the unread advisor still has it in their list and badge; each receipt is written
 * once, audited and evented. Staff cannot post.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdvisorAnnouncementsTest extends StoreConsoleTest {

    private static final String STORE = "adv_news";
    private static final String BASE = "/api/stores/" + STORE + "/advisors/announcements";
    private static final String SCHEMA = "store_" + STORE;

    private String service;
    private String sales;

    @BeforeAll
    void twoAdvisors() {
        provision(STORE);
        service = TestUsers.staff(GROUP, STORE, "service");
        sales = TestUsers.staff(GROUP, STORE, "sales");
    }

    @Test
    @Order(1)
    void oneOfTwoAdvisorsReadsTwiceAndTheCountsAreOneOfTwo() {
        Api.Response posted = manager().post(BASE, Map.of("title", "十二月保养季", "body", "本月保养工时 8 折，请告知客户。"));
        assertThat(posted.status()).as(posted.raw()).isEqualTo(201);
        String id = posted.json().path("id").asString();
        assertThat(posted.json().path("audience").asString()).isEqualTo("ALL");
        assertThat(posted.json().path("total").asLong()).isEqualTo(2);
        assertThat(unread(service)).isEqualTo(1);
        assertThat(unread(sales)).isEqualTo(1);

        for (int i = 0; i < 2; i++) {
            Api.Response read = as(service).post(BASE + "/mine/" + id + "/read", Map.of());
            assertThat(read.status()).as(read.raw()).isEqualTo(200);
            assertThat(read.json().path("body").asString()).isEqualTo("本月保养工时 8 折，请告知客户。");
            assertThat(read.json().path("readAt").isNull()).isFalse();
        }

        JsonNode row = manager().get(BASE).json().path("content").get(0);
        assertThat(row.path("id").asString()).isEqualTo(id);
        assertThat(row.path("readCount").asLong() + "/" + row.path("total").asLong()).isEqualTo("1/2");
        JsonNode detail = manager().get(BASE + "/" + id).json();
        List<String> receipts = new ArrayList<>();
        detail.path("readers").forEach(r -> receipts.add(r.path("username").asString() + " "
                + (r.path("readAt").isNull() ? "unread" : "read")));
        assertThat(receipts).containsExactly(sales + " unread", service + " read");

        // the other advisor still has it, unread, in their list and badge; the reader's badge is down to nothing
        JsonNode theirs = as(sales).get(BASE + "/mine?unread=true").json();
        assertThat(theirs.path("content").size()).isEqualTo(1);
        assertThat(theirs.path("content").get(0).path("title").asString()).isEqualTo("十二月保养季");
        assertThat(unread(sales)).isEqualTo(1);
        assertThat(unread(service)).isZero();
        assertThat(as(service).get(BASE + "/mine").json().path("content").get(0).path("readAt").isNull()).isFalse();

        // one receipt, one audit entry of it and one event, however often it is opened
        assertThat(strings("select count(*) from " + SCHEMA + ".advisor_announcement_receipt where read_at is not null"))
                .containsExactly("1");
        assertThat(strings("select count(*) from " + SCHEMA + ".audit_event where entity_type ="
                + " 'advisorAnnouncementReceipt' and action = 'UPDATE'")).containsExactly("1");
        assertThat(strings("select event_type || ' ' || coalesce(payload->>'advisor', payload->>'recipients') from"
                + " console.event_outbox where store_code = '" + STORE + "' and event_type like 'Announcement%'"
                + " order by id")).containsExactly("AnnouncementPosted 2", "AnnouncementRead " + service);

        // nobody else can open it: it did not go to them
        assertThat(manager().post(BASE + "/mine/" + id + "/read", Map.of()).status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void newsToChosenAdvisorsReachesOnlyThemAndStaffCannotPost() {
        Api.Response posted = manager().post(BASE, Map.of("title", "销售例会", "body", "周五 9 点开会。",
                "advisors", List.of(sales)));
        assertThat(posted.status()).as(posted.raw()).isEqualTo(201);
        assertThat(posted.json().path("audience").asString()).isEqualTo("CHOSEN");
        assertThat(posted.json().path("total").asLong()).isEqualTo(1);
        String id = posted.json().path("id").asString();
        assertThat(as(service).post(BASE + "/mine/" + id + "/read", Map.of()).status()).isEqualTo(404);

        Api.Response unknown = manager().withLanguage("zh-CN").post(BASE, Map.of("title", "x", "body", "y",
                "advisors", List.of("nobody")));
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(422);
        assertThat(unknown.json().path("detail").asString()).contains("nobody");

        assertThat(as(service).post(BASE, Map.of("title", "我也发", "body", "不行")).status()).isEqualTo(403);
        assertThat(as(service).get(BASE).status()).isEqualTo(403);
        assertThat(as(service).get(BASE + "/" + id).status()).isEqualTo(403);
    }

    private long unread(String advisor) {
        Api.Response r = as(advisor).get(BASE + "/mine/unread");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json().path("unread").asLong();
    }

    private Api manager() {
        return as(TestUsers.manager(GROUP, STORE));
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
