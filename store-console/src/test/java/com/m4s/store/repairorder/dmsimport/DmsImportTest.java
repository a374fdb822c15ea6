package com.m4s.store.repairorder.dmsimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * DMS repair orders from files (INT-1, decision 0030): rows grouped by order number go through the REST batch's
 * upsert in the background; the same file twice creates nothing the second time; a changed order is corrected and its
 * points adjusted; bad rows are reported with row number and reason in the caller's language; unknown customers are
 * matched by phone, plate, VIN or made members as the store's setting says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DmsImportTest extends StoreConsoleTest {

    private static final String STORE = "dms_a";
    private static final String OTHER = "dms_b";
    private static final String BASE = "/api/stores/" + STORE;
    private static final String CUSTOMERS = "dms_c";
    private static final List<String> HEADER = List.of("工单号", "开单时间", "结算时间", "客户姓名", "手机号", "车牌号",
            "VIN", "里程", "服务顾问", "行号", "类型(工时/配件)", "项目/配件名称", "配件编号", "数量", "金额",
            "账户类型(客户/索赔/内部/保险)", "状态");

    @BeforeAll
    void stores() {
        provision(STORE);
        provision(OTHER);
        provision(CUSTOMERS);
    }

    @Test
    void theSameFileTwiceCreatesNothingTheSecondTimeAndAChangedOrderIsCorrectedWithItsPointsAdjusted() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("RO-F1", "王导入", "13700000001", "粤B10001", 1, "工时", "保养工时", "300.00", "客户", "已结算"));
        rows.add(row("RO-F1", "王导入", "13700000001", "粤B10001", 2, "配件", "机油滤清器", "200.00", "保险", "已结算"));
        rows.add(row("RO-F2", "李导入", "13700000002", "粤B10002", 1, "工时", "钣金", "1000.00", "索赔", "在修"));

        JsonNode first = importAndWait(csv(rows), "orders.csv");
        assertThat(counts(first)).containsExactly(3, 3, 0, 2, 0, 0, 0, 2);
        String member = memberByPhone("13700000001");
        assertThat(balance(member)).containsExactly(0L, 400L, 400L, 0L); // 300 × 1 + 200 × 0.5, pending

        JsonNode again = importAndWait(csv(rows), "orders.csv");
        assertThat(counts(again)).as("rows, rows done, rejected rows, created, updated, unchanged, rejected, members")
                .containsExactly(3, 3, 0, 0, 0, 2, 0, 0);
        assertThat(count("select count(*) from repair_order where dms_number like 'RO-F%'")).isEqualTo(2);
        assertThat(count("select count(*) from member where source = 'DMS_IMPORT' and phone like '1370000000%'"))
                .isEqualTo(2);
        assertThat(balance(member)).containsExactly(0L, 400L, 400L, 0L);

        rows.set(0, row("RO-F1", "王导入", "13700000001", "粤B10001", 1, "工时", "保养工时", "350.00", "客户", "已结算"));
        JsonNode changed = importAndWait(csv(rows), "orders-corrected.csv");
        assertThat(counts(changed)).containsExactly(3, 3, 0, 0, 1, 1, 0, 0);
        assertThat(count("select count(*) from repair_order where dms_number like 'RO-F%'")).isEqualTo(2);
        assertThat(count("select count(*) from repair_order_line l join repair_order o on o.id = l.order_id"
                + " where o.dms_number like 'RO-F%'")).isEqualTo(3);
        assertThat(balance(member)).containsExactly(0L, 450L, 450L, 0L);
        assertThat(kinds(member)).containsExactly("CORRECT", "GRANT_PENDING", "GRANT_PENDING");
    }

    @Test
    void aThousandRowsWithFiveBadOnesImportNineHundredNinetyFiveAndReportTheFiveWithRowAndReason()
            throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String number = "RO-K" + (i / 2); // two lines an order, except the bad rows, which are orders of their own
            int line = i % 2 + 1;
            rows.add(row(number, "客户" + (i / 2), "1360000" + String.format("%04d", i / 2), null, line,
                    line == 1 ? "工时" : "配件", "项目" + i, "100.00", "客户", "已结算"));
        }
        // file rows are numbered from 2 (the header is row 1)
        rows.set(10, row("RO-BAD1", "甲", "13511110001", null, 1, "工时", "保养", "十块", "客户", "已结算"));
        rows.set(20, row("RO-BAD2", "乙", "13511110002", null, 1, "喷漆", "保养", "10.00", "客户", "已结算"));
        rows.set(30, row("RO-BAD3", "丙", "13511110003", null, 1, "工时", "保养", "10.00", "老板", "已结算"));
        rows.set(40, row("RO-BAD4", "丁", "12345", null, 1, "工时", "保养", "10.00", "客户", "已结算"));
        List<String> noTime = row("RO-BAD5", "戊", "13511110005", null, 1, "工时", "保养", "10.00", "客户", "已结算");
        noTime.set(1, "");
        noTime.set(2, "");
        rows.set(50, noTime);

        JsonNode done = importAndWait(xlsx(rows), "一千行.xlsx");
        assertThat(done.path("summary").path("rowsTotal").asInt()).isEqualTo(1000);
        assertThat(done.path("summary").path("rowsRejected").asInt()).isEqualTo(5);
        assertThat(done.path("summary").path("ordersRejected").asInt()).isEqualTo(5);
        assertThat(count("select coalesce(sum((select count(*) from repair_order_line l where l.order_id = o.id)), 0)"
                + " from repair_order o where o.dms_number like 'RO-K%'")).isEqualTo(995);
        Map<Integer, String> reasons = new LinkedHashMap<>();
        done.path("rejected").forEach(r -> reasons.put(r.path("rowNo").asInt(), r.path("problem").asString()));
        assertThat(reasons).containsExactly(Map.entry(12, "dms-import-number"), Map.entry(22, "dms-import-value"),
                Map.entry(32, "dms-import-value"), Map.entry(42, "dms-customer-incomplete"),
                Map.entry(52, "dms-import-time-missing"));
        assertThat(done.path("rejected").get(0).path("reason").asString()).isEqualTo("金额“十块”不是有效数字。");

        String id = done.path("summary").path("id").asString();
        JsonNode english = manager().withLanguage("en").get(BASE + "/repair-orders/imports/" + id).json();
        assertThat(english.path("rejected").get(1).path("reason").asString())
                .isEqualTo("类型 “喷漆” is not one of 工时/配件.");

        Api.Download file = manager().download(BASE + "/repair-orders/imports/" + id + "/rejected");
        assertThat(file.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(file.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
            assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(12);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("RO-BAD1");
        }
        JsonNode history = manager().get(BASE + "/repair-orders/imports?size=100").json();
        assertThat(history.path("content").findValuesAsString("fileName")).contains("一千行.xlsx");
    }

    @Test
    void anOrderFindsItsMemberByPhoneThenPlateThenVinAndAnUnknownCustomerIsMadeOrRefusedAsTheStoreSays() {
        String known = manager().post(BASE + "/members", Map.of("profile", Map.of("name", "赵已有", "phone",
                "13900008888"), "vehicles", List.of(Map.of("plate", "粤C88888", "vin", "LSVAM4187C2188888",
                "model", "朗逸")))).json().path("id").asString();

        assertThat(batch(order("RO-M1", Map.of("phone", "13900008888"), null, null)).path("memberMatchedBy")
                .asString()).isEqualTo("PHONE");
        assertThat(batch(order("RO-M2", Map.of("phone", "13900000000"), "粤C 88888", null))
                .path("memberMatchedBy").asString()).as("no member with that phone: the plate").isEqualTo("PLATE");
        assertThat(batch(order("RO-M3", Map.of(), null, "lsvam4187c2188888")).path("memberMatchedBy").asString())
                .isEqualTo("VIN");
        assertThat(count("select count(distinct member_id) from repair_order where dms_number like 'RO-M%'"))
                .isEqualTo(1);
        assertThat(memberOf("RO-M3")).isEqualTo(known);

        JsonNode made = batch(order("RO-M4", Map.of("name", "钱新客", "phone", "13900009999", "vehicleModel", "途观"),
                "粤C99999", "LSVAM4187C2199999"));
        assertThat(made.path("memberMatchedBy").asString()).isEqualTo("CREATED");
        JsonNode member = manager().get(BASE + "/members/" + memberOf("RO-M4")).json();
        assertThat(member.path("profile").path("source").asString()).isEqualTo("DMS_IMPORT");
        assertThat(member.path("vehicles").get(0).path("plate").asString()).isEqualTo("粤C99999");
        assertThat(member.path("vehicles").get(0).path("model").asString()).isEqualTo("途观");
        assertThat(count("select count(*) from audit_event where action = 'CREATE' and entity_id = '"
                + memberOf("RO-M4") + "'")).as("made as any member is: audited").isEqualTo(1);

        assertThat(manager().put(BASE + "/repair-orders/import-settings", Map.of("unknownCustomer", "REJECT"))
                .json().path("unknownCustomer").asString()).isEqualTo("REJECT");
        JsonNode refused = manager().post(BASE + "/repair-orders/batch", Map.of("orders", List.of(
                order("RO-M5", Map.of("name", "孙陌生", "phone", "13900007777"), null, null)))).json()
                .path("orders").get(0);
        assertThat(refused.path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(refused.path("problem").asString()).isEqualTo("repair-order-customer-unknown");
        assertThat(count("select count(*) from member where phone = '13900007777'")).isZero();
        manager().put(BASE + "/repair-orders/import-settings", Map.of("unknownCustomer", "CREATE"));
        assertThat(manager().get(BASE + "/repair-orders/import-settings").json().path("unknownCustomer").asString())
                .isEqualTo("CREATE");
    }

    /**
     * Orders share a transaction 25 at a time: one refused in the middle is done again alone, so it leaves nothing
     * behind, and the others of its transaction are written exactly once (order, member, entry, audit rows).
     */
    @Test
    void anOrderRefusedAmongTheOthersOfItsTransactionLeavesNothingAndTheOthersAreWrittenOnce() {
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String phone = i == 12 ? "12345" : "1380000" + String.format("%04d", i);
            Map<String, Object> order = order("RO-X" + i, Map.of("name", "同批" + i, "phone", phone), null, null);
            order.put("status", "SETTLED");
            order.put("settledAt", "2026-11-01T08:00:00Z");
            orders.add(order);
        }
        Api.Response r = manager().post(BASE + "/repair-orders/batch", Map.of("orders", orders));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> outcomes = new ArrayList<>();
        r.json().path("orders").forEach(o -> outcomes.add(o.path("outcome").asString()));
        assertThat(outcomes).hasSize(30).containsOnly("CREATED", "REJECTED");
        assertThat(outcomes.indexOf("REJECTED")).isEqualTo(12);
        assertThat(outcomes.lastIndexOf("REJECTED")).isEqualTo(12);
        assertThat(r.json().path("orders").get(12).path("problem").asString()).isEqualTo("dms-customer-incomplete");

        assertThat(count("select count(*) from repair_order where dms_number like 'RO-X%'")).isEqualTo(29);
        assertThat(count("select count(*) from repair_order where dms_number = 'RO-X12'")).isZero();
        assertThat(count("select count(*) from member where phone like '1380000%' or phone = '12345'")).isEqualTo(29);
        assertThat(count("select count(*) from points_entry e join repair_order_line l on l.id = e.source_id"
                + " join repair_order o on o.id = l.order_id where o.dms_number like 'RO-X%'")).isEqualTo(29);
        assertThat(count("select count(*) from audit_event a join repair_order o on a.entity_id = o.id::text"
                + " where o.dms_number like 'RO-X%' and a.action = 'CREATE'")).isEqualTo(29);
        assertThat(count("select count(*) from audit_event a join member m on a.entity_id = m.id::text"
                + " where m.phone like '1380000%' and a.action = 'CREATE' and a.entity_type = 'member'")).isEqualTo(29);
    }

    @Test
    void theTemplatesImportAsTheyAreAndOnlyImportersOfTheStoreMayUpload() {
        Api.Download xlsx = manager().download(BASE + "/repair-orders/imports/template.xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        Api.Download csv = manager().download(BASE + "/repair-orders/imports/template.csv");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("\uFEFF工单号,开单时间,结算时间");
        JsonNode fromXlsx = importAndWait(xlsx.body(), "模板.xlsx");
        assertThat(counts(fromXlsx)).containsExactly(2, 2, 0, 1, 0, 0, 0, 1);
        assertThat(counts(importAndWait(csv.body(), "模板.csv"))).containsExactly(2, 2, 0, 0, 0, 1, 0, 0);

        assertThat(manager().upload(BASE + "/repair-orders/imports", "file", "a.txt", "text/plain",
                "x".getBytes(StandardCharsets.UTF_8)).problemType()).endsWith("dms-file-type");
        Api.Response noColumns = manager().upload(BASE + "/repair-orders/imports", "file", "a.csv", "text/csv",
                "工单号,金额\nRO-1,10\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noColumns.status()).isEqualTo(422);
        assertThat(noColumns.json().path("detail").asString()).contains("行号");
        Api sales = as(TestUsers.staff(GROUP, STORE, com.m4s.platform.security.Departments.SALES));
        assertThat(sales.upload(BASE + "/repair-orders/imports", "file", "a.csv", "text/csv", csv.body()).status())
                .isEqualTo(403);
        assertThat(as(TestUsers.manager(GROUP, OTHER)).upload(BASE + "/repair-orders/imports", "file", "a.csv",
                "text/csv", csv.body()).status()).isEqualTo(403);
    }

    /**
     * A file of customers and vehicles: a new phone makes a member (with the car, when the row has one), a known phone
     * gets the car it lacks, and rows that cannot be placed are reported with row and reason; the same file again
     * changes nothing.
     */
    @Test
    void aFileOfCustomersMakesMembersGivesKnownOnesTheirCarsAndReportsWhatItCannotPlace() {
        String base = "/api/stores/" + CUSTOMERS;
        Api manager = as(TestUsers.manager(GROUP, CUSTOMERS));
        String known = manager.post(base + "/members", Map.of("profile", Map.of("name", "老客户", "phone",
                "13900000001"))).json().path("id").asString();
        manager.post(base + "/members", Map.of("profile", Map.of("name", "有车客户", "phone", "13900000002"),
                "vehicles", List.of(Map.of("plate", "粤A1C001", "vin", "LSVAM4187C2100001", "model", "途观"))));
        byte[] file = customersCsv(List.of(
                List.of("新客户甲", "13900000011", "粤A1C011", "LSVAM4187C2100011", "迈腾", "12000"),
                List.of("新客户乙", "13900000012", "", "", "", ""),
                List.of("老客户", "13900000001", "粤A1C021", "LSVAM4187C2100021", "帕萨特", "30000"),
                List.of("冒名者", "13900000013", "粤A1C001", "LSVAM4187C2100001", "途观", ""),
                List.of("无手机", "", "粤A1C041", "LSVAM4187C2100041", "", ""),
                List.of("半辆车", "13900000014", "粤A1C051", "", "", "")));

        JsonNode first = importAndWait(manager, base, file, "客户.csv");

        // rows, rows done, rows rejected, created (members), updated (cars added), unchanged, rejected, members
        assertThat(counts(first)).containsExactly(6, 6, 3, 2, 1, 0, 3, 2);
        assertThat(first.path("summary").path("kind").asString()).isEqualTo("CUSTOMERS");
        assertThat(first.path("rejected").findValuesAsString("problem")).containsExactly("dms-vehicle-elsewhere",
                "dms-customer-incomplete", "dms-vehicle-incomplete");
        assertThat(first.path("rejected").findValues("rowNo").stream().map(JsonNode::asInt).toList())
                .containsExactly(5, 6, 7);
        assertThat(first.path("rejected").get(0).path("reason").asString()).contains("粤A1C001", "另一位会员");
        JsonNode knownNow = manager.get(base + "/members/" + known).json();
        assertThat(knownNow.path("vehicles").findValuesAsString("plate")).containsExactly("粤A1C021");
        JsonNode made = manager.get(base + "/members?q=13900000011").json().path("content").get(0);
        JsonNode madeMember = manager.get(base + "/members/" + made.path("id").asString()).json();
        assertThat(madeMember.path("profile").path("source").asString()).isEqualTo("DMS_IMPORT");
        assertThat(madeMember.path("vehicles").get(0).path("model").asString()).isEqualTo("迈腾");
        assertThat(madeMember.path("vehicles").get(0).path("mileageKm").asInt()).isEqualTo(12000);

        assertThat(counts(importAndWait(manager, base, file, "客户.csv"))).as("the same file again")
                .containsExactly(6, 6, 3, 0, 0, 3, 3, 0);

        Api.Download template = manager.download(base + "/repair-orders/imports/template.csv?kind=CUSTOMERS");
        assertThat(new String(template.body(), StandardCharsets.UTF_8)).startsWith("\uFEFF客户姓名,手机号,车牌号,VIN,车型,里程");
        assertThat(counts(importAndWait(manager, base, template.body(), "模板.csv"))).as("the template as it is")
                .containsExactly(2, 2, 0, 2, 0, 0, 0, 2);
        Api.Response noPhone = manager.upload(base + "/repair-orders/imports?kind=CUSTOMERS", "file", "a.csv",
                "text/csv", "客户姓名,车牌号\n张三,粤A12345\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noPhone.status()).isEqualTo(422);
        assertThat(noPhone.json().path("detail").asString()).contains("手机号");
    }

    /** Measures the import rate; prints it, asserts only that every line went in (timings vary by machine). */
    @Test
    void tenThousandLinesImport() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            int order = i / 4;
            int line = i % 4 + 1;
            rows.add(row("RO-T" + order, "客户" + order, "1350" + String.format("%07d", order), null, line,
                    line % 2 == 1 ? "工时" : "配件", "项目" + line, "88.00",
                    List.of("客户", "索赔", "内部", "保险").get(line - 1), "已结算"));
        }
        long started = System.nanoTime();
        JsonNode done = importAndWait(csv(rows), "一万行.csv", Duration.ofMinutes(5));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("DMS import: 10000 lines (2500 orders, 2500 new members) in %d ms (%.0f lines/s);"
                + " system load average %.1f on %d cores%n", millis, 10_000 * 1000.0 / millis,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        assertThat(counts(done)).containsExactly(10_000, 10_000, 0, 2500, 0, 0, 0, 2500);
    }

    // --- helpers

    private Api manager() {
        return as(TestUsers.manager(GROUP, STORE));
    }

    private static byte[] customersCsv(List<List<String>> rows) {
        StringBuilder text = new StringBuilder("客户姓名,手机号,车牌号,VIN,车型,里程\r\n");
        rows.forEach(r -> text.append(String.join(",", r)).append("\r\n"));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A file of customers into another store, followed until it has finished. */
    private JsonNode importAndWait(Api manager, String base, byte[] file, String name) {
        return importAndWait(manager, base + "/repair-orders/imports", "?kind=CUSTOMERS", file, name,
                Duration.ofMinutes(2));
    }

    private JsonNode importAndWait(byte[] file, String name) {
        return importAndWait(file, name, Duration.ofMinutes(2));
    }

    private JsonNode importAndWait(byte[] file, String name, Duration patience) {
        return importAndWait(manager(), BASE + "/repair-orders/imports", "", file, name, patience);
    }

    /** Uploads and follows the import's progress as the page does, until it has finished. */
    private static JsonNode importAndWait(Api manager, String imports, String query, byte[] file, String name,
            Duration patience) {
        Api.Response accepted = manager.upload(imports + query, "file", name, "application/octet-stream", file);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        String id = accepted.json().path("id").asString();
        long until = System.nanoTime() + patience.toNanos();
        while (true) {
            JsonNode view = manager.withLanguage("zh-CN").get(imports + "/" + id).json();
            String status = view.path("summary").path("status").asString();
            if (status.equals("DONE") || status.equals("FAILED")) {
                assertThat(status).as(view.toString()).isEqualTo("DONE");
                return view;
            }
            assertThat(System.nanoTime()).as("import still " + status + ": " + view).isLessThan(until);
            try {
                Thread.sleep(100); // waiting for work in the background, not for time to pass
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** rows, rows done, rows rejected, orders created, updated, unchanged, rejected, members created */
    private static List<Integer> counts(JsonNode view) {
        JsonNode s = view.path("summary");
        return List.of(s.path("rowsTotal").asInt(), s.path("rowsDone").asInt(), s.path("rowsRejected").asInt(),
                s.path("ordersCreated").asInt(), s.path("ordersUpdated").asInt(), s.path("ordersUnchanged").asInt(),
                s.path("ordersRejected").asInt(), s.path("membersCreated").asInt());
    }

    private static List<String> row(String number, String name, String phone, String plate, int line, String kind,
            String description, String amount, String account, String status) {
        return new ArrayList<>(List.of(number, "2026-11-20 09:00", status.equals("在修") ? "" : "2026-11-20 17:30",
                name, phone, plate == null ? "" : plate, "", "42000", "周顾问", String.valueOf(line), kind,
                description, "", "1", amount, account, status));
    }

    private static byte[] csv(List<List<String>> rows) {
        StringBuilder text = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        rows.forEach(r -> text.append(String.join(",", r)).append("\r\n"));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet();
            List<List<String>> all = new ArrayList<>();
            all.add(HEADER);
            all.addAll(rows);
            for (int r = 0; r < all.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).size(); c++) {
                    String value = all.get(r).get(c);
                    if (r > 0 && (c == 14 || c == 9) && value.matches("[0-9.]+")) {
                        row.createCell(c).setCellValue(Double.parseDouble(value)); // numbers as Excel keeps them
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static Map<String, Object> order(String number, Map<String, String> customer, String plate, String vin) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("dmsNumber", number);
        order.put("customer", customer);
        order.put("plate", plate);
        order.put("vin", vin);
        order.put("openedAt", "2026-11-01T02:00:00Z");
        order.put("status", "OPEN");
        order.put("lines", List.of(Map.of("lineNo", 1, "kind", "LABOUR", "description", "保养工时", "quantity", "1",
                "amount", Map.of("amount", "100.00", "currency", "CNY"), "accountType", "CUSTOMER", "refunded",
                false)));
        return order;
    }

    private JsonNode batch(Map<String, Object> order) {
        Api.Response r = manager().post(BASE + "/repair-orders/batch", Map.of("orders", List.of(order)));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode result = r.json().path("orders").get(0);
        assertThat(result.path("outcome").asString()).as(r.raw()).isEqualTo("CREATED");
        return result;
    }

    private String memberOf(String number) {
        return string("select member_id::text from repair_order where dms_number = '" + number + "'");
    }

    private String memberByPhone(String phone) {
        return string("select id::text from member where phone = '" + phone + "'");
    }

    /** available, pending, lifetime earned, debt */
    private List<Long> balance(String member) {
        JsonNode b = manager().get(BASE + "/members/" + member + "/points").json();
        return List.of(b.path("available").asLong(), b.path("pending").asLong(), b.path("lifetimeEarned").asLong(),
                b.path("debt").asLong());
    }

    private List<String> kinds(String member) {
        List<String> kinds = new ArrayList<>();
        manager().get(BASE + "/members/" + member + "/points/entries").json().path("content")
                .forEach(e -> kinds.add(e.path("kind").asString()));
        return kinds;
    }

    private long count(String sql) {
        return Long.parseLong(string(sql));
    }

    /** The first column of the first row of a query on the store's schema. */
    private String string(String sql) {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("set search_path to store_" + STORE);
            try (ResultSet rs = s.executeQuery(sql)) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
