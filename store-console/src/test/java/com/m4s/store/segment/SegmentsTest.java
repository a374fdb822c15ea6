package com.m4s.store.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.Download;
import com.m4s.store.support.StoreConsoleTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Five members of one store, each different in card level, points, visits, vehicles, birthday, source, tags and
 * advisor. Each rule alone and the rules combined give exactly the members a hand list (and, for some, an independent
 * SQL statement) gives; a change of the data changes a saved segment's count without touching the segment; a campaign
 * takes exactly a segment's members; bad rules are 422 in the caller's language.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SegmentsTest extends StoreConsoleTest {

    private static final String STORE = "seg_rules";
    private static final String BASE = "/api/stores/" + STORE;
    private static final String SCHEMA = "store_" + STORE;
    private static final String NEV = "新能源意向";

    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private LocalDate today;
    private int otherMonth;
    private int phones;

    @BeforeAll
    void fiveDifferentMembers() {
        provision(STORE);
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Shanghai"));
        today = now.toLocalDate();
        int thisMonth = today.getMonthValue();
        otherMonth = thisMonth % 12 + 1;
        LocalDate birthdayThisMonth = LocalDate.of(1985, thisMonth, 10);
        LocalDate birthdayOther = LocalDate.of(1990, otherMonth, 10);

        // 王金: gold, 9,000 points, last came 8 months ago, a BYD EV two years old, walk-in, tagged NEV, advisor zhou
        member("wang", "王金", birthdayOther, "WALK_IN", vehicle("粤A10001", "比亚迪 汉 EV", today.minusYears(2)));
        card("wang", "gold");
        points("wang", 9000);
        order("wang", "S-1", now.minusMonths(8));
        advisor("wang", "zhou");
        // 李银: silver, 2,500 points, came 10 months and 1 month ago, a Camry six years old, referral, birthday now
        member("li", "李银", birthdayThisMonth, "REFERRAL", vehicle("粤A10002", "丰田 凯美瑞", today.minusYears(6)));
        card("li", "silver");
        points("li", 2500);
        order("li", "S-2", now.minusMonths(10));
        order("li", "S-3", now.minusMonths(1));
        // 赵钻: diamond, 30,000 points, never came, a BYD plug-in hybrid (no purchase date), online, birthday now
        member("zhao", "赵钻", birthdayThisMonth, "ONLINE", vehicle("粤A10003", "比亚迪 宋 DM-i", null));
        card("zhao", "diamond");
        points("zhao", 30000);
        // 钱普: standard, no points at all, came 7 months ago, no vehicle, no birthday, no source, advisor zhou
        member("qian", "钱普", null, null, null);
        card("qian", "standard");
        order("qian", "S-4", now.minusMonths(7));
        advisor("qian", "zhou");
        // 孙无卡: no card, 500 points, came 13 months ago, an ID.4 bought exactly three years ago today, phone, advisor lin
        member("sun", "孙无卡", birthdayOther, "PHONE", vehicle("粤A10005", "大众 ID.4", today.minusYears(3)));
        points("sun", 500);
        order("sun", "S-5", now.minusMonths(13));
        advisor("sun", "lin");

        tag("wang", NEV);
        tag("zhao", NEV, "VIP");
        tag("sun", "VIP");
    }

    @Test
    @Order(1)
    void eachRuleAloneGivesExactlyItsMembers() {
        // by hand, from the setup above
        assertMatches(List.of(rule("CARD_LEVEL", List.of("gold", "diamond"))), "wang", "zhao");
        assertMatches(List.of(rule("CARD_LEVEL", List.of("standard"))), "qian");
        assertMatches(List.of(range("POINTS_BALANCE", 2500L, 9000L)), "wang", "li");
        assertMatches(List.of(range("POINTS_BALANCE", null, 0L)), "qian"); // no balance row reads as 0
        assertMatches(List.of(range("POINTS_BALANCE", 10000L, null)), "zhao");
        // came before, but not in the last 6 months: li came a month ago, zhao never came
        assertMatches(List.of(range("NO_VISIT_MONTHS", 6L, null)), "wang", "qian", "sun");
        assertMatches(List.of(range("NO_VISIT_MONTHS", 12L, null)), "sun");
        assertMatches(List.of(text("VEHICLE_MODEL", "比亚迪")), "wang", "zhao");
        assertMatches(List.of(text("VEHICLE_MODEL", "id.4")), "sun"); // any case
        // whole years: 2 (wang), 6 (li), 3 exactly today (sun); zhao's car has no purchase date
        assertMatches(List.of(range("VEHICLE_AGE", 2L, 3L)), "wang", "sun");
        assertMatches(List.of(range("VEHICLE_AGE", 4L, null)), "li");
        assertMatches(List.of(range("VEHICLE_AGE", null, 2L)), "wang");
        assertMatches(List.of(rule("BIRTHDAY_MONTH", List.of("THIS_MONTH"))), "li", "zhao");
        assertMatches(List.of(rule("BIRTHDAY_MONTH", List.of(String.valueOf(otherMonth)))), "wang", "sun");
        assertMatches(List.of(rule("SOURCE", List.of("WALK_IN", "PHONE"))), "wang", "sun");
        assertMatches(List.of(rule("TAG", List.of(NEV))), "wang", "zhao");
        assertMatches(List.of(rule("TAG", List.of(NEV, "VIP"))), "wang", "zhao", "sun");
        assertMatches(List.of(rule("ADVISOR", List.of("zhou"))), "wang", "qian");

        // and by SQL written here, independently of the service's
        assertThat(preview(List.of(range("POINTS_BALANCE", 2500L, 9000L)))).isEqualTo(sql("select m.id from "
                + SCHEMA + ".member m left join " + SCHEMA + ".points_balance b on b.id = m.id"
                + " where coalesce(b.available, 0) between 2500 and 9000"));
        assertThat(preview(List.of(range("NO_VISIT_MONTHS", 6L, null)))).isEqualTo(sql("select member_id from "
                + SCHEMA + ".repair_order group by member_id having max(opened_at) < now() - interval '6 months'"));
    }

    @Test
    @Order(2)
    void rulesCombineWithAnd() {
        assertMatches(List.of(rule("CARD_LEVEL", List.of("gold", "diamond")), rule("TAG", List.of(NEV))),
                "wang", "zhao");
        assertMatches(List.of(rule("CARD_LEVEL", List.of("gold", "diamond")), rule("TAG", List.of(NEV)),
                range("NO_VISIT_MONTHS", 6L, null)), "wang");
        assertMatches(List.of(rule("TAG", List.of("VIP")), text("VEHICLE_MODEL", "比亚迪"),
                rule("BIRTHDAY_MONTH", List.of("THIS_MONTH"))), "zhao");
        assertMatches(List.of(rule("ADVISOR", List.of("zhou")), range("POINTS_BALANCE", 1L, null)), "wang");
        assertMatches(List.of(rule("SOURCE", List.of("ONLINE")), range("NO_VISIT_MONTHS", 1L, null)));
    }

    @Test
    @Order(3)
    void aSavedSegmentsCountFollowsTheDataWithoutBeingTouched() throws SQLException {
        Api.Response saved = manager().post(BASE + "/segments", Map.of("name", "积分五千以上",
                "rules", List.of(range("POINTS_BALANCE", 5000L, null))));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(201);
        String id = saved.json().path("id").asString();
        long version = saved.json().path("version").asLong();
        assertThat(saved.json().path("members").asLong()).isEqualTo(2); // wang, zhao

        execute("update " + SCHEMA + ".points_balance set available = 6000 where id = ?::uuid", ids.get("li"));
        JsonNode after = manager().get(BASE + "/segments/" + id).json();
        assertThat(after.path("members").asLong()).isEqualTo(3);
        assertThat(after.path("version").asLong()).as("the segment itself did not change").isEqualTo(version);
        assertThat(names(manager().get(BASE + "/segments/" + id + "/members").json()))
                .containsExactlyInAnyOrder("王金", "李银", "赵钻");

        // a tag given in the console shows at once in a tag segment's count and in the list's count column
        Api.Response tagged = manager().post(BASE + "/segments", Map.of("name", "新能源意向客户",
                "rules", List.of(rule("TAG", List.of(NEV)))));
        assertThat(tagged.json().path("members").asLong()).isEqualTo(2);
        Api.Response batch = manager().post(BASE + "/tags/batch", Map.of("memberIds",
                List.of(ids.get("li"), ids.get("wang")), "tag", NEV));
        assertThat(batch.status()).as(batch.raw()).isEqualTo(200);
        assertThat(batch.json().path("tagged").asInt()).isEqualTo(1);
        assertThat(batch.json().path("alreadyTagged").asInt()).isEqualTo(1);
        Map<String, Long> counts = new HashMap<>();
        manager().get(BASE + "/segments?q=意向").json().path("content")
                .forEach(s -> counts.put(s.path("name").asString(), s.path("members").asLong()));
        assertThat(counts).containsExactly(Map.entry("新能源意向客户", 3L));
        assertThat(sqlCount("select count(*) from " + SCHEMA + ".audit_event where entity_type = 'memberTag'"
                + " and action = 'CREATE'")).as("every tag given is in the audit trail").isEqualTo(5);

        // taking the tag off (the member page sets the member's tags) takes the member out
        Api.Response set = manager().put(BASE + "/tags/members/" + ids.get("li"), Map.of("tags", List.of("老客户")));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.json().path("tags").get(0).asString()).isEqualTo("老客户");
        assertThat(manager().get(BASE + "/segments/" + tagged.json().path("id").asString()).json()
                .path("members").asLong()).isEqualTo(2);
        execute("update " + SCHEMA + ".points_balance set available = 2500 where id = ?::uuid", ids.get("li"));
    }

    @Test
    @Order(4)
    void aCampaignFromASegmentHoldsExactlyItsMembers() {
        Api.Response segment = manager().post(BASE + "/segments", Map.of("name", "金卡及以上",
                "rules", List.of(rule("CARD_LEVEL", List.of("gold", "diamond")))));
        assertThat(segment.status()).as(segment.raw()).isEqualTo(201);
        String segmentId = segment.json().path("id").asString();
        Api.Response campaign = manager().post(BASE + "/point-campaigns", Map.of("name", "金卡回馈",
                "reason", "金卡及以上会员回馈", "pointsPerMember", 100, "memberIds", List.of(ids.get("li"))));
        assertThat(campaign.status()).as(campaign.raw()).isEqualTo(201);
        String campaignId = campaign.json().path("id").asString();

        Api.Response added = manager().post(BASE + "/point-campaigns/" + campaignId + "/members/segment",
                Map.of("segmentId", segmentId));
        assertThat(added.status()).as(added.raw()).isEqualTo(200);
        assertThat(added.json().path("matched").asInt()).isEqualTo(2);
        assertThat(added.json().path("added").asInt()).isEqualTo(2);
        assertThat(added.json().path("campaign").path("members").asLong()).isEqualTo(3);
        assertThat(sql("select member_id from " + SCHEMA + ".point_campaign_member where campaign_id = '"
                + campaignId + "' and chosen_by = 'SEGMENT' and segment_id = '" + segmentId + "'"))
                .isEqualTo(preview(List.of(rule("CARD_LEVEL", List.of("gold", "diamond")))))
                .isEqualTo(Set.of(ids.get("wang"), ids.get("zhao")));

        // taking the segment again adds nobody: they are in already
        JsonNode again = manager().post(BASE + "/point-campaigns/" + campaignId + "/members/segment",
                Map.of("segmentId", segmentId)).json();
        assertThat(again.path("added").asInt()).isZero();
        assertThat(again.path("alreadyIn").asInt()).isEqualTo(2);
    }

    @Test
    @Order(5)
    void rulesThatCannotBeEvaluatedAre422InTheCallersLanguage() {
        assertRefused(List.of(), "segment-rules-empty");
        assertRefused(List.of(rule("CARD_LEVEL", List.of("platinum"))), "segment-rule-level-unknown");
        assertRefused(List.of(rule("TAG", List.of("没有这个标签"))), "segment-rule-tag-unknown");
        assertRefused(List.of(rule("SOURCE", List.of("MARS"))), "segment-rule-source-unknown");
        assertRefused(List.of(rule("BIRTHDAY_MONTH", List.of("13"))), "segment-rule-month");
        assertRefused(List.of(range("POINTS_BALANCE", 100L, 10L)), "segment-rule-range");
        assertRefused(List.of(range("POINTS_BALANCE", null, null)), "segment-rule-range");
        assertRefused(List.of(range("NO_VISIT_MONTHS", 0L, null)), "segment-rule-months");
        assertRefused(List.of(text("VEHICLE_MODEL", " ")), "segment-rule-text");
        assertRefused(List.of(rule("ADVISOR", List.of())), "segment-rule-values");
        Map<String, Object> extra = new LinkedHashMap<>(rule("TAG", List.of(NEV)));
        extra.put("min", 1);
        assertRefused(List.of(extra), "segment-rule-extra");

        Api.Response zh = manager().post(BASE + "/segments", Map.of("name", "坏规则",
                "rules", List.of(rule("TAG", List.of(NEV)), range("POINTS_BALANCE", 100L, 10L))));
        assertThat(zh.json().path("detail").asString()).isEqualTo(
                "第 2 个条件（积分余额）需要最小值或最大值（或两者），均不小于 0，且最小值不大于最大值。");
        assertThat(zh.json().path("field").asString()).isEqualTo("rules[1]");
        Api.Response en = manager().withLanguage("en").post(BASE + "/segments/preview",
                Map.of("rules", List.of(rule("CARD_LEVEL", List.of("platinum")))));
        assertThat(en.status()).isEqualTo(422);
        assertThat(en.json().path("detail").asString())
                .isEqualTo("Rule 1 (card level): the store has no card level \"platinum\".");
        assertThat(sqlCount("select count(*) from " + SCHEMA + ".member_segment where name = '坏规则'")).isZero();

        Api.Response taken = manager().post(BASE + "/segments", Map.of("name", "金卡及以上",
                "rules", List.of(rule("TAG", List.of(NEV)))));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().path("type").asString()).endsWith("segment-name-taken");
    }

    @Test
    @Order(6)
    void staffReadSegmentsCustomerCareManagesThemAndOnlyTheManagerExportsMembers() throws Exception {
        Api workshop = as(TestUsers.staff(GROUP, STORE, "workshop"));
        assertThat(workshop.get(BASE + "/segments").status()).isEqualTo(200);
        assertThat(workshop.get(BASE + "/tags").status()).isEqualTo(200);
        assertThat(workshop.post(BASE + "/segments", Map.of("name", "x", "rules",
                List.of(rule("TAG", List.of(NEV))))).status()).isEqualTo(403);
        assertThat(workshop.post(BASE + "/tags/batch", Map.of("memberIds", List.of(ids.get("li")), "tag", "x"))
                .status()).isEqualTo(403);
        Api care = as(TestUsers.staff(GROUP, STORE, "customer_care"));
        Api.Response made = care.post(BASE + "/segments", Map.of("name", "生日在本月",
                "rules", List.of(rule("BIRTHDAY_MONTH", List.of("THIS_MONTH")))));
        assertThat(made.status()).as(made.raw()).isEqualTo(201);
        String id = made.json().path("id").asString();
        assertThat(Download.get(port, BASE + "/segments/" + id + "/members/export", token(
                TestUsers.staff(GROUP, STORE, "customer_care")), "zh-CN").status()).isEqualTo(403);

        Download file = Download.get(port, BASE + "/segments/" + id + "/members/export?sort=name,asc",
                token(TestUsers.manager(GROUP, STORE)), "zh-CN");
        assertThat(file.status()).as(new String(file.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(200);
        try (XSSFWorkbook book = file.workbook()) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("积分");
            assertThat(sheet.getLastRowNum()).isEqualTo(2); // header, li and zhao
            List<String> rows = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                rows.add(sheet.getRow(i).getCell(0).getStringCellValue() + " "
                        + (long) sheet.getRow(i).getCell(4).getNumericCellValue());
            }
            assertThat(rows).containsExactlyInAnyOrder("李银 2500", "赵钻 30000");
        }
    }

    // --- helpers

    private void assertMatches(List<Map<String, Object>> rules, String... who) {
        Set<String> expected = new HashSet<>();
        for (String w : who) {
            expected.add(ids.get(w));
        }
        assertThat(preview(rules)).as(rules.toString()).isEqualTo(expected);
    }

    private Set<String> preview(List<Map<String, Object>> rules) {
        Api.Response r = manager().post(BASE + "/segments/preview?size=100", Map.of("rules", rules));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        Set<String> found = new HashSet<>();
        r.json().path("content").forEach(m -> found.add(m.path("id").asString()));
        assertThat(r.json().path("totalElements").asLong()).isEqualTo(found.size());
        return found;
    }

    private void assertRefused(List<Map<String, Object>> rules, String type) {
        Api.Response r = manager().post(BASE + "/segments/preview", Map.of("rules", rules));
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.json().path("type").asString()).as(r.raw()).endsWith(type);
    }

    private static List<String> names(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("content").forEach(m -> out.add(m.path("name").asString()));
        return out;
    }

    private static Map<String, Object> rule(String type, List<String> values) {
        return Map.of("type", type, "values", values);
    }

    private static Map<String, Object> range(String type, Long min, Long max) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("type", type);
        if (min != null) {
            rule.put("min", min);
        }
        if (max != null) {
            rule.put("max", max);
        }
        return rule;
    }

    private static Map<String, Object> text(String type, String text) {
        return Map.of("type", type, "text", text);
    }

    private static Map<String, Object> vehicle(String plate, String model, LocalDate bought) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("plate", plate);
        v.put("vin", "LSVAB4180N20" + plate.substring(2));
        v.put("model", model);
        if (bought != null) {
            v.put("purchaseDate", bought.toString());
        }
        return v;
    }

    private Api manager() {
        return as(TestUsers.manager(GROUP, STORE));
    }

    private void member(String key, String name, LocalDate birthday, String source, Map<String, Object> vehicle) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("name", name);
        profile.put("phone", "1381234" + String.format("%04d", ++phones));
        if (birthday != null) {
            profile.put("birthday", birthday.toString());
        }
        if (source != null) {
            profile.put("source", source);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("profile", profile);
        if (vehicle != null) {
            body.put("vehicles", List.of(vehicle));
        }
        Api.Response r = manager().post(BASE + "/members", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        ids.put(key, r.json().path("id").asString());
        names.put(key, name);
    }

    private void tag(String key, String... tags) {
        Api.Response r = manager().put(BASE + "/tags/members/" + ids.get(key), Map.of("tags", List.of(tags)));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    private void card(String key, String level) {
        execute("insert into " + SCHEMA + ".member_card (id, member_id, card_number, level_id, status, joined_at,"
                + " valid_until, level_since, created_at, updated_at, version) select gen_random_uuid(), ?::uuid,"
                + " 'C-' || substr(md5(random()::text), 1, 10), l.id, 'ACTIVE', now(), now() + interval '1 year',"
                + " now(), now(), now(), 0 from " + SCHEMA + ".card_level l where l.code = '" + level + "'"
                + " on conflict (member_id) do update set level_id = excluded.level_id, status = 'ACTIVE'",
                ids.get(key));
    }

    private void points(String key, long available) {
        execute("insert into " + SCHEMA + ".points_balance (id, available, pending, lifetime_earned, debt,"
                + " created_at, updated_at, version) values (?::uuid, " + available + ", 0, " + available
                + ", 0, now(), now(), 0) on conflict (id) do update set available = excluded.available",
                ids.get(key));
    }

    private void order(String key, String number, ZonedDateTime openedAt) {
        execute("insert into " + SCHEMA + ".repair_order (id, dms_number, member_id, status, opened_at, content_hash,"
                + " created_at, updated_at, version) values (gen_random_uuid(), '" + number + "', ?::uuid, 'OPEN',"
                + " '" + openedAt.toOffsetDateTime() + "'::timestamptz, 'x', now(), now(), 0)", ids.get(key));
    }

    private void advisor(String key, String username) {
        execute("insert into " + SCHEMA + ".advisor_customer (id, advisor, bound_at, bound_by, created_at,"
                + " updated_at, version) values (?::uuid, '" + username + "', now(), 'test', now(), now(), 0)",
                ids.get(key));
    }

    private void execute(String sql, String member) {
        try (Connection c = database.connect(); PreparedStatement u = c.prepareStatement(sql)) {
            u.setString(1, member);
            assertThat(u.executeUpdate()).as(sql).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long sqlCount(String sql) {
        return Long.parseLong(sql(sql).iterator().next());
    }

    private Set<String> sql(String sql) {
        return new HashSet<>(strings(sql));
    }
}
