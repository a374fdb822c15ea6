package com.m4s.store.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.Download;
import com.m4s.store.support.StoreConsoleTest;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * A store with a service advisor (周顾问 on the DMS's orders) and a sales advisor: members are recorded as brought in
 * by one of them (or by nobody), the manager binds members to them, owners rate their settled orders, the performance
 * page shows each advisor's figures — the same figures independent SQL counts give — an advisor's book is listed page
 * by page and searched, and a book of customers moves from one advisor to the other with an audit entry and an event
 * per member.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdvisorsTest extends StoreConsoleTest {

    private static final String STORE = "adv_book";
    private static final String BASE = "/api/stores/" + STORE;
    private static final String SCHEMA = "store_" + STORE;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private String service;
    private String sales;
    private String wang;
    private String li;
    private String zhao;
    private String qian;
    private String sun;
    private String wangOwner;
    private String qianOwner;
    private int phones;

    @BeforeAll
    void membersAdvisorsAndOrders() throws SQLException {
        provision(STORE);
        service = TestUsers.staff(GROUP, STORE, "service");
        sales = TestUsers.staff(GROUP, STORE, "sales");
        // the service advisor signs up two members they brought in and one nobody did; the manager records one the
        // sales advisor brought in (who created the member does not matter, the recorded advisor does) and one more
        wang = member(as(service), "王车主", service, null);
        li = member(as(service), "李车主", service, null);
        zhao = member(manager(), "赵车主", sales, Map.of("plate", "粤B8A866", "vin", "LBVCU31080S100001",
                "model", "宝马 X1"));
        qian = member(as(service), "钱车主", null, null);
        sun = member(manager(), "孙车主", null, null);

        Api.Response profile = manager().put(BASE + "/advisors/" + service + "/profile",
                Map.of("dmsName", "周顾问", "phone", "020-88886666", "active", true));
        assertThat(profile.status()).as(profile.raw()).isEqualTo(200);
        assertThat(profile.json().path("dmsName").asString()).isEqualTo("周顾问");

        bind(wang, service);
        bind(li, service);
        bind(zhao, service);
        bind(qian, sales);

        // 488.50 customer-paid: 488 points; 2,000 by the insurer: 1,000 points; an open order earns nothing yet
        send(order("ADV-1", wang, "SETTLED", now.minus(2, ChronoUnit.HOURS),
                line(1, "LABOUR", "CUSTOMER", "300.00", false), line(2, "PART", "CUSTOMER", "188.50", false)));
        send(order("ADV-2", li, "SETTLED", now.minus(1, ChronoUnit.HOURS),
                line(1, "LABOUR", "INSURANCE", "2000.00", false)));
        send(order("ADV-3", wang, "OPEN", null, line(1, "LABOUR", "CUSTOMER", "100.00", false)));
        Map<String, Object> qianOrder = order("ADV-4", qian, "SETTLED", now.minus(1, ChronoUnit.HOURS),
                line(1, "LABOUR", "CUSTOMER", "50.00", false));
        qianOrder.put("advisor", "吴顾问"); // no profile has this DMS name: the rating goes to qian's advisor
        send(qianOrder);
        send(order("ADV-5", sun, "SETTLED", now.minus(1, ChronoUnit.HOURS),
                line(1, "LABOUR", "CUSTOMER", "70.00", false)));

        wangOwner = TestUsers.owner("adv-wang", STORE);
        qianOwner = TestUsers.owner("adv-qian", STORE);
        bindOwner(wang, wangOwner);
        bindOwner(qian, qianOwner);
    }

    @Test
    @Order(1)
    void theDirectoryListsTheServiceAndSalesAdvisorsWithTheirCustomers() {
        Api.Response r = as(service).get(BASE + "/advisors");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        Map<String, String> rows = new LinkedHashMap<>();
        r.json().forEach(a -> rows.put(a.path("username").asString(), a.path("department").asString() + " "
                + a.path("phone").asString() + " " + a.path("customers").asLong()));
        assertThat(rows).containsEntry(service, "service 020-88886666 3").containsEntry(sales, "sales  1")
                .doesNotContainKey(TestUsers.manager(GROUP, STORE));
    }

    @Test
    @Order(2)
    void theOwnerSeesTheirAdvisorAndRatesASettledOrderOnce() {
        Api owner = as(wangOwner);
        JsonNode mine = owner.get(BASE + "/me/advisor").json();
        assertThat(mine.path("username").asString()).isEqualTo(service);
        assertThat(mine.path("phone").asString()).isEqualTo("020-88886666");

        List<String> orders = new ArrayList<>();
        owner.get(BASE + "/me/advisor/orders").json().forEach(o -> orders.add(o.path("dmsNumber").asString()));
        assertThat(orders).containsExactly("ADV-1"); // the open order is not there to rate

        String adv1 = orderId("ADV-1");
        Api.Response rated = owner.post(BASE + "/me/advisor/orders/" + adv1 + "/rating",
                Map.of("stars", 5, "comment", "  讲解很清楚 "));
        assertThat(rated.status()).as(rated.raw()).isEqualTo(201);
        assertThat(rated.json().path("advisor").asString()).isEqualTo(service);
        assertThat(rated.json().path("comment").asString()).isEqualTo("讲解很清楚");

        Api.Response again = owner.post(BASE + "/me/advisor/orders/" + adv1 + "/rating", Map.of("stars", 1));
        assertThat(again.status()).as(again.raw()).isEqualTo(409);
        assertThat(again.json().path("type").asString()).endsWith("/rating-exists");

        Api.Response open = owner.withLanguage("zh-CN").post(BASE + "/me/advisor/orders/" + orderId("ADV-3") + "/rating",
                Map.of("stars", 4));
        assertThat(open.status()).as(open.raw()).isEqualTo(422);
        assertThat(open.json().path("detail").asString()).isEqualTo("维修工单 ADV-3 尚未结算，结算后才能评价。");

        Api.Response notTheirs = owner.withLanguage("zh-CN").post(BASE + "/me/advisor/orders/" + orderId("ADV-2") + "/rating",
                Map.of("stars", 4));
        assertThat(notTheirs.status()).as(notTheirs.raw()).isEqualTo(422);
        assertThat(notTheirs.json().path("detail").asString()).isEqualTo("只能评价您自己的维修工单。");

        assertThat(owner.post(BASE + "/me/advisor/orders/" + adv1 + "/rating", Map.of("stars", 6)).status())
                .isEqualTo(422);
        assertThat(count("select count(*) from " + SCHEMA + ".advisor_rating")).isEqualTo(1);

        // an order whose DMS advisor name no profile carries is the member's own advisor's
        Api.Response fallback = as(qianOwner).post(BASE + "/me/advisor/orders/" + orderId("ADV-4") + "/rating",
                Map.of("stars", 2));
        assertThat(fallback.status()).as(fallback.raw()).isEqualTo(201);
        assertThat(fallback.json().path("advisor").asString()).isEqualTo(sales);
        assertThat(strings("select event_type || ' ' || (payload->>'advisor') || ' ' || (payload->>'stars')"
                + " from console.event_outbox where store_code = ? and event_type = 'AdvisorRated' order by id", STORE))
                .containsExactly("AdvisorRated " + service + " 5", "AdvisorRated " + sales + " 2");
    }

    @Test
    @Order(2)
    void theReferringAdvisorIsRecordedOnceShownAuditedAndPublished() {
        Api.Response member = manager().get(BASE + "/members/" + zhao);
        assertThat(member.status()).as(member.raw()).isEqualTo(200);
        assertThat(member.json().path("referringAdvisor").path("username").asString()).isEqualTo(sales);
        assertThat(member.json().path("referringAdvisor").path("displayName").asString()).isNotBlank();
        assertThat(manager().get(BASE + "/members/" + qian).json().path("referringAdvisor").isNull()).isTrue();
        // the audit trail's creation holds it, by the manager who recorded it
        assertThat(strings("select actor_name || ' ' || (changes->'referredByAdvisor'->>'after') from " + SCHEMA
                + ".audit_event where entity_type = 'member' and action = 'CREATE' and entity_id = ?", zhao))
                .containsExactly(TestUsers.manager(GROUP, STORE) + " " + sales);
        assertThat(strings("select coalesce(payload->>'referredByAdvisor', 'null') from console.event_outbox"
                + " where event_type = 'MemberJoined' and payload->>'memberId' = ?", zhao)).containsExactly(sales);

        // an advisor the directory does not list (no login; the manager, of no advisor department) is refused
        Api.Response unknownZh = manager().withLanguage("zh-CN").post(BASE + "/members", Map.of("profile",
                Map.of("name", "新车主", "phone", "13722220001"), "referredByAdvisor", "nobody.here"));
        assertThat(unknownZh.status()).as(unknownZh.raw()).isEqualTo(422);
        assertThat(unknownZh.json().path("type").asString()).endsWith("/referring-advisor-unknown");
        assertThat(unknownZh.json().path("detail").asString()).isEqualTo("nobody.here 不是本店的顾问：请从顾问名录中选择推荐该会员的顾问，或不填。");
        String managerLogin = TestUsers.manager(GROUP, STORE);
        Api.Response unknownEn = manager().withLanguage("en").post(BASE + "/members", Map.of("profile",
                Map.of("name", "新车主", "phone", "13722220001"), "referredByAdvisor", managerLogin));
        assertThat(unknownEn.status()).as(unknownEn.raw()).isEqualTo(422);
        assertThat(unknownEn.json().path("detail").asString()).startsWith(managerLogin + " is not an advisor of this store");
        assertThat(count("select count(*) from " + SCHEMA + ".member where phone = '13722220001'")).isZero();

        // the column is never written again: a change of the profile leaves it
        Api.Response edited = manager().put(BASE + "/members/" + zhao, Map.of("name", "赵车主", "phone",
                member.json().path("profile").path("phone").asString(), "notes", "改过资料"));
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        assertThat(edited.json().path("referringAdvisor").path("username").asString()).isEqualTo(sales);
    }

    @Test
    @Order(2)
    void anAdvisorsBookIsListedPageByPageAndSearchedByNamePhoneOrPlate() {
        Api.Response first = manager().get(BASE + "/advisors/" + service + "/customers?size=2&sort=name,asc");
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.json().path("totalElements").asLong()).isEqualTo(3);
        assertThat(first.json().path("totalPages").asInt()).isEqualTo(2);
        Api.Response second = manager().get(BASE + "/advisors/" + service + "/customers?size=2&page=1&sort=name,asc");
        List<String> ids = new ArrayList<>();
        first.json().path("content").forEach(c -> ids.add(c.path("memberId").asString()));
        second.json().path("content").forEach(c -> ids.add(c.path("memberId").asString()));
        assertThat(ids).containsExactlyInAnyOrder(wang, li, zhao);
        JsonNode row = first.json().path("content").get(0);
        assertThat(row.path("phone").asString()).startsWith("1371111");
        assertThat(row.path("boundAt").asString()).isNotBlank();

        assertThat(book(service, "王车")).containsExactly(wang);
        String liPhone = manager().get(BASE + "/members/" + li).json().path("profile").path("phone").asString();
        assertThat(book(service, liPhone.substring(5))).containsExactly(li);
        assertThat(book(service, "8a86")).containsExactly(zhao);
        Api.Response plate = manager().get(BASE + "/advisors/" + service + "/customers?q=8A86");
        assertThat(plate.json().path("content").get(0).path("plates").get(0).asString()).isEqualTo("粤B8A866");
        // another advisor's customer is not found in this book; an unknown advisor's book is empty
        assertThat(book(service, "钱车")).isEmpty();
        assertThat(book(sales, "钱车")).containsExactly(qian);
        assertThat(book("nobody.here", null)).isEmpty();
        // staff read books (ADVISOR_VIEW); owners do not
        assertThat(as(service).get(BASE + "/advisors/" + service + "/customers").status()).isEqualTo(200);
        assertThat(as(wangOwner).get(BASE + "/advisors/" + service + "/customers").status()).isEqualTo(403);
        assertThat(manager().get(BASE + "/advisors/" + service + "/customers?sort=nope,asc").status())
                .isEqualTo(400);
    }

    @Test
    @Order(2)
    void anAdvisorsBookIsExportedAsTheListShowsItToThoseWhoMayExportMembers() throws Exception {
        Download file = Download.get(port, BASE + "/advisors/" + service + "/customers/export?sort=name,asc",
                token(TestUsers.manager(GROUP, STORE)), "zh-CN");
        assertThat(file.status()).as(new String(file.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        try (XSSFWorkbook workbook = file.workbook()) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("顾问客户");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("绑定时间");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            List<String> names = new ArrayList<>();
            for (int r = 1; r <= 3; r++) {
                names.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            List<String> listed = new ArrayList<>();
            manager().get(BASE + "/advisors/" + service + "/customers?sort=name,asc").json().path("content")
                    .forEach(c -> listed.add(c.path("name").asString()));
            assertThat(names).containsExactlyElementsOf(listed);
        }
        Download searched = Download.get(port, BASE + "/advisors/" + service + "/customers/export?q=8A86",
                token(TestUsers.manager(GROUP, STORE)), "zh-CN");
        try (XSSFWorkbook workbook = searched.workbook()) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1);
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).contains("粤B8A866");
        }
        // staff read books but may not export members' contacts
        assertThat(Download.get(port, BASE + "/advisors/" + service + "/customers/export",
                token(service), "zh-CN").status()).isEqualTo(403);
    }

    private List<String> book(String advisor, @org.jspecify.annotations.Nullable String q) {
        Api.Response r = manager().get(BASE + "/advisors/" + advisor + "/customers"
                + (q == null ? "" : "?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().path("content").forEach(c -> ids.add(c.path("memberId").asString()));
        assertThat(r.json().path("totalElements").asLong()).isEqualTo(ids.size());
        return ids;
    }

    @Test
    @Order(3)
    void thePerformancePageAgreesWithIndependentSqlCounts() throws SQLException {
        Instant from = now.minus(1, ChronoUnit.DAYS);
        Instant to = now.plus(1, ChronoUnit.DAYS);
        Map<String, JsonNode> page = performance(from, to);
        assertThat(page.keySet()).containsExactlyInAnyOrder(service, sales);

        for (String advisor : List.of(service, sales)) {
            JsonNode row = page.get(advisor);
            // customers: members whose binding names the advisor, counted over member
            long customers = count("select count(*) from " + SCHEMA + ".member m where exists (select 1 from "
                    + SCHEMA + ".advisor_customer c where c.id = m.id and c.advisor = ?)", advisor);
            // referrals: the members whose recorded referring advisor is this one, counted from the member side
            long referrals = count("select count(*) from " + SCHEMA + ".member m where m.referred_by_advisor = ?",
                    advisor);
            long ratings = count("select count(*) from " + SCHEMA + ".advisor_rating where advisor = ?", advisor);
            long stars = count("select coalesce(sum(stars), 0) from " + SCHEMA + ".advisor_rating where advisor = ?",
                    advisor);
            long points = pointsOfCustomers(advisor, from, to);
            assertThat(row.path("customers").asLong()).as(advisor).isEqualTo(customers);
            assertThat(row.path("referrals").asLong()).as(advisor).isEqualTo(referrals);
            assertThat(row.path("ratingCount").asLong()).as(advisor).isEqualTo(ratings);
            assertThat(row.path("ratingAverage").asDouble()).as(advisor).isEqualTo((double) stars / ratings);
            assertThat(row.path("pointsGranted").asLong()).as(advisor).isEqualTo(points);
        }
        // and by hand: wang 488 + li 1,000 (pending) for the service advisor, qian 50 for sales; sun is nobody's
        assertThat(page.get(service).path("customers").asLong()).isEqualTo(3);
        // the service advisor created three members but brought in two; the manager recorded one for sales
        assertThat(page.get(service).path("referrals").asLong()).isEqualTo(2);
        assertThat(page.get(service).path("pointsGranted").asLong()).isEqualTo(1488);
        assertThat(page.get(sales).path("referrals").asLong()).isEqualTo(1);
        assertThat(page.get(sales).path("pointsGranted").asLong()).isEqualTo(50);
        assertThat(page.get(sales).path("ratingAverage").asDouble()).isEqualTo(2.0);
        // a period before the orders: no points, the other figures as they are
        Map<String, JsonNode> before = performance(from.minus(30, ChronoUnit.DAYS), from);
        assertThat(before.get(service).path("pointsGranted").asLong()).isZero();
        assertThat(before.get(service).path("customers").asLong()).isEqualTo(3);
    }

    @Test
    @Order(3)
    void theExportHoldsThePagesFiguresWithChineseHeaders() throws Exception {
        Instant from = now.minus(1, ChronoUnit.DAYS);
        Instant to = now.plus(1, ChronoUnit.DAYS);
        Map<String, JsonNode> page = performance(from, to);
        Download file = Download.get(port, BASE + "/advisors/performance/export?from=" + from + "&to=" + to
                + "&sort=username,asc", token(TestUsers.manager(GROUP, STORE)), "zh-CN");
        assertThat(file.status()).as(new String(file.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        try (XSSFWorkbook book = file.workbook()) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("顾问业绩");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("绑定客户");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            for (int r = 1; r <= 2; r++) {
                JsonNode row = page.get(sheet.getRow(r).getCell(1).getStringCellValue());
                assertThat((long) sheet.getRow(r).getCell(2).getNumericCellValue())
                        .isEqualTo(row.path("customers").asLong());
                assertThat((long) sheet.getRow(r).getCell(6).getNumericCellValue())
                        .isEqualTo(row.path("pointsGranted").asLong());
            }
        }
    }

    @Test
    @Order(4)
    void movingABookIsAllOrNothingAndLeavesAnAuditEntryAndAnEventPerMember() {
        // a selection with a member who is not the service advisor's moves nobody
        Api.Response wrong = manager().withLanguage("zh-CN").post(BASE + "/advisors/moves", Map.of("from", service,
                "to", sales, "memberIds", List.of(wang, qian)));
        assertThat(wrong.status()).as(wrong.raw()).isEqualTo(422);
        assertThat(wrong.json().path("detail").asString()).contains(service).contains("未做任何转移");
        assertThat(count("select count(*) from " + SCHEMA + ".advisor_customer where advisor = ?", service))
                .isEqualTo(3);
        // staff may not move books
        assertThat(as(service).post(BASE + "/advisors/moves", Map.of("from", service, "to", sales)).status())
                .isEqualTo(403);

        Api.Response moved = manager().post(BASE + "/advisors/moves", Map.of("from", service, "to", sales));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        moved.json().path("moved").forEach(id -> ids.add(id.asString()));
        assertThat(ids).containsExactlyInAnyOrder(wang, li, zhao);

        for (String member : List.of(wang, li, zhao)) {
            assertThat(strings("select changes->'advisor'->>'before' || '>' || (changes->'advisor'->>'after') from "
                    + SCHEMA + ".audit_event where entity_type = 'advisorBinding' and action = 'UPDATE'"
                    + " and entity_id = ?", member)).containsExactly(service + ">" + sales);
            assertThat(strings("select coalesce(payload->>'previous', 'null') || '>' || (payload->>'advisor') from console.event_outbox"
                    + " where event_type = 'CustomerBound' and payload->>'memberId' = ? order by id", member))
                    .containsExactly("null>" + service, service + ">" + sales);
        }
        assertThat(count("select count(*) from " + SCHEMA + ".advisor_customer where advisor = ?", sales))
                .isEqualTo(4);
        assertThat(as(wangOwner).get(BASE + "/me/advisor").json().path("username").asString()).isEqualTo(sales);
        // moving an empty book moves nobody and says so
        Api.Response empty = manager().post(BASE + "/advisors/moves", Map.of("from", service, "to", sales));
        assertThat(empty.json().path("moved").size()).isZero();
    }

    @Test
    @Order(5)
    void anOwnerWithoutAnAdvisorIsToldSoAndAnOwnerMayNotSeeThePerformancePage() throws SQLException {
        String sunOwner = TestUsers.owner("adv-sun", STORE);
        bindOwner(sun, sunOwner);
        Api.Response none = as(sunOwner).withLanguage("zh-CN").get(BASE + "/me/advisor");
        assertThat(none.status()).as(none.raw()).isEqualTo(404);
        assertThat(none.json().path("detail").asString()).isEqualTo("您还没有专属顾问。");
        assertThat(as(sunOwner).get(BASE + "/advisors/performance").status()).isEqualTo(403);
    }

    @Test
    @Order(6)
    void theMigrationFillsOldMembersFromTheAuditTrailWhenTheirCreatorIsAnAdvisor() throws Exception {
        // as before the column: nobody recorded, only who created each member
        String sql;
        try (var in = getClass().getResourceAsStream("/db/store/member/005-referring-advisor.xml")) {
            String changelog = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<sql>(.*?)</sql>", java.util.regex.Pattern.DOTALL)
                    .matcher(changelog);
            assertThat(m.find()).isTrue();
            sql = m.group(1);
        }
        try (Connection c = database.connect(); var st = c.createStatement()) {
            st.execute("set search_path to " + SCHEMA);
            st.executeUpdate("update member set referred_by_advisor = null where id in ('" + wang + "', '" + zhao + "')");
            st.executeUpdate(sql);
        }
        // the service advisor created wang, li and qian; the manager (no advisor) zhao and sun
        Map<String, String> recorded = new LinkedHashMap<>();
        for (String member : List.of(wang, li, zhao, qian, sun)) {
            recorded.put(member, strings("select coalesce(referred_by_advisor, '-') from " + SCHEMA + ".member"
                    + " where cast(id as text) = ?", member).getFirst());
        }
        assertThat(recorded).containsExactly(Map.entry(wang, service), Map.entry(li, service), Map.entry(zhao, "-"),
                Map.entry(qian, service), Map.entry(sun, "-"));
    }

    // --- helpers

    private Map<String, JsonNode> performance(Instant from, Instant to) {
        Api.Response r = manager().get(BASE + "/advisors/performance?from=" + from + "&to=" + to);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        r.json().path("content").forEach(row -> rows.put(row.path("username").asString(), row));
        return rows;
    }

    /** Points earned by the advisor's customers in the period, summed per member first (another path than the page's join). */
    private long pointsOfCustomers(String advisor, Instant from, Instant to) throws SQLException {
        long total = 0;
        for (String member : strings("select cast(id as text) from " + SCHEMA + ".advisor_customer where advisor = ?",
                advisor)) {
            try (Connection c = database.connect(); PreparedStatement q = c.prepareStatement("select coalesce(sum("
                    + "earned_delta), 0) from " + SCHEMA + ".points_entry where member_id = ? and created_at >= ?"
                    + " and created_at < ?")) {
                q.setObject(1, UUID.fromString(member));
                q.setTimestamp(2, Timestamp.from(from));
                q.setTimestamp(3, Timestamp.from(to));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    total += rs.getLong(1);
                }
            }
        }
        return total;
    }

    static Map<String, Object> order(String number, String member, String status,
            @org.jspecify.annotations.Nullable Instant settledAt,
            Map<?, ?>... lines) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("dmsNumber", number);
        order.put("memberId", member);
        order.put("plate", "粤A12345");
        order.put("advisor", "周顾问");
        order.put("openedAt", "2026-11-01T02:00:00Z");
        order.put("status", status);
        order.put("settledAt", settledAt == null ? null : settledAt.toString());
        order.put("lines", List.of(lines));
        return order;
    }

    static Map<String, Object> line(int no, String kind, String account, String amount, boolean refunded) {
        return Map.of("lineNo", no, "kind", kind, "description", kind.equals("LABOUR") ? "保养工时" : "机油滤清器",
                "quantity", "1", "amount", Map.of("amount", amount, "currency", "CNY"), "accountType", account,
                "refunded", refunded);
    }

    private Api manager() {
        return as(TestUsers.manager(GROUP, STORE));
    }

    private String member(Api api, String name, @org.jspecify.annotations.Nullable String advisor,
            @org.jspecify.annotations.Nullable Map<String, Object> vehicle) {
        String phone = "1371111" + String.format("%04d", ++phones);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("profile", Map.of("name", name, "phone", phone));
        if (advisor != null) {
            body.put("referredByAdvisor", advisor);
        }
        if (vehicle != null) {
            body.put("vehicles", List.of(vehicle));
        }
        Api.Response r = api.post(BASE + "/members", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        JsonNode recorded = r.json().path("referringAdvisor").path("username");
        assertThat(recorded.isString() ? recorded.asString() : null).isEqualTo(advisor);
        return r.json().path("id").asString();
    }

    private void bind(String member, String advisor) {
        Api.Response r = manager().put(BASE + "/advisors/members/" + member, Map.of("advisor", advisor));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("advisor").asString()).isEqualTo(advisor);
    }

    private void send(Map<String, Object> order) {
        Api.Response r = manager().post(BASE + "/repair-orders/batch", Map.of("orders", List.of(order)));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("orders").get(0).path("outcome").asString()).as(r.raw()).isNotEqualTo("REJECTED");
    }

    private String orderId(String dmsNumber) {
        return strings("select cast(id as text) from " + SCHEMA + ".repair_order where dms_number = ?", dmsNumber)
                .getFirst();
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

    private long count(String sql, String... parameters) {
        return Long.parseLong(strings(sql, parameters).getFirst());
    }

}
