package com.m4s.store.gift;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.Download;
import com.m4s.store.support.LoyaltyScenarioTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
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
 * Batch distribution of a gift (GIFT-3, decision 0049): a distribution cut short after two members and run again,
 * and run again after its progress was lost, gives each member exactly one gift (one redemption, one stock movement,
 * the exact events); stock running out part-way skips the rest with the reason and never goes negative; a segment
 * and an uploaded list choose the members; the report, the lists and the statistics per member export to Excel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GiftDistributionsTest extends LoyaltyScenarioTest {

    private static final String STORE = "gift_batch";

    @Autowired
    TenantRegistry tenants;
    @Autowired
    GiftDistributions distributions;
    @Autowired
    GiftDistributionJob job;

    GiftDistributionsTest() {
        super(STORE, "1340000");
    }

    @BeforeAll
    void store() {
        provision(STORE);
    }

    @Test
    void aDistributionRetriedAfterACrashGivesEachMemberExactlyOneGift() throws Exception {
        String gift = gift("春节礼盒", 10, null);
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            chosen.add(member("老客户" + i));
        }
        addPoints(chosen.getFirst(), 300);
        JsonNode draft = created(care().post(base + "/gift-distributions", Map.of("giftId", gift, "title",
                "春节老客户回馈", "quantity", 1, "memberIds", chosen)));
        String id = draft.path("id").asString();
        assertThat(draft.path("status").asString() + " " + draft.path("members").asLong()).isEqualTo("DRAFT 5");
        assertThat(service().post(base + "/gift-distributions/" + id + "/start", "", ifMatch(id)).status())
                .as("service staff redeem at the desk but do not distribute").isEqualTo(403);

        distributions.crashAfter(2);
        long started = System.nanoTime();
        assertThat(ok(care().post(base + "/gift-distributions/" + id + "/start", "", ifMatch(id))).path("status")
                .asString()).isEqualTo("RUNNING");
        Eventually.await(Duration.ofSeconds(30), "the run cut short", () -> strings("select last_error from"
                + " console.job_run where job = 'gift-distribution' and store_code = ? and consecutive_failures > 0",
                STORE), errors -> !errors.isEmpty());
        JsonNode cut = ok(manager().get(base + "/gift-distributions/" + id));
        assertThat(cut.path("status").asString() + " " + cut.path("done").asLong() + "/" + cut.path("members")
                .asLong()).isEqualTo("RUNNING 2/5");
        assertThat(stockEntries(gift)).containsExactly("RECEIVE 10 10", "DISTRIBUTE -1 9", "DISTRIBUTE -1 8");

        inStore(() -> job.run(tenant()));
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        List<String> once = chosen.stream().map(m -> m + " 1 0 BATCH REDEEMED gift-distribution:" + id + ":" + m)
                .sorted().toList();
        assertThat(given(id)).as("after %d ms", millis).containsExactlyElementsOf(once);
        JsonNode done = ok(manager().get(base + "/gift-distributions/" + id));
        assertThat(done.path("status").asString() + " " + done.path("given").asLong() + " " + done.path("skipped")
                .asLong()).isEqualTo("DONE 5 0");
        assertThat(stockSum(gift)).isEqualTo(5);
        assertThat(strings("select count(*) from store_" + STORE + ".gift_stock_entry where kind = 'DISTRIBUTE'"
                + " and idempotency_key like ?", "gift-distribution:" + id + ":%")).containsExactly("5");
        assertThat(distributionEvents(id)).containsExactly("GiftDistributionCreated",
                "GiftDistributionMembersChanged", "GiftDistributionStarted", "GiftDistributionFinished");
        List<String> perMember = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            perMember.add("GiftStockMoved");
            perMember.add("GiftDistributed");
        }
        assertThat(giftEvents(gift)).containsExactlyElementsOf(concat(List.of("GiftCreated", "GiftStockMoved"),
                perMember));

        // progress lost (as if no member's outcome had been written): the database's keys still hold
        try (Connection c = database.connect(); PreparedStatement u = c.prepareStatement("update store_" + STORE
                + ".gift_distribution_member set outcome = null, redemption_id = null where distribution_id = ?::uuid;"
                + " update store_" + STORE + ".gift_distribution set status = 'RUNNING', finished_at = null"
                + " where id = ?::uuid")) {
            u.setString(1, id);
            u.setString(2, id);
            u.execute();
        }
        inStore(() -> job.run(tenant()));
        assertThat(given(id)).containsExactlyElementsOf(once);
        assertThat(stockSum(gift)).isEqualTo(5);
        assertThat(ok(manager().get(base + "/gift-distributions/" + id)).path("given").asLong()).isEqualTo(5);
        try (Connection c = database.connect(); PreparedStatement twice = c.prepareStatement("insert into store_"
                + STORE + ".gift_redemption (id, gift_id, gift_name, member_id, quantity, points, status, channel,"
                + " distribution_id, idempotency_key, request_hash, created_by, created_at, updated_at, version)"
                + " values (gen_random_uuid(), ?::uuid, 'x', ?::uuid, 1, 0, 'REDEEMED', 'BATCH', ?::uuid, 'other',"
                + " 'h', 't', now(), now(), 0)")) {
            twice.setString(1, gift);
            twice.setString(2, chosen.getFirst());
            twice.setString(3, id);
            assertThat(org.assertj.core.api.Assertions.catchThrowable(twice::execute)).as("a second gift of the"
                    + " distribution to a member, even under another key").hasMessageContaining(
                    "gift_redemption_distribution_uk");
        }

        // the member sees it in 我的兑换, free; cancelled, the stock comes back and no points move
        Api owner = owner(chosen.getFirst(), "batch-owner-1");
        JsonNode mine = owner.get(base + "/me/gift-redemptions").json().path("content").get(0);
        assertThat(mine.path("channel").asString() + " " + mine.path("points").asLong() + " " + mine.path("status")
                .asString()).isEqualTo("BATCH 0 REDEEMED");
        assertThat(ok(owner.post(base + "/me/gift-redemptions/" + mine.path("id").asString() + "/cancellation",
                Map.of("reason", "用不上"))).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(points(chosen.getFirst())).containsExactly("ADJUST 300 STAFF_ADJUSTMENT");
        assertThat(stockSum(gift)).isEqualTo(6);
    }

    @Test
    void stockRunningOutPartWaySkipsTheRestWithTheReasonAndNeverGoesNegative() throws Exception {
        String gift = gift("保温杯", 4, 1);
        String holder = member("已兑过");
        addPoints(holder, 500);
        ok(service().post(base + "/gift-redemptions", Map.of("memberId", holder, "giftId", gift, "quantity", 1),
                Map.of("Idempotency-Key", "had-one")));
        String gone = member("已删除");
        List<String> chosen = new ArrayList<>(List.of(holder, gone));
        for (int i = 0; i < 5; i++) {
            chosen.add(member("抢发" + i));
        }
        String id = created(care().post(base + "/gift-distributions", Map.of("giftId", gift, "title", "店庆",
                "quantity", 1, "memberIds", chosen))).path("id").asString();
        assertThat(manager().delete(base + "/members/" + gone).status()).isEqualTo(204);
        ok(care().post(base + "/gift-distributions/" + id + "/start", "", ifMatch(id)));
        JsonNode done = Eventually.await(Duration.ofSeconds(30), "the distribution done",
                () -> manager().get(base + "/gift-distributions/" + id).json(),
                d -> "DONE".equals(d.path("status").asString()));
        assertThat(List.of(done.path("members").asLong(), done.path("given").asLong(), done.path("skipped").asLong(),
                done.path("skippedOutOfStock").asLong(), done.path("skippedMemberLimit").asLong(),
                done.path("skippedGone").asLong())).containsExactly(7L, 3L, 4L, 2L, 1L, 1L);
        assertThat(stockSum(gift)).isZero();
        assertThat(strings("select min(stock_after) from store_" + STORE + ".gift_stock_entry where gift_id ="
                + " ?::uuid", UUID.fromString(gift))).containsExactly("0");
        Map<String, String> report = new LinkedHashMap<>();
        ok(manager().get(base + "/gift-distributions/" + id + "/members?size=20")).path("content")
                .forEach(m -> report.put(m.path("memberId").asString(), m.path("outcome").asString() + " "
                        + m.path("skipReason").asString("")));
        assertThat(report.get(holder)).isEqualTo("SKIPPED MEMBER_LIMIT");
        assertThat(report.get(gone)).isEqualTo("SKIPPED MEMBER_GONE");
        assertThat(report.values().stream().filter(v -> v.equals("SKIPPED OUT_OF_STOCK")).count()).isEqualTo(2);
        assertThat(ok(manager().get(base + "/gift-distributions/" + id + "/members?outcome=SKIPPED"))
                .path("totalElements").asLong()).isEqualTo(4);

        Download file = Download.get(port, base + "/gift-distributions/" + id + "/members/export?outcome=SKIPPED",
                token(TestUsers.manager(GROUP, STORE)), "zh-CN");
        assertThat(file.status()).isEqualTo(200);
        try (XSSFWorkbook book = file.workbook()) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("礼品发放明细");
            assertThat(texts(sheet.getRow(0), 5)).containsExactly("会员", "手机号", "选入方式", "结果", "跳过原因");
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            List<String> reasons = new ArrayList<>();
            for (int r = 1; r <= 4; r++) {
                reasons.add(texts(sheet.getRow(r), 5).get(4));
            }
            assertThat(reasons).containsExactlyInAnyOrder("库存不足", "库存不足", "已达每人上限", "会员已删除");
        }
    }

    @Test
    void aSegmentAndAnUploadedListChooseTheMembersAndTheStatisticsExport() throws Exception {
        String gift = gift("车载香薰", 20, null);
        String tagged = member("分群甲");
        String alsoTagged = member("分群乙");
        String listed = member("名单丙");
        for (String m : List.of(tagged, alsoTagged)) {
            assertThat(manager().put(base + "/tags/members/" + m, Map.of("tags", List.of("春节回馈"))).status())
                    .isEqualTo(200);
        }
        String segment = created(manager().post(base + "/segments", Map.of("name", "春节回馈客户", "rules",
                List.of(Map.of("type", "TAG", "values", List.of("春节回馈")))))).path("id").asString();
        String id = created(care().post(base + "/gift-distributions", Map.of("giftId", gift, "title", "春节",
                "quantity", 2, "segmentId", segment))).path("id").asString();
        String phone = strings("select phone from store_" + STORE + ".member where id = ?::uuid",
                UUID.fromString(listed)).getFirst();
        String csv = "\uFEFF手机号,备注\n" + phone + ",老客户\n13912345678,不认识\n";
        Api.Response uploaded = care().upload(base + "/gift-distributions/" + id + "/members/file", "file", "名单.csv",
                "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        JsonNode result = ok(uploaded);
        assertThat(result.path("lines").asInt() + " " + result.path("added").asInt() + " " + result.path("unmatched")
                .get(0).path("reason").asString()).isEqualTo("2 1 本店没有手机号或车牌号为 13912345678 的会员。");
        assertThat(care().upload(base + "/gift-distributions/" + id + "/members/file", "file", "x.txt",
                "text/plain", "a".getBytes(StandardCharsets.UTF_8)).json().path("type").asString())
                .endsWith("member-file-type");
        assertThat(result.path("distribution").path("members").asLong()).isEqualTo(3);

        ok(care().post(base + "/gift-distributions/" + id + "/start", "", ifMatch(id)));
        Eventually.await(Duration.ofSeconds(30), "the distribution done",
                () -> manager().get(base + "/gift-distributions/" + id).json(),
                d -> "DONE".equals(d.path("status").asString()));
        Api.Response late = care().post(base + "/gift-distributions/" + id + "/members", Map.of("memberIds",
                List.of(tagged)));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("type").asString()).endsWith("gift-distribution-started");

        JsonNode figures = ok(manager().get(base + "/gifts/" + gift));
        assertThat(figures.path("givenQuantity").asLong() + " " + figures.path("redeemedQuantity").asLong() + " "
                + figures.path("stock").asLong()).isEqualTo("6 0 14");
        JsonNode stats = ok(manager().get(base + "/gift-statistics/members?gift=" + gift));
        assertThat(stats.path("totalElements").asLong()).isEqualTo(3);
        JsonNode row = stats.path("content").get(0);
        assertThat(row.path("redemptions").asLong() + " " + row.path("quantity").asLong() + " " + row.path("points")
                .asLong() + " " + row.path("givenQuantity").asLong()).isEqualTo("1 2 0 2");

        for (String export : List.of("/gifts/export", "/gift-redemptions/export?channel=BATCH",
                "/gift-statistics/members/export?gift=" + gift)) {
            Download file = Download.get(port, base + export, token(TestUsers.manager(GROUP, STORE)), "zh-CN");
            assertThat(file.status()).as(export).isEqualTo(200);
            try (XSSFWorkbook book = file.workbook()) {
                assertThat(book.getSheetAt(0).getLastRowNum()).as(export).isGreaterThanOrEqualTo(1);
            }
        }
        Download stat = Download.get(port, base + "/gift-statistics/members/export?gift=" + gift,
                token(TestUsers.manager(GROUP, STORE)), "en");
        try (XSSFWorkbook book = stat.workbook()) {
            assertThat(texts(book.getSheetAt(0).getRow(0), 3)).containsExactly("Member", "Phone", "Redemptions");
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(3);
        }
    }

    // --- helpers

    private String gift(String name, long stock, Integer limit) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("pointsPrice", 100);
        if (limit != null) {
            form.put("memberLimit", limit);
        }
        form.put("initialStock", stock);
        form.put("listed", true);
        return ok(manager().post(base + "/gifts", form)).path("id").asString();
    }

    private Map<String, String> ifMatch(String id) {
        return Map.of("If-Match", "\"" + manager().get(base + "/gift-distributions/" + id).json().path("version")
                .asLong() + "\"");
    }

    private static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode created(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json();
    }

    private void inStore(Runnable work) {
        TenantContext.supplyAs(tenant(), () -> {
            work.run();
            return null;
        });
    }

    private Tenant tenant() {
        return tenants.find(STORE).orElseThrow().tenant();
    }

    /** The distribution's redemptions: member, quantity, points, channel, status, key; by member. */
    private List<String> given(String distribution) {
        return strings("select member_id || ' ' || quantity || ' ' || points || ' ' || channel || ' ' || status"
                + " || ' ' || idempotency_key from store_" + STORE + ".gift_redemption where distribution_id = ?::uuid"
                + " order by member_id::text", UUID.fromString(distribution));
    }

    private List<String> stockEntries(String gift) {
        return strings("select kind || ' ' || delta || ' ' || stock_after from store_" + STORE + ".gift_stock_entry"
                + " where gift_id = ?::uuid order by created_at, id", UUID.fromString(gift));
    }

    /** The gift's stock, checked to equal the sum of its movements. */
    private long stockSum(String gift) {
        UUID id = UUID.fromString(gift);
        long stock = Long.parseLong(strings("select stock from store_" + STORE + ".gift where id = ?::uuid", id)
                .getFirst());
        assertThat(strings("select coalesce(sum(delta), 0) from store_" + STORE + ".gift_stock_entry where gift_id ="
                + " ?::uuid", id)).as("the sum of the movements").containsExactly(String.valueOf(stock));
        return stock;
    }

    private List<String> giftEvents(String gift) {
        return strings("select event_type from console.event_outbox where topic = 'm4s.gift' and payload->>'giftId' = ?"
                + " and payload->>'distributionId' is null order by id", gift);
    }

    private List<String> distributionEvents(String distribution) {
        return strings("select event_type from console.event_outbox where topic = 'm4s.gift'"
                + " and payload->>'distributionId' = ? order by id", distribution);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> texts(Row row, int cells) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < cells; i++) {
            texts.add(row.getCell(i) == null ? "" : row.getCell(i).toString());
        }
        return texts;
    }
}
