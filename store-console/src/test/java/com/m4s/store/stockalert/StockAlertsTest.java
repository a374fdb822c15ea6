package com.m4s.store.stockalert;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.jobs.StoreJob;
import com.m4s.platform.security.Departments;
import com.m4s.platform.servers.Api;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.identity.IdentityUnavailable;
import com.m4s.store.support.Download;
import com.m4s.store.support.LoyaltyScenarioTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Stock alerts (MALL-3, GIFT-1; decision 0053) as a store lives them, on the store's clock: sales take a SKU down to
 * its mark and the job raises one alert and tells exactly the staff who keep the mall, once however often it runs; a
 * receipt clears it and the next fall is a new episode; a product with no sale for the store's number of days is
 * slow-moving until it sells or the rule changes; a gift low in stock reaches those who keep the gifts; many new
 * alerts at once make one digest message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockAlertsTest extends LoyaltyScenarioTest {

    private static final String STORE = "stock_alerts";

    @Autowired
    List<StoreJob> jobs;
    @Autowired
    TenantRegistry tenants;

    private String category;
    private String buyer;
    private Api owner;
    private int orders;
    /** Login ids of the store's staff, each kind once. */
    private String managerId;
    private String salesId;
    private String serviceId;
    private String careId;

    StockAlertsTest() {
        super(STORE, "1390000");
    }

    @BeforeAll
    void storeWithStaff() throws Exception {
        provision(STORE);
        // every login exists before the first alert, so the store's staff listing (kept 30 s) has them all
        managerId = loginId(TestUsers.manager(GROUP, STORE));
        salesId = loginId(TestUsers.staff(GROUP, STORE, Departments.SALES));
        serviceId = loginId(TestUsers.staff(GROUP, STORE, Departments.SERVICE));
        careId = loginId(TestUsers.staff(GROUP, STORE, Departments.CUSTOMER_CARE));
        category = ok(manager().post(base + "/product-categories", Map.of("name", "养护用品", "sortOrder", 1)))
                .path("id").asString();
        buyer = member("预警买家");
        topUp(buyer, 1_000_000);
        owner = owner(buyer, "stock-alert-buyer");
    }

    @Test
    void salesDownToTheMarkRaiseOneAlertToTheMallsKeepersOnceAndARestockClearsIt() throws Exception {
        runJob(); // what other scenarios left
        JsonNode product = product("原厂雨刮片", 5_000, 5, 2);
        String productId = product.path("id").asString();
        String sku = product.path("skus").path(0).path("id").asString();

        buy(sku, 2, 5_000);
        runJob();
        assertThat(alerts(productId)).as("3 left, above the mark of 2").isEmpty();

        buy(sku, 1, 5_000);
        runJob();
        assertThat(alerts(productId)).containsExactly("LOW_STOCK open stock=2 mark=2 notified=3");
        String alert = openAlert(productId, "LOW_STOCK");
        assertThat(recipients(alert)).as("those with MALL_MANAGE: managers, sales, service; not customer care")
                .containsExactlyInAnyOrder(managerId, salesId, serviceId);
        JsonNode message = inboxMessage(manager(), alert);
        assertThat(message.path("title").asString()).isEqualTo("商品库存不足：原厂雨刮片（标准）");
        assertThat(message.path("body").asString()).isEqualTo("当前库存 2，已到预警线 2，请及时补货。");
        assertThat(message.path("link").asString()).isEqualTo("/console/" + STORE
                + "/products?search=%E5%8E%9F%E5%8E%82%E9%9B%A8%E5%88%AE%E7%89%87");

        runJob();
        runJob();
        assertThat(alerts(productId)).as("a rerun raises nothing more").hasSize(1);
        assertThat(recipients(alert)).hasSize(3);

        JsonNode listed = ok(service().get(base + "/stock-alerts?itemKind=PRODUCT&alertKind=LOW_STOCK&search=雨刮"));
        assertThat(listed.path("totalElements").asLong()).isEqualTo(1);
        JsonNode row = listed.path("content").path(0);
        assertThat(List.of(row.path("id").asString(), row.path("itemName").asString(), row.path("spec").asString(),
                row.path("skuId").asString(), row.path("stock").asLong(), row.path("lowStockAt").asLong()))
                .containsExactly(alert, "原厂雨刮片", "标准", sku, 2L, 2L);

        // restocked above the mark: the alert clears; sold down again: a new episode, told again
        ok(manager().post(base + "/products/" + productId + "/skus/" + sku + "/stock-receipts", Map.of("quantity", 5),
                Map.of("Idempotency-Key", "wiper-restock-1")));
        runJob();
        assertThat(alerts(productId)).containsExactly("LOW_STOCK cleared stock=2 mark=2 notified=3");
        assertThat(ok(service().get(base + "/stock-alerts?search=雨刮")).path("totalElements").asLong()).isZero();
        assertThat(ok(service().get(base + "/stock-alerts?cleared=true&search=雨刮")).path("content").path(0)
                .path("id").asString()).isEqualTo(alert);

        buy(sku, 6, 5_000);
        runJob();
        assertThat(alerts(productId)).containsExactly("LOW_STOCK cleared stock=2 mark=2 notified=3",
                "LOW_STOCK open stock=1 mark=2 notified=3");
        String second = openAlert(productId, "LOW_STOCK");
        assertThat(recipients(second)).containsExactlyInAnyOrder(managerId, salesId, serviceId);
        assertThat(strings("select count(*) from store_" + STORE + ".inbox_message where kind ="
                + " 'stock-alert-low-stock' and arguments[1] = '原厂雨刮片'")).containsExactly("6");

        Download file = Download.get(port, base + "/stock-alerts/export?cleared=true&search="
                + URLEncoder.encode("雨刮", StandardCharsets.UTF_8), token(TestUsers.manager(GROUP, STORE)), "zh-CN");
        assertThat(file.status()).isEqualTo(200);
        try (XSSFWorkbook book = file.workbook()) {
            Row header = book.getSheetAt(0).getRow(0);
            Row first = book.getSheetAt(0).getRow(1);
            assertThat(List.of(header.getCell(1).getStringCellValue(), first.getCell(1).getStringCellValue(),
                    first.getCell(3).getStringCellValue(), (long) first.getCell(5).getNumericCellValue()))
                    .containsExactly("预警类型", "库存不足", "原厂雨刮片", 2L);
            assertThat(book.getSheetAt(0).getLastRowNum()).as("the cleared episode only").isEqualTo(1);
        }
    }

    @Test
    void aProductWithoutASaleForTheStoresDaysIsSlowMovingUntilItSellsOrTheRuleChanges() {
        runJob();
        Instant start = clock.instant();
        String idle;
        String sold;
        try {
            // a hundred days ago both were listed; one sold seventy days later, the other never
            clock.set(start.minus(100, ChronoUnit.DAYS));
            idle = product("车载香薰", 8_800, 10, 0).path("id").asString();
            JsonNode antifreeze = product("长效防冻液", 12_000, 10, 0);
            sold = antifreeze.path("id").asString();
            clock.set(start.minus(30, ChronoUnit.DAYS));
            buy(antifreeze.path("skus").path(0).path("id").asString(), 1, 12_000);
        } finally {
            clock.reset();
        }

        runJob();
        assertThat(alerts(idle)).containsExactly("SLOW_MOVING open stock=10 idle=100 notified=3");
        assertThat(alerts(sold)).as("sold 30 days ago").isEmpty();
        String alert = openAlert(idle, "SLOW_MOVING");
        assertThat(recipients(alert)).containsExactlyInAnyOrder(managerId, salesId, serviceId);
        JsonNode message = inboxMessage(manager(), alert);
        assertThat(message.path("title").asString()).isEqualTo("商品滞销：车载香薰");
        assertThat(message.path("body").asString()).isEqualTo("已 100 天没有销售，当前库存 10。");

        // the store waits longer before calling a product slow: the alert ends; back to 90 days: a new episode
        JsonNode rule = ok(manager().get(base + "/stock-alert-settings"));
        assertThat(List.of(rule.path("slowMovingEnabled").asBoolean(), rule.path("slowMovingDays").asInt()))
                .containsExactly(true, 90);
        assertThat(care().put(base + "/stock-alert-settings", Map.of("slowMovingEnabled", true, "slowMovingDays",
                120), Map.of("If-Match", "\"" + rule.path("version").asLong() + "\"")).status())
                .as("customer care do not keep the mall").isEqualTo(403);
        JsonNode longer = ok(manager().put(base + "/stock-alert-settings", Map.of("slowMovingEnabled", true,
                "slowMovingDays", 120), Map.of("If-Match", "\"" + rule.path("version").asLong() + "\"")));
        runJob();
        assertThat(alerts(idle)).containsExactly("SLOW_MOVING cleared stock=10 idle=100 notified=3");
        ok(manager().put(base + "/stock-alert-settings", Map.of("slowMovingEnabled", true, "slowMovingDays", 90),
                Map.of("If-Match", "\"" + longer.path("version").asLong() + "\"")));
        runJob();
        assertThat(alerts(idle)).containsExactly("SLOW_MOVING cleared stock=10 idle=100 notified=3",
                "SLOW_MOVING open stock=10 idle=100 notified=3");
        assertThat(strings("select count(*) from store_" + STORE + ".audit_event where entity_type ="
                + " 'stockAlertSetting' and action = 'UPDATE'")).containsExactly("2");

        // a sale today ends it
        buy(ok(manager().get(base + "/products/" + idle)).path("skus").path(0).path("id").asString(), 1, 8_800);
        runJob();
        assertThat(alerts(idle)).containsExactly("SLOW_MOVING cleared stock=10 idle=100 notified=3",
                "SLOW_MOVING cleared stock=10 idle=100 notified=3");
    }

    @Test
    void aGiftLowInStockReachesThoseWhoKeepTheGiftsAndClearsWhenRestocked() {
        runJob();
        String gift = ok(manager().post(base + "/gifts", Map.of("name", "定制钥匙扣", "pointsPrice", 100,
                "lowStockAt", 1, "initialStock", 3, "listed", true))).path("id").asString();
        String member = member("礼品兑换人");
        addPoints(member, 1_000);
        ok(service().post(base + "/gift-redemptions", Map.of("memberId", member, "giftId", gift, "quantity", 2),
                Map.of("Idempotency-Key", "gift-desk-1")));

        runJob();
        assertThat(alerts(gift)).containsExactly("LOW_STOCK open stock=1 mark=1 notified=2");
        String alert = openAlert(gift, "LOW_STOCK");
        assertThat(recipients(alert)).as("those with GIFT_MANAGE: managers and customer care")
                .containsExactlyInAnyOrder(managerId, careId);
        JsonNode message = inboxMessage(as(TestUsers.staff(GROUP, STORE, Departments.CUSTOMER_CARE)), alert);
        assertThat(message.path("title").asString()).isEqualTo("礼品库存不足：定制钥匙扣");
        assertThat(message.path("body").asString()).isEqualTo("当前库存 1，已到预警线 1，请及时补货。");
        runJob();
        assertThat(recipients(alert)).hasSize(2);

        ok(care().post(base + "/gifts/" + gift + "/stock-receipts", Map.of("quantity", 5),
                Map.of("Idempotency-Key", "gift-restock-1")));
        runJob();
        assertThat(alerts(gift)).containsExactly("LOW_STOCK cleared stock=1 mark=1 notified=2");
        assertThat(ok(service().get(base + "/stock-alerts?itemKind=GIFT")).path("totalElements").asLong()).isZero();
    }

    @Test
    void manyNewAlertsInOneRunMakeOneDigestMessagePerKeeper() {
        runJob();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= StockAlerts.DIGEST_ABOVE + 1; i++) {
            ids.add(product("机油滤芯 " + i + " 号", 3_000, 1, 1).path("id").asString());
        }
        runJob();
        ids.forEach(id -> assertThat(alerts(id)).containsExactly("LOW_STOCK open stock=1 mark=1 notified=3"));
        assertThat(strings("select count(*) from store_" + STORE + ".inbox_message m where m.event_id in (select id"
                + " from store_" + STORE + ".stock_alert a where a.item_name like '机油滤芯%')"))
                .as("no message per alert").containsExactly("0");
        List<String> digests = strings("select recipient from store_" + STORE + ".inbox_message where kind ="
                + " 'stock-alert-digest'");
        assertThat(digests).containsExactlyInAnyOrder(managerId, salesId, serviceId);
        JsonNode digest = ok(manager().get(base + "/inbox?size=50")).path("content");
        JsonNode found = null;
        for (JsonNode m : digest) {
            if (m.path("kind").asString().equals("stock-alert-digest")) {
                found = m;
            }
        }
        assertThat(found).isNotNull();
        assertThat(found.path("title").asString()).isEqualTo("6 件商品库存预警");
        assertThat(found.path("body").asString()).isEqualTo("库存不足 6 件，滞销 0 件，请到库存预警页查看。");
        assertThat(found.path("link").asString()).isEqualTo("/console/" + STORE + "/stock-alerts?itemKind=PRODUCT");
    }

    // --- helpers

    private JsonNode product(String name, long price, long stock, int lowStockAt) {
        Map<String, Object> sku = new LinkedHashMap<>();
        sku.put("spec", "标准");
        sku.put("priceFen", price);
        sku.put("lowStockAt", lowStockAt);
        sku.put("initialStock", stock);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("categoryId", category);
        form.put("name", name);
        form.put("hot", false);
        form.put("recommended", false);
        form.put("rank", 1);
        form.put("skus", List.of(sku));
        form.put("listed", true);
        return ok(manager().post(base + "/products", form));
    }

    /** The owner buys and pays from the wallet: a paid order, whose reservation is the sale. */
    private void buy(String sku, int quantity, long unitPrice) {
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("lines", List.of(Map.of("skuId", sku, "quantity", quantity)));
        place.put("fulfilment", "PICKUP");
        place.put("walletFen", unitPrice * quantity);
        place.put("points", 0);
        place.put("onlineFen", 0);
        JsonNode order = ok(owner.post(base + "/me/mall/orders", place, Map.of("Idempotency-Key",
                "stock-alert-order-" + (++orders))));
        assertThat(order.path("status").asString()).isEqualTo("PAID");
    }

    /** The item's alerts, oldest first: kind, open or cleared, the figures when raised, how many were told. */
    private List<String> alerts(String item) {
        return strings("select alert_kind || ' ' || case when cleared_at is null then 'open' else 'cleared' end"
                + " || ' stock=' || stock || case when alert_kind = 'LOW_STOCK' then ' mark=' || low_stock_at"
                + " else ' idle=' || idle_days end || ' notified=' || notified from store_" + STORE + ".stock_alert"
                + " where item_id = ?::uuid order by raised_at, id", UUID.fromString(item));
    }

    private String openAlert(String item, String kind) {
        return strings("select id from store_" + STORE + ".stock_alert where item_id = ?::uuid and alert_kind = ?"
                + " and cleared_at is null", UUID.fromString(item), kind).getFirst();
    }

    /** Who got a message about the alert. */
    private List<String> recipients(String alert) {
        return strings("select recipient from store_" + STORE + ".inbox_message where event_id = ?::uuid",
                UUID.fromString(alert));
    }

    private JsonNode inboxMessage(Api reader, String alert) {
        String link = strings("select link from store_" + STORE + ".inbox_message where event_id = ?::uuid limit 1",
                UUID.fromString(alert)).getFirst();
        for (JsonNode m : ok(reader.get(base + "/inbox?size=50")).path("content")) {
            if (link.equals(m.path("link").asString()) && m.path("kind").asString().startsWith("stock-alert")) {
                return m;
            }
        }
        throw new AssertionError("no message about alert " + alert);
    }

    private static String loginId(String login) {
        return TestUsers.describe(login).path("id").asString();
    }

    /**
     * One run of the job for the store, as the runner makes it. A run Keycloak did not answer in time (a loaded
     * machine) raised nothing and is tried again, as the runner tries a failed run again.
     */
    private void runJob() {
        StockAlertJob job = (StockAlertJob) jobs.stream().filter(j -> j.name().equals(StockAlertJob.JOB)).findFirst()
                .orElseThrow();
        Tenant tenant = tenants.find(STORE).orElseThrow().tenant();
        for (int attempt = 1; ; attempt++) {
            try {
                TenantContext.runAs(tenant, () -> job.run(tenant));
                return;
            } catch (IdentityUnavailable e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json();
    }
}
