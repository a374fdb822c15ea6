package com.m4s.store.repairorder;

import static com.m4s.store.repairorder.PointsFromRepairOrdersTest.line;
import static com.m4s.store.repairorder.PointsFromRepairOrdersTest.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.Download;
import com.m4s.store.support.StoreConsoleTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * A service manager looks through the store's repair orders: each row shows the member, the total and the points its
 * lines produced (after refunds); the filters by status, paying account, settlement time and advisor, and the search
 * by order number, plate, name or phone find exactly the orders they describe; the export holds the same rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepairOrderListTest extends StoreConsoleTest {

    private static final String STORE = "ro_list";
    private static final String BASE = "/api/stores/" + STORE;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private final Instant tenDaysAgo = now.minus(10, ChronoUnit.DAYS);
    private final Instant twoDaysAgo = now.minus(2, ChronoUnit.DAYS);

    @BeforeAll
    void ordersOfThreeMembers() {
        provision(STORE);
        String wang = member("王保养", "13900001001");
        String li = member("李钣金", "13900001002");
        String zhao = member("赵内部", "13900001003");
        // opened a day apart so the default order (newest opened first) is RO-105 .. RO-101
        send(withPlate(opened(order("RO-101", wang, "SETTLED", tenDaysAgo,
                line(1, "LABOUR", "CUSTOMER", "300.00", false),
                line(2, "PART", "CUSTOMER", "188.50", false)), 5), "粤A11111", "周顾问"));
        send(withPlate(opened(order("RO-102", li, "SETTLED", twoDaysAgo,
                line(1, "LABOUR", "INSURANCE", "2000.00", false),
                line(2, "PART", "CUSTOMER", "1000.00", false)), 4), "粤B22222", "吴顾问"));
        send(withPlate(opened(order("RO-102", li, "SETTLED", twoDaysAgo,
                line(1, "LABOUR", "INSURANCE", "2000.00", false),
                line(2, "PART", "CUSTOMER", "1000.00", true)), 4), "粤B22222", "吴顾问"));
        send(withPlate(opened(order("RO-103", wang, "SETTLED", twoDaysAgo,
                line(1, "PART", "WARRANTY", "1239.00", false)), 3), "粤A11111", "周顾问"));
        send(withPlate(opened(order("RO-104", zhao, "OPEN", null,
                line(1, "LABOUR", "INTERNAL", "500.00", false)), 2), "粤C33333", "吴顾问"));
        send(withPlate(opened(order("RO-105", zhao, "SETTLED", tenDaysAgo,
                line(1, "LABOUR", "CUSTOMER", "800.00", false)), 1), "粤C33333", "周顾问"));
        send(withPlate(opened(order("RO-105", zhao, "REVERSED", tenDaysAgo,
                line(1, "LABOUR", "CUSTOMER", "800.00", false)), 1), "粤C33333", "周顾问"));
    }

    @Test
    void eachRowCarriesItsMemberTotalAccountsAndThePointsItsLinesProducedNewestOpenedFirst() {
        JsonNode page = list("");
        assertThat(page.path("totalElements").asLong()).isEqualTo(5);
        assertThat(rows(page)).containsExactly(
                "RO-105 REVERSED 赵内部 800.00 [CUSTOMER] 0",
                "RO-104 OPEN 赵内部 500.00 [INTERNAL] 0",
                "RO-103 SETTLED 王保养 1239.00 [WARRANTY] 123",
                // the refunded customer line's 1,000 points were taken back: only the insurer's 2,000 × 0.5 remain
                "RO-102 REFUNDED 李钣金 3000.00 [CUSTOMER, INSURANCE] 1000",
                "RO-101 SETTLED 王保养 488.50 [CUSTOMER] 488");
        JsonNode first = page.path("content").get(4);
        assertThat(first.path("memberPhone").asString()).isEqualTo("13900001001");
        assertThat(first.path("plate").asString()).isEqualTo("粤A11111");
        assertThat(first.path("advisor").asString()).isEqualTo("周顾问");
        assertThat(Instant.parse(first.path("settledAt").asString())).isEqualTo(tenDaysAgo);
        assertThat(Instant.parse(first.path("pointsActivateAt").asString()))
                .isEqualTo(tenDaysAgo.plus(7, ChronoUnit.DAYS));
    }

    @Test
    void filtersFindExactlyTheOrdersTheyDescribe() {
        assertThat(numbers(list("status=SETTLED&status=REFUNDED"))).containsExactly("RO-103", "RO-102", "RO-101");
        assertThat(numbers(list("accountType=CUSTOMER"))).containsExactly("RO-105", "RO-102", "RO-101");
        assertThat(numbers(list("accountType=WARRANTY&accountType=INTERNAL"))).containsExactly("RO-104", "RO-103");
        String from = now.minus(3, ChronoUnit.DAYS).toString();
        assertThat(numbers(list("settledFrom=" + from))).containsExactly("RO-103", "RO-102");
        assertThat(numbers(list("settledTo=" + from))).containsExactly("RO-105", "RO-101");
        assertThat(numbers(list("advisor=" + encode("吴")))).containsExactly("RO-104", "RO-102");
        assertThat(numbers(list("status=SETTLED&advisor=" + encode("周顾问")))).containsExactly("RO-103", "RO-101");
    }

    @Test
    void theSearchFindsByOrderNumberPlateNameOrPhone() {
        assertThat(numbers(list("q=ro-10"))).hasSize(5);
        assertThat(numbers(list("q=103"))).containsExactly("RO-103");
        assertThat(numbers(list("q=" + encode("粤b 222")))).containsExactly("RO-102");
        assertThat(numbers(list("q=" + encode("赵")))).containsExactly("RO-105", "RO-104");
        assertThat(numbers(list("q=1002"))).containsExactly("RO-102");
        assertThat(numbers(list("q=" + encode("无此人")))).isEmpty();
    }

    @Test
    void sortsAndPagesByPointsAndTotal() {
        JsonNode page = list("sort=points,desc&size=2&page=0");
        assertThat(numbers(page)).containsExactly("RO-102", "RO-101");
        assertThat(page.path("totalPages").asInt()).isEqualTo(3);
        assertThat(numbers(list("sort=total,asc"))).containsExactly("RO-101", "RO-104", "RO-105", "RO-103",
                "RO-102");
        assertThat(manager().get(BASE + "/repair-orders?sort=memberPhone,asc").status()).isEqualTo(400);
    }

    @Test
    void theExportHoldsTheRowsTheFiltersShowWithChineseHeaders() throws Exception {
        Download file = Download.get(port, BASE + "/repair-orders/export?accountType=CUSTOMER&sort=dmsNumber,asc",
                token(TestUsers.manager(GROUP, STORE)), "zh-CN");
        assertThat(file.status()).as(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        try (XSSFWorkbook book = file.workbook()) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("维修工单");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("工单号");
            assertThat(sheet.getRow(0).getCell(8).getStringCellValue()).isEqualTo("积分");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("RO-102");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("部分退款");
            assertThat(sheet.getRow(2).getCell(6).getStringCellValue()).isEqualTo("客户帐、保险帐");
            assertThat(sheet.getRow(2).getCell(8).getNumericCellValue()).isEqualTo(1000.0);
        }
    }

    @Test
    void anOwnerMayNotListTheStoresRepairOrders() {
        assertThat(as(TestUsers.owner("owner-ro-list", STORE)).get(BASE + "/repair-orders").status())
                .isEqualTo(403);
    }

    // --- helpers

    private Api manager() {
        return as(TestUsers.manager(GROUP, STORE));
    }

    private JsonNode list(String query) {
        Api.Response r = manager().get(BASE + "/repair-orders?" + query);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json();
    }

    private static List<String> numbers(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.path("content").forEach(o -> numbers.add(o.path("dmsNumber").asString()));
        return numbers;
    }

    private static List<String> rows(JsonNode page) {
        List<String> rows = new ArrayList<>();
        page.path("content").forEach(o -> {
            List<String> accounts = new ArrayList<>();
            o.path("accountTypes").forEach(a -> accounts.add(a.asString()));
            rows.add(o.path("dmsNumber").asString() + " " + o.path("status").asString() + " "
                    + o.path("memberName").asString() + " " + o.path("total").path("amount").asString() + " "
                    + accounts + " " + o.path("points").asLong());
        });
        return rows;
    }

    private Map<String, Object> opened(Map<String, Object> order, int daysAgo) {
        order.put("openedAt", now.minus(daysAgo + 10, ChronoUnit.DAYS).toString());
        return order;
    }

    private static Map<String, Object> withPlate(Map<String, Object> order, String plate, String advisor) {
        order.put("plate", plate);
        order.put("advisor", advisor);
        return order;
    }

    private void send(Map<String, Object> order) {
        Api.Response r = manager().post(BASE + "/repair-orders/batch", Map.of("orders", List.of(order)));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("orders").get(0).path("outcome").asString()).as(r.raw()).isNotEqualTo("REJECTED");
    }

    private String member(String name, String phone) {
        Api.Response r = manager().post(BASE + "/members", Map.of("profile", Map.of("name", name, "phone", phone)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
