package com.m4s.store.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.m4s.platform.security.Departments;
import com.m4s.platform.servers.Api;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.test.TestClock;
import com.m4s.platform.test.TestUsers;
import com.m4s.platform.web.ApiException;
import com.m4s.store.support.LoyaltyScenarioTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * E-coupons (WAL-2, decision 0044) as scenarios: a template's life and rules, issuing to a member and to a segment
 * with the per-member limit and the stock, the owner's claim centre, fifty claims at once for a stock of ten, the
 * checkout's use and restore and the expiry job on the test clock, problems in both languages, and who may do what.
 * Each scenario asserts the exact events published on {@value CouponEvents#TOPIC}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CouponsTest extends LoyaltyScenarioTest {

    private static final String STORE = "cpn_x";
    private static final String BASE = "/api/stores/" + STORE;
    private static final String TEMPLATES = BASE + "/coupon-templates";
    private static final java.time.ZoneId SHANGHAI = java.time.ZoneId.of("Asia/Shanghai");

    @Autowired
    TestClock clock;
    @Autowired
    TenantRegistry tenants;
    @Autowired
    Coupons coupons;
    @Autowired
    TransactionTemplate tx;

    CouponsTest() {
        super(STORE, "1360000");
    }

    @BeforeAll
    void store() {
        provision(STORE);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aTemplateIsADraftUntilActivatedThenOnlyItsTextAndAStockUpChangeAndAnEndedOneNothing() {
        assertProblem(manager().post(TEMPLATES, threshold("满300减50", 30_000, 30_000)), 422,
                "coupon-template-invalid", "门槛金额须高于优惠金额（如满300减50）。");
        assertProblem(manager().withLanguage("en").post(TEMPLATES, threshold("满300减50", 30_000, 30_000)), 422,
                "coupon-template-invalid", "The threshold must be above the amount off (spend 300, get 50 off).");
        Map<String, Object> freeOil = template("免费机油", "FREE_ITEM", "ORDER");
        assertProblem(manager().post(TEMPLATES, freeOil), 422, "coupon-template-invalid",
                "免费项目券须列出适用项目：请选择适用范围“指定项目”。");
        Map<String, Object> noCodes = template("免费机油", "FREE_ITEM", "ITEMS");
        assertProblem(manager().post(TEMPLATES, noCodes), 422, "coupon-template-invalid",
                "请列出适用的商城品类或项目编码。");
        noCodes.put("scopeCodes", List.of("OIL-5W30-1L", " OIL-5W30-1L", "FLT-OIL-01"));
        noCodes.put("capFen", 60_000);
        Api.Response freeItem = manager().post(TEMPLATES, noCodes);
        assertThat(freeItem.status()).as(freeItem.raw()).isEqualTo(201);
        assertThat(strings(freeItem.json().path("scopeCodes"))).as("stripped, once each")
                .containsExactly("OIL-5W30-1L", "FLT-OIL-01");
        assertThat(freeItem.json().path("capFen").asLong()).isEqualTo(60_000);
        Map<String, Object> percent = template("工时8折", "PERCENT", "LABOUR");
        percent.put("percentOff", 0);
        assertProblem(manager().post(TEMPLATES, percent), 422, "coupon-template-invalid", null);
        Map<String, Object> bothDates = threshold("满300减50", 5_000, 30_000);
        bothDates.put("validFrom", "2027-01-01");
        assertProblem(manager().post(TEMPLATES, bothDates), 422, "coupon-template-invalid",
                "请填写起止日期，或领取/发放后的有效天数，二选一。");

        Api.Response created = manager().post(TEMPLATES, threshold("满300减50", 5_000, 30_000));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.json().path("status").asString()).isEqualTo("DRAFT");
        assertThat(strings(created.json().path("moves"))).containsExactlyInAnyOrder("EDIT_RULES", "EDIT_TEXT",
                "ACTIVATE");
        // a draft: every rule changes (If-Match)
        Map<String, Object> change = threshold("满300减60", 6_000, 30_000);
        change.put("totalLimit", 100);
        assertThat(manager().put(TEMPLATES + "/" + id, change, ifMatch(1)).status()).as("stale version")
                .isEqualTo(409);
        Api.Response changed = manager().put(TEMPLATES + "/" + id, change, ifMatch(0));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.json().path("valueFen").asLong()).isEqualTo(6_000);
        Api.Response active = manager().post(TEMPLATES + "/" + id + "/activation", Map.of(), ifMatch(1));
        assertThat(active.status()).as(active.raw()).isEqualTo(200);
        assertThat(active.json().path("status").asString()).isEqualTo("ACTIVE");
        // active: members may hold it, its rules stay
        change.put("valueFen", 7_000);
        assertProblem(manager().put(TEMPLATES + "/" + id, change, ifMatch(2)), 409, "coupon-template-rules-locked",
                "优惠券“满300减60”已启用，会员已持有按此规则发放的券：只能修改名称、说明和增加库存；如需新规则，请结束它并新建一张。");
        change.put("valueFen", 6_000);
        change.put("totalLimit", 5);
        assertProblem(manager().put(TEMPLATES + "/" + id, change, ifMatch(2)), 422, "coupon-template-stock-down",
                "已启用优惠券的库存只能增加（当前 100）。");
        change.put("totalLimit", 200);
        change.put("name", "满300减60（新客）");
        Api.Response renamed = manager().put(TEMPLATES + "/" + id, change, ifMatch(2));
        assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
        assertThat(renamed.json().path("totalLimit").asInt()).isEqualTo(200);
        assertThat(renamed.json().path("remaining").asInt()).isEqualTo(200);
        Api.Response ended = manager().post(TEMPLATES + "/" + id + "/ending", Map.of(), ifMatch(3));
        assertThat(ended.json().path("status").asString()).isEqualTo("ENDED");
        assertProblem(manager().post(TEMPLATES + "/" + id + "/activation", Map.of(), ifMatch(4)), 409,
                "coupon-template-illegal-move", "优惠券“满300减60（新客）”当前已结束，不能启用。");
        assertProblem(manager().withLanguage("en").post(TEMPLATES + "/" + id + "/activation", Map.of(), ifMatch(4)),
                409, "coupon-template-illegal-move", "Coupon \"满300减60（新客）\" is ended and cannot be activated.");

        assertThat(templateEvents(id)).containsExactly("CouponTemplateCreated DRAFT", "CouponTemplateChanged DRAFT",
                "CouponTemplateActivated ACTIVE", "CouponTemplateChanged ACTIVE", "CouponTemplateEnded ENDED");
        // the list: search, filters, sort; the export
        JsonNode list = manager().get(TEMPLATES + "?search=新客&status=ENDED&kind=THRESHOLD&sort=name,asc").json();
        assertThat(list.path("totalElements").asLong()).isEqualTo(1);
        assertThat(manager().get(TEMPLATES + "?status=DRAFT&search=新客").json().path("totalElements").asLong())
                .isZero();
        Api.Response export = manager().get(TEMPLATES + "/export?status=ENDED");
        assertThat(export.status()).as(export.raw()).isEqualTo(200);
    }

    @Test
    void anIssueReachesAMemberOrASegmentOnceSkippingThoseOverTheLimitAndAfterTheStockRanOut() {
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(SHANGHAI));
        String template = active(cash("100元代金券", 10_000, 3, 1));
        String a = member("发券甲");
        String b = member("发券乙");
        String c = member("发券丙");
        String d = member("发券丁");
        Api.Response one = manager().post(TEMPLATES + "/" + template + "/issues", Map.of("memberId", a),
                Map.of("Idempotency-Key", "issue-a"));
        assertThat(one.status()).as(one.raw()).isEqualTo(200);
        assertThat(one.json().path("issued").asInt()).isEqualTo(1);
        Api.Response again = manager().post(TEMPLATES + "/" + template + "/issues", Map.of("memberId", a),
                Map.of("Idempotency-Key", "issue-a"));
        assertThat(again.json().path("batchId").asString()).isEqualTo(one.json().path("batchId").asString());
        // the same batch reaching the service again (the kept answer gone) issues nobody twice
        UUID batch = UUID.fromString(one.json().path("batchId").asString());
        CouponViews.CouponIssueResult repeat = inStore(() -> coupons.issue(UUID.fromString(template),
                new CouponRequests.CouponIssue(UUID.fromString(a), null), batch, "staff"));
        assertThat(repeat.alreadyIssued()).isEqualTo(1);
        assertThat(repeat.issued()).isZero();

        // a segment of four tagged members: a holds one already (limit 1), the stock of 3 leaves one without
        Api.Response tagged = manager().post(BASE + "/tags/batch", Map.of("memberIds", List.of(a, b, c, d),
                "tag", "发券测试"));
        assertThat(tagged.status()).as(tagged.raw()).isEqualTo(200);
        Api.Response segment = manager().post(BASE + "/segments", Map.of("name", "发券测试分群",
                "rules", List.of(Map.of("type", "TAG", "values", List.of("发券测试")))));
        assertThat(segment.status()).as(segment.raw()).isEqualTo(201);
        Api.Response toSegment = care().post(TEMPLATES + "/" + template + "/issues", Map.of("segmentId",
                segment.json().path("id").asString()), Map.of("Idempotency-Key", "issue-segment"));
        assertThat(toSegment.status()).as(toSegment.raw()).isEqualTo(200);
        assertThat(toSegment.json().path("targeted").asInt()).isEqualTo(4);
        assertThat(toSegment.json().path("issued").asInt()).isEqualTo(2);
        assertThat(toSegment.json().path("overLimit").asInt()).isEqualTo(1);
        assertThat(toSegment.json().path("outOfStock").asInt()).isEqualTo(1);
        assertThat(toSegment.json().path("template").path("remaining").asInt()).isZero();

        assertProblem(manager().post(TEMPLATES + "/" + template + "/issues", Map.of()), 422, "coupon-issue-target",
                "请选择一位会员或一个会员分群，二选一。");
        assertThat(service().post(TEMPLATES + "/" + template + "/issues", Map.of("memberId", d)).status())
                .as("service staff do not issue").isEqualTo(403);
        assertThat(care().post(TEMPLATES, cash("客服券", 1_000, null, 1)).status())
                .as("customer care issue but do not design coupons").isEqualTo(403);
        String draft = manager().post(TEMPLATES, cash("草稿券", 1_000, null, 1)).json().path("id").asString();
        assertProblem(manager().post(TEMPLATES + "/" + draft + "/issues", Map.of("memberId", d)), 409,
                "coupon-template-illegal-move", "优惠券“草稿券”当前为草稿，不能发放或领取。");

        // validity 30 days from the issue day, on the store's calendar
        // the segment's order decides which two of b, c, d came before the stock ran out
        List<JsonNode> holders = new ArrayList<>();
        for (String m : List.of(b, c, d)) {
            JsonNode coupons = manager().get(BASE + "/members/" + m + "/coupons").json();
            if (!coupons.isEmpty()) {
                holders.add(coupons);
            }
        }
        assertThat(holders).hasSize(2);
        JsonNode held = holders.getFirst();
        assertThat(held.size()).isEqualTo(1);
        assertThat(held.get(0).path("validFrom").asString()).isEqualTo(today.toString());
        assertThat(held.get(0).path("validUntil").asString()).isEqualTo(today.plusDays(29).toString());
        assertThat(held.get(0).path("obtained").asString()).isEqualTo("ISSUED");
        assertThat(couponEvents(template)).containsExactly("CouponIssued 1", "CouponIssued 2");
        JsonNode stats = manager().get(TEMPLATES + "/" + template + "/statistics?days=7").json();
        assertThat(stats.path("issued").asLong()).isEqualTo(3);
        assertThat(stats.path("available").asLong()).isEqualTo(3);
        assertThat(stats.path("days").size()).isEqualTo(7);
        assertThat(stats.path("days").get(6).path("issued").asLong()).as("today").isEqualTo(3);
    }

    @Test
    void anOwnerClaimsFromTheCentreWithinTheLimitAndTheStockAndCannotManage() throws SQLException {
        String member = member("领券车主");
        Api owner = owner(member, "cpn-owner");
        String claimable = active(claimable(cash("新客立减20", 2_000, 5, 1)));
        String empty = active(claimable(cash("秒杀券", 5_000, 0, 1)));
        active(cash("不可领取", 1_000, null, 1));

        JsonNode centre = owner.get(BASE + "/me/coupon-centre").json();
        Map<String, JsonNode> byName = new HashMap<>();
        centre.forEach(i -> byName.put(i.path("name").asString(), i));
        assertThat(byName).containsOnlyKeys("新客立减20", "秒杀券");
        assertThat(byName.get("新客立减20").path("remaining").asInt()).isEqualTo(5);
        assertThat(byName.get("新客立减20").path("canClaim").asBoolean()).isTrue();
        assertThat(byName.get("秒杀券").path("canClaim").asBoolean()).isFalse();

        String claims = BASE + "/me/coupon-centre/" + claimable + "/claims";
        Api.Response claimed = owner.post(claims, Map.of(), Map.of("Idempotency-Key", "claim-1"));
        assertThat(claimed.status()).as(claimed.raw()).isEqualTo(200);
        assertThat(claimed.json().path("state").asString()).isEqualTo("AVAILABLE");
        assertThat(claimed.json().path("obtained").asString()).isEqualTo("CLAIMED");
        assertThat(owner.post(claims, Map.of(), Map.of("Idempotency-Key", "claim-1")).json().path("id").asString())
                .as("a repeat answers the first coupon").isEqualTo(claimed.json().path("id").asString());
        assertProblem(owner.post(claims, Map.of(), Map.of("Idempotency-Key", "claim-2")), 409,
                "coupon-limit-reached", "优惠券“新客立减20”每位会员最多持有 1 张，您已达上限。");
        assertProblem(owner.withLanguage("en").post(claims, Map.of(), Map.of("Idempotency-Key", "claim-3")), 409,
                "coupon-limit-reached",
                "You already hold the most coupons \"新客立减20\" one member may have (1).");
        assertProblem(owner.post(BASE + "/me/coupon-centre/" + empty + "/claims", Map.of()), 409,
                "coupon-out-of-stock", "优惠券“秒杀券”已全部发完。");
        JsonNode after = owner.get(BASE + "/me/coupon-centre").json();
        after.forEach(i -> byName.put(i.path("name").asString(), i));
        assertThat(byName.get("新客立减20").path("remaining").asInt()).isEqualTo(4);
        assertThat(byName.get("新客立减20").path("held").asInt()).isEqualTo(1);
        assertThat(byName.get("新客立减20").path("canClaim").asBoolean()).isFalse();

        JsonNode mine = owner.get(BASE + "/me/coupons?state=AVAILABLE").json();
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).path("name").asString()).isEqualTo("新客立减20");
        assertThat(owner.get(BASE + "/me/coupons?state=USED").json().size()).isZero();
        // an owner manages nothing and reads no one else's coupons
        assertThat(owner.post(TEMPLATES, cash("车主自建", 1_000, null, 1)).status()).isEqualTo(403);
        assertThat(owner.get(TEMPLATES).status()).isEqualTo(403);
        assertThat(owner.get(BASE + "/members/" + member + "/coupons").status()).isEqualTo(403);
        assertThat(manager().get(BASE + "/me/coupons").status()).as("staff have no own coupons").isEqualTo(403);
        assertThat(couponEvents(claimable)).containsExactly("CouponClaimed AVAILABLE");
    }

    @Test
    void fiftyClaimsAtOnceForAStockOfTenHandOutExactlyTen() throws Exception {
        String template = active(claimable(cash("限量十张", 1_000, 10, 1)));
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            members.add(UUID.fromString(member("抢券" + i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                UUID member = members.get(i % members.size());
                String key = "race-" + i;
                Callable<String> claim = () -> {
                    try {
                        inStore(() -> coupons.claim(UUID.fromString(template), member, key, "owner"));
                        return "claimed";
                    } catch (ApiException e) {
                        return e.type();
                    }
                };
                outcomes.add(pool.submit(claim));
            }
            Map<String, Integer> counts = new HashMap<>();
            for (Future<String> f : outcomes) {
                counts.merge(f.get(), 1, Integer::sum);
            }
            assertThat(counts.get("claimed")).isEqualTo(10);
            assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(50);
            assertThat(counts).containsOnlyKeys("claimed", "coupon-out-of-stock", "coupon-limit-reached");
        } finally {
            pool.shutdownNow();
        }
        String schema = "store_" + STORE;
        assertThat(strings("select count(*) from " + schema + ".member_coupon where template_id = ?::uuid", template))
                .containsExactly("10");
        assertThat(strings("select count(*) from (select member_id from " + schema + ".member_coupon where"
                + " template_id = ?::uuid group by member_id having count(*) > 1) x", template)).containsExactly("0");
        assertThat(strings("select handed_out from " + schema + ".coupon_template where id = ?::uuid", template))
                .containsExactly("10");
        assertThat(couponEvents(template)).hasSize(10);
    }

    @Test
    void aPaymentUsesACouponARefundRestoresItOnceAndTheJobExpiresWhatIsPastItsLastDay() {
        // HTTP calls while the clock is near real time (the tokens' expiry reads it); the service after it moved
        clock.freeze();
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(SHANGHAI));
        String member = member("用券会员");
        String other = member("别的会员");
        String template = active(cash("满减用券", 5_000, null, 3));
        for (int i = 0; i < 2; i++) {
            assertThat(manager().post(TEMPLATES + "/" + template + "/issues", Map.of("memberId", member))
                    .json().path("issued").asInt()).isEqualTo(1);
        }
        UUID m = UUID.fromString(member);
        List<CouponOffer> offers = inStore(() -> coupons.offers(m));
        assertThat(offers).hasSize(2);
        assertThat(offers.getFirst().valueFen()).isEqualTo(5_000);
        assertThat(offers.getFirst().validUntil()).isEqualTo(today.plusDays(29));
        UUID first = offers.get(0).memberCouponId();
        UUID second = offers.get(1).memberCouponId();
        UUID payment = UUID.randomUUID();

        assertThatThrownBy(() -> coupons.use(first, m, payment, 5_000, 40_000, "cashier"))
                .as("only inside the payment's transaction").isInstanceOf(
                        org.springframework.transaction.IllegalTransactionStateException.class);
        inPayment(() -> coupons.use(first, m, payment, 5_000, 40_000, "cashier"));
        inPayment(() -> coupons.use(first, m, payment, 5_000, 40_000, "cashier")); // the same payment: nothing new
        assertThatThrownBy(() -> inPayment(() -> coupons.use(first, m, UUID.randomUUID(), 5_000, 40_000, "cashier")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).endsWith("coupon-not-available"));
        assertThatThrownBy(() -> inPayment(() -> coupons.use(second, UUID.fromString(other), payment, 5_000, 40_000,
                "cashier"))).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.type()).endsWith("coupon-other-member"));
        JsonNode stats = manager().get(TEMPLATES + "/" + template + "/statistics").json();
        assertThat(stats.path("used").asLong()).as(stats.toString()).isEqualTo(1);
        assertThat(stats.path("discountFen").asLong()).isEqualTo(5_000);
        assertThat(stats.path("orderFen").asLong()).isEqualTo(40_000);
        assertThat(stats.path("days").get(29).path("used").asLong()).isEqualTo(1);

        // refunded while valid: back to use; a second refund changes nothing
        assertThat(inPaymentGet(() -> coupons.restore(first, payment, "cashier"))).isTrue();
        assertThat(inPaymentGet(() -> coupons.restore(first, payment, "cashier"))).isFalse();
        UUID later = UUID.randomUUID();
        inPayment(() -> coupons.use(first, m, later, 5_000, 30_000, "cashier"));

        // the day after their last day: the job expires the unused one, the refund expires the other
        clock.set(today.plusDays(30).atStartOfDay(SHANGHAI).plusMinutes(30).toInstant());
        assertThatThrownBy(() -> inPayment(() -> coupons.use(second, m, UUID.randomUUID(), 5_000, 40_000, "cashier")))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.type()).endsWith("coupon-not-usable-today"));
        assertThat(inStore(() -> coupons.expireDue())).isEqualTo(1);
        assertThat(inStore(() -> coupons.expireDue())).as("a second run finds nothing").isZero();
        assertThat(inPaymentGet(() -> coupons.restore(first, later, "cashier"))).as("came back expired").isFalse();
        assertThat(inStore(() -> coupons.offers(m))).isEmpty();

        assertThat(memberEvents(member)).containsExactly(
                first + " CouponUsed USED 5000", first + " CouponRestored AVAILABLE null",
                first + " CouponUsed USED 5000", second + " CouponExpired EXPIRED null",
                first + " CouponRestored EXPIRED null");
        assertThat(strings("select state from store_" + STORE + ".member_coupon where member_id = ?::uuid order by id",
                m)).containsOnly("EXPIRED");
        clock.reset();
        JsonNode expired = manager().get(BASE + "/members/" + member + "/coupons?state=EXPIRED").json();
        assertThat(expired.size()).isEqualTo(2);
    }

    // --- helpers

    private static Map<String, Object> template(String name, String kind, String scope) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("kind", kind);
        t.put("scope", scope);
        t.put("validDays", 30);
        t.put("perMemberLimit", 1);
        t.put("claimable", false);
        return t;
    }

    private static Map<String, Object> threshold(String name, long value, long threshold) {
        Map<String, Object> t = template(name, "THRESHOLD", "ORDER");
        t.put("valueFen", value);
        t.put("thresholdFen", threshold);
        t.put("stackGroup", "常规");
        return t;
    }

    private static Map<String, Object> cash(String name, long value, Integer stock, int perMember) {
        Map<String, Object> t = template(name, "CASH", "ORDER");
        t.put("valueFen", value);
        if (stock != null) {
            t.put("totalLimit", stock);
        }
        t.put("perMemberLimit", perMember);
        return t;
    }

    private static Map<String, Object> claimable(Map<String, Object> t) {
        t.put("claimable", true);
        return t;
    }

    /** Creates and activates the template; its id. */
    private String active(Map<String, Object> template) {
        Api.Response created = manager().post(TEMPLATES, template);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.json().path("id").asString();
        Api.Response active = manager().post(TEMPLATES + "/" + id + "/activation", Map.of(), ifMatch(0));
        assertThat(active.status()).as(active.raw()).isEqualTo(200);
        return id;
    }

    private static Map<String, String> ifMatch(long version) {
        return Map.of("If-Match", "\"" + version + "\"");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asString()));
        return values;
    }

    /** The template's own events, in order: type and status. */
    private List<String> templateEvents(String template) {
        return strings("select event_type || ' ' || (payload->>'status') from console.event_outbox where topic ="
                + " 'm4s.coupon' and payload->>'templateId' = ? and payload->>'memberCouponId' is null"
                + " and payload->>'batchId' is null order by id", template);
    }

    /** The template's coupon events, in order: a batch's type and count, a coupon's type and state. */
    private List<String> couponEvents(String template) {
        return strings("select event_type || ' ' || coalesce(payload->>'issued', payload->>'state') from"
                + " console.event_outbox where topic = 'm4s.coupon' and payload->>'templateId' = ? and"
                + " event_type not like 'CouponTemplate%' order by id", template);
    }

    /** The member's coupon events, in order: the coupon, type, state, discount. */
    private List<String> memberEvents(String member) {
        return strings("select (payload->>'memberCouponId') || ' ' || event_type || ' ' || (payload->>'state') || ' '"
                + " || coalesce(payload->>'discountFen', 'null') from console.event_outbox where topic = 'm4s.coupon'"
                + " and payload->>'memberId' = ? order by id", member);
    }

    private Tenant tenant() {
        return tenants.find(STORE).orElseThrow().tenant();
    }

    private <T> T inStore(Supplier<T> work) {
        return TenantContext.supplyAs(tenant(), work);
    }

    private void inPayment(Runnable work) {
        inStore(() -> tx.execute(status -> {
            work.run();
            return null;
        }));
    }

    private <T> T inPaymentGet(Supplier<T> work) {
        return inStore(() -> tx.execute(status -> work.get()));
    }
}
