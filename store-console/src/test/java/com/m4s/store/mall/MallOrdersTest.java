package com.m4s.store.mall;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.test.Concurrently;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.stripe.StripeTestServer;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.payment.OnlinePayments;
import com.m4s.store.support.Download;
import com.m4s.store.support.LoyaltyScenarioTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Mall orders (MALL-2, decision 0051) as scenarios: an owner buys with points and the wallet, gets a pick-up code, and
 * staff hand the order over only against that code; 200 concurrent checkouts of the last 10 units sell exactly 10; an
 * order whose online part is never paid is released at the timeout on the clock, its stock, wallet and points back;
 * a whole refund puts the goods back in stock; orders move a product's units sold, which the mall sorts by and the
 * console's product and order lists export.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MallOrdersTest extends LoyaltyScenarioTest {

    private static final String STORE = "mall_orders";
    /** The test group's connected account, as the online payment scenarios register it. */
    private static final String ACCOUNT = "acct_m4stestgroup";

    private final StripeTestServer stripe = StripeTestServer.shared();
    private String category;

    @Autowired
    private OnlinePayments online;
    @Autowired
    private TenantRegistry tenants;
    @Autowired
    private com.m4s.platform.time.StoreTime storeTime;

    MallOrdersTest() {
        super(STORE, "1340000");
    }

    @BeforeAll
    void mall() {
        provision(STORE);
        stripe.connectedAccount(ACCOUNT);
        Api.Response account = asService().put("/internal/groups/" + GROUP + "/payment-account",
                Map.of("stripeAccountId", ACCOUNT));
        assertThat(account.status()).as(account.raw()).isEqualTo(200);
        category = ok(manager().post(base + "/product-categories", Map.of("name", "精品附件", "sortOrder", 1)))
                .path("id").asString();
    }

    @Test
    void anOwnerPaysWithPointsAndTheWalletGetsAPickUpCodeAndStaffHandTheOrderOverAgainstIt() throws Exception {
        JsonNode product = product("车载吸尘器", 12_800, 5);
        String productId = product.path("id").asString();
        String sku = product.path("skus").path(0).path("id").asString();
        String member = member("商城买家");
        topUp(member, 20_000);
        addPoints(member, 20_000);
        Api owner = owner(member, "mall-buyer-1");

        JsonNode sheet = ok(owner.post(base + "/me/mall/checkout", Map.of("lines", List.of(line(sku, 2)))));
        assertThat(List.of(sheet.path("subjectType").asString(), sheet.path("grossFen").asLong(),
                sheet.path("pointsMax").asLong())).containsExactly("MALL_ORDER", 25_600L, 12_800L);

        JsonNode order = ok(owner.post(base + "/me/mall/orders", place(sku, 2, 15_600, 10_000, 0, null),
                Map.of("Idempotency-Key", "buy-1")));
        String id = order.path("id").asString();
        String code = order.path("pickupCode").asString();
        assertThat(List.of(order.path("status").asString(), order.path("grossFen").asLong(),
                order.path("walletFen").asLong(), order.path("pointsUsed").asLong())).containsExactly("PAID", 25_600L,
                15_600L, 10_000L);
        assertThat(code).matches("[0-9]{6}");
        assertThat(ok(owner.post(base + "/me/mall/orders", place(sku, 2, 15_600, 10_000, 0, null),
                Map.of("Idempotency-Key", "buy-1"))).path("id").asString()).as("a repeat answers the first")
                .isEqualTo(id);
        assertThat(walletEntries(member)).containsExactly("TOP_UP 20000 0", "SPEND -15600 0");
        assertThat(available(member)).isEqualTo(10_000);
        assertThat(stockEntries(productId)).containsExactly("RECEIVE 5 5", "RESERVE -2 3");

        // staff see the order without its code; the code the owner shows hands it over, another does not
        JsonNode seen = ok(service().get(base + "/mall-orders/" + id));
        assertThat(seen.path("pickupCode").isNull()).isTrue();
        assertThat(seen.path("lines").path(0).path("productName").asString()).isEqualTo("车载吸尘器");
        assertProblem(service().post(base + "/mall-orders/" + id + "/pickup", Map.of("code", "000000".equals(code)
                ? "111111" : "000000")), 409, "mall-order-move-not-allowed", null);
        // a move sent with a version other than the one read changes nothing (the events below hold no second one)
        long read = seen.path("version").asLong();
        assertProblem(sales().post(base + "/mall-orders/" + id + "/ready", Map.of(),
                Map.of("If-Match", "\"" + (read + 1) + "\"")), 409, "concurrent-update", null);
        JsonNode ready = ok(sales().post(base + "/mall-orders/" + id + "/ready", Map.of(),
                Map.of("If-Match", "\"" + read + "\"")));
        assertThat(ready.path("status").asString()).isEqualTo("READY_FOR_PICKUP");
        assertProblem(sales().post(base + "/mall-orders/" + id + "/pickup", Map.of("code", "000000".equals(code)
                ? "111111" : "000000")), 409, "mall-order-code-wrong", null);
        assertProblem(sales().post(base + "/mall-orders/" + id + "/pickup", Map.of("code", code),
                Map.of("If-Match", "\"" + read + "\"")), 409, "concurrent-update", null);
        JsonNode handed = ok(sales().post(base + "/mall-orders/" + id + "/pickup", Map.of("code", code),
                Map.of("If-Match", "\"" + ready.path("version").asLong() + "\"")));
        assertThat(handed.path("status").asString()).isEqualTo("COMPLETED");
        List<String> told = Eventually.await(Duration.ofSeconds(20), "the owner told the order is ready",
                () -> strings("select body from store_" + STORE + ".notification where member_id = ?::uuid and topic"
                        + " = 'mall-order-ready-for-pickup'", UUID.fromString(member)), found -> !found.isEmpty());
        assertThat(told).hasSize(1);
        assertThat(told.getFirst()).contains(handed.path("number").asString()).doesNotContain(code);
        assertThat(orderEvents(id)).containsExactly("MallOrderPlaced PENDING_PAYMENT", "MallOrderPaid PAID",
                "MallOrderReady READY_FOR_PICKUP", "MallOrderCompleted COMPLETED");
        assertThat(ok(service().get(base + "/mall-orders?search=" + handed.path("number").asString()))
                .path("content").path(0).path("summary").asString()).isEqualTo("车载吸尘器");

        // out of stock and a split that does not add up: nothing reserved, nothing spent
        assertProblem(owner.post(base + "/me/mall/orders", place(sku, 4, 51_200, 0, 0, null),
                Map.of("Idempotency-Key", "buy-2")), 409, "mall-out-of-stock", null);
        assertProblem(owner.post(base + "/me/mall/orders", place(sku, 1, 100, 0, 0, null),
                Map.of("Idempotency-Key", "buy-3")), 422, "payment-split-mismatch", null);
        assertThat(stockEntries(productId)).hasSize(2);
        assertThat(strings("select count(*) from store_" + STORE + ".mall_order where member_id = ?::uuid",
                UUID.fromString(member))).containsExactly("1");
        assertLedgersConsistent();
    }

    @Test
    void twoHundredConcurrentCheckoutsOfTheLastTenUnitsSellExactlyTen() throws Exception {
        JsonNode product = product("限量版原厂车模", 15_800, 10);
        String productId = product.path("id").asString();
        String sku = product.path("skus").path(0).path("id").asString();
        List<Api> owners = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String m = member("抢购" + i);
            topUp(m, 50_000);
            members.add(m);
            owners.add(owner(m, "mall-rush-" + i));
        }
        AtomicInteger next = new AtomicInteger();
        List<Api.Response> answers = Concurrently.run(200, () -> {
            int n = next.getAndIncrement();
            return owners.get(n % 20).post(base + "/me/mall/orders", place(sku, 1, 15_800, 0, 0, null),
                    Map.of("Idempotency-Key", "rush-" + n));
        });
        assertThat(answers.stream().filter(r -> r.status() == 200).count()).isEqualTo(10);
        assertThat(answers.stream().filter(r -> r.status() != 200).map(Api.Response::problemType).distinct())
                .containsExactly("mall-out-of-stock");
        assertThat(stockSum(productId)).as("stock 0, the sum of its movements").isZero();
        String ofThisProduct = " in (select order_id from store_" + STORE + ".mall_order_line where product_id ="
                + " ?::uuid)";
        assertThat(strings("select count(*) || ' ' || sum(gross_fen) || ' ' || string_agg(distinct status, ',') from"
                + " store_" + STORE + ".mall_order where id" + ofThisProduct, UUID.fromString(productId)))
                .containsExactly("10 158000 PAID");
        assertThat(strings("select -sum(principal_delta) from store_" + STORE + ".wallet_entry where kind = 'SPEND'"
                + " and source_type = 'MALL_ORDER' and source_id" + ofThisProduct, UUID.fromString(productId)))
                .as("paid exactly for the ten").containsExactly("158000");
    }

    @Test
    void anOrderNotPaidOnlineIsReleasedAtTheTimeoutWithItsStockWalletAndPoints() throws Exception {
        JsonNode product = product("行车记录仪 T1", 39_900, 3);
        String productId = product.path("id").asString();
        String sku = product.path("skus").path(0).path("id").asString();
        String member = member("超时未付");
        topUp(member, 10_000);
        addPoints(member, 5_000);
        Api owner = owner(member, "mall-late-1");
        sweep(); // what other scenarios left for the janitor
        stripe.holdWebhooks(true);
        try {
            JsonNode order = ok(owner.post(base + "/me/mall/orders", place(sku, 1, 10_000, 5_000, 24_900,
                    "WECHAT_PAY"), Map.of("Idempotency-Key", "late-1")));
            String id = order.path("id").asString();
            assertThat(List.of(order.path("status").asString(), order.path("paymentStatus").asString()))
                    .containsExactly("PENDING_PAYMENT", "AWAITING_ONLINE");
            assertThat(stockEntries(productId)).containsExactly("RECEIVE 3 3", "RESERVE -1 2");
            assertThat(available(member)).isZero();

            // half an hour on, nobody paid: the janitor cancels the payment, the order follows it
            clock.advance(Duration.ofMinutes(31));
            assertThat(sweep()).isEqualTo(1);
            Eventually.await(Duration.ofSeconds(20), "the order released", () -> orderStatus(id),
                    s -> s.equals("CANCELLED"));
            assertThat(stockEntries(productId)).containsExactly("RECEIVE 3 3", "RESERVE -1 2", "RELEASE 1 3");
            assertThat(walletEntries(member)).containsExactly("TOP_UP 10000 0", "SPEND -10000 0", "REFUND 10000 0");
            assertThat(available(member)).isEqualTo(5_000);
            assertThat(orderEvents(id)).containsExactly("MallOrderPlaced PENDING_PAYMENT",
                    "MallOrderCancelled CANCELLED");
        } finally {
            stripe.holdWebhooks(false);
        }
        assertLedgersConsistent();
    }

    @Test
    void aWholeRefundPutsTheGoodsBackInStockAndAPartialOneDoesNot() throws Exception {
        JsonNode product = product("全包围脚垫", 88_000, 4);
        String productId = product.path("id").asString();
        String sku = product.path("skus").path(0).path("id").asString();
        String member = member("退款买家");
        topUp(member, 200_000);
        Api owner = owner(member, "mall-refund-1");
        String first = ok(owner.post(base + "/me/mall/orders", place(sku, 1, 88_000, 0, 0, null),
                Map.of("Idempotency-Key", "ref-1"))).path("id").asString();
        String second = ok(owner.post(base + "/me/mall/orders", place(sku, 1, 88_000, 0, 0, null),
                Map.of("Idempotency-Key", "ref-2"))).path("id").asString();

        refund(ok(manager().get(base + "/mall-orders/" + first)).path("paymentId").asString(), 88_000, "客户退货");
        refund(ok(manager().get(base + "/mall-orders/" + second)).path("paymentId").asString(), 20_000, "部分退款");
        Eventually.await(Duration.ofSeconds(20), "both refunds taken in", () -> List.of(orderStatus(first),
                orderStatus(second)), s -> s.equals(List.of("REFUNDED", "PARTIALLY_REFUNDED")));
        assertThat(stockEntries(productId)).containsExactly("RECEIVE 4 4", "RESERVE -1 3", "RESERVE -1 2",
                "RETURN 1 3");
        assertThat(ok(manager().get(base + "/mall-orders/" + second)).path("refundedFen").asLong()).isEqualTo(20_000);
        assertThat(stockSum(productId)).isEqualTo(3);
    }

    @Test
    void aTaskRewardsTheMoneyPaidForAnOrderAndItsRefundsTakeTheRewardBack() throws Exception {
        // published for this scenario only: it is ended before the next one starts
        LocalDate day = LocalDate.ofInstant(clock.instant(), TenantContext.supplyAs(
                tenants.find(STORE).orElseThrow().tenant(), storeTime::zone));
        Api.Response created = manager().post(base + "/point-tasks", Map.of("name", "商城购物返积分", "description",
                "商城订单每付 1 元得 1 积分", "trigger", "MALL_ORDER_PAID", "rewardKind", "RATIO", "pointsPerYuan", "1",
                "memberLimit", "UNLIMITED", "validFrom", day.toString()));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String task = created.json().path("id").asString();
        ok(manager().post(base + "/point-tasks/" + task + "/publish", ""));
        try {
            String sku = product("原厂全合成机油 4L", 35_000, 5).path("skus").path(0).path("id").asString();
            String member = member("商城返积分");
            topUp(member, 100_000);
            addPoints(member, 50);
            Api owner = owner(member, "mall-task-1");
            JsonNode order = ok(owner.post(base + "/me/mall/orders", place(sku, 1, 34_950, 50, 0, null),
                    Map.of("Idempotency-Key", "task-1")));
            String id = order.path("id").asString();
            String granted = "GRANT 349 task:" + task + ":event:";
            Eventually.await(Duration.ofSeconds(20), "the order rewarded", () -> taskEntries(member),
                    e -> e.size() == 1);
            assertThat(taskEntries(member).getFirst()).as("349.50 元 of wallet: 349 points; the points paid earn"
                    + " nothing").startsWith(granted);

            // a partial refund keeps what the money left earns; the whole refund takes the rest
            String payment = order.path("paymentId").asString();
            JsonNode part = refund(payment, 10_000, "少发一瓶添加剂").path("refunds").path(0);
            long moneyBack = part.path("walletFen").asLong() + part.path("cashFen").asLong()
                    + part.path("onlineFen").asLong();
            long keep = (34_950 - moneyBack) / 100;
            Eventually.await(Duration.ofSeconds(20), "the partial refund taken back", () -> taskEntries(member),
                    e -> e.size() == 2);
            refund(payment, 25_000, "整单退货");
            Eventually.await(Duration.ofSeconds(20), "the whole refund taken back", () -> taskEntries(member),
                    e -> e.size() == 3);
            List<String> entries = taskEntries(member);
            assertThat(entries.get(1)).startsWith("REFUND " + (keep - 349) + " task:" + task + ":order:" + id
                    + ":refund:");
            assertThat(entries.get(2)).startsWith("REFUND " + -keep + " task:" + task + ":order:" + id + ":refund:");
            assertThat(strings("select count(*) from console.event_outbox where event_type = 'PointTaskRewarded'"
                    + " and payload->>'taskId' = ? and payload->>'memberId' = ?", task, member)).containsExactly("1");
            assertLedgersConsistent();
        } finally {
            ok(manager().post(base + "/point-tasks/" + task + "/end", ""));
        }
    }

    private List<String> taskEntries(String member) {
        return strings("select kind || ' ' || available_delta || ' ' || idempotency_key from store_" + STORE
                + ".points_entry where source_type = 'POINT_TASK' and member_id = ?::uuid order by created_at, id",
                UUID.fromString(member));
    }

    @Test
    void ordersMoveTheUnitsSoldAndTheMallSortedBySalesPutsTheBestSellerFirst() throws Exception {
        String wipers = ok(manager().post(base + "/product-categories", Map.of("name", "雨刮", "sortOrder", 2)))
                .path("id").asString();
        JsonNode front = product("无骨雨刮 前", 9_900, 10, wipers);
        JsonNode rear = product("无骨雨刮 后", 12_900, 10, wipers);
        JsonNode unsold = product("雨刮精", 1_500, 10, wipers);
        String member = member("销量买家");
        topUp(member, 100_000);
        Api owner = owner(member, "mall-sales-1");
        String frontSku = front.path("skus").path(0).path("id").asString();
        String rearSku = rear.path("skus").path(0).path("id").asString();

        String first = ok(owner.post(base + "/me/mall/orders", place(frontSku, 3, 29_700, 0, 0, null),
                Map.of("Idempotency-Key", "sales-1"))).path("number").asString();
        String second = ok(owner.post(base + "/me/mall/orders", place(rearSku, 2, 25_800, 0, 0, null),
                Map.of("Idempotency-Key", "sales-2"))).path("number").asString();
        JsonNode third = ok(owner.post(base + "/me/mall/orders", place(rearSku, 2, 25_800, 0, 0, null),
                Map.of("Idempotency-Key", "sales-3")));
        // the rear wipers sold 4, the front ones 3: the rear ones lead the mall sorted by sales
        assertThat(sold(rear) + " " + sold(front) + " " + sold(unsold)).isEqualTo("4 3 0");
        Eventually.await(Duration.ofSeconds(20), "the rear wipers first by sales", () -> bySales(owner, wipers),
                names -> names.equals(List.of("无骨雨刮 后", "无骨雨刮 前", "雨刮精")));

        // a whole refund takes its two back: now the front wipers are the best seller, in the index too
        refund(third.path("paymentId").asString(), 25_800, "客户退货");
        String refunded = third.path("id").asString();
        Eventually.await(Duration.ofSeconds(20), "the refund taken in", () -> orderStatus(refunded),
                s -> s.equals("REFUNDED"));
        assertThat(sold(rear) + " " + sold(front) + " " + sold(unsold)).isEqualTo("2 3 0");
        Eventually.await(Duration.ofSeconds(20), "the front wipers first by sales", () -> bySales(owner, wipers),
                names -> names.equals(List.of("无骨雨刮 前", "无骨雨刮 后", "雨刮精")));
        assertThat(stockEntries(rear.path("id").asString())).containsExactly("RECEIVE 10 10", "RESERVE -2 8",
                "RESERVE -2 6", "RETURN 2 8");

        // the console lists the units sold and sorts by them
        JsonNode listed = ok(manager().get(base + "/products?category=" + wipers + "&sort=sold,desc")).path("content");
        assertThat(listed.valueStream().map(p -> p.path("name").asString() + " " + p.path("sold").asLong()).toList())
                .containsExactly("无骨雨刮 前 3", "无骨雨刮 后 2", "雨刮精 0");

        // the product list's export: the same filter and sort, prices in yuan, the units sold
        Download products = Download.get(port, base + "/products/export?category=" + wipers + "&sort=sold,desc",
                token(TestUsers.manager(GROUP, STORE)), "zh-CN");
        assertThat(products.status()).isEqualTo(200);
        assertThat(products.contentDisposition()).contains("filename*=UTF-8''" + java.net.URLEncoder.encode("商城商品",
                java.nio.charset.StandardCharsets.UTF_8));
        try (XSSFWorkbook book = products.workbook()) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("商城商品");
            assertThat(texts(sheet.getRow(0), 10)).containsExactly("商品名称", "分类", "状态", "最低价", "最高价",
                    "总库存", "销量", "规格数", "库存不足规格数", "创建时间");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            List<String> rows = new ArrayList<>();
            for (int r = 1; r <= 3; r++) {
                Row row = sheet.getRow(r);
                rows.add(texts(row, 3) + " " + row.getCell(3).getNumericCellValue() + " "
                        + row.getCell(4).getNumericCellValue() + " " + (long) row.getCell(5).getNumericCellValue()
                        + " " + (long) row.getCell(6).getNumericCellValue());
            }
            assertThat(rows).containsExactly("[无骨雨刮 前, 雨刮, 已上架] 99.0 99.0 7 3",
                    "[无骨雨刮 后, 雨刮, 已上架] 129.0 129.0 8 2", "[雨刮精, 雨刮, 已上架] 15.0 15.0 10 0");
        }

        // the order list's export: the buyer's three orders in number order, amounts and refunds in yuan
        Download orders = Download.get(port, base + "/mall-orders/export?search=销量买家&sort=number,asc",
                token(TestUsers.manager(GROUP, STORE)), "zh-CN");
        assertThat(orders.status()).isEqualTo(200);
        try (XSSFWorkbook book = orders.workbook()) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("商城订单");
            assertThat(texts(sheet.getRow(0), 10)).containsExactly("订单号", "下单时间", "会员", "手机号", "商品", "件数",
                    "取货方式", "状态", "订单金额", "已退款");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            List<String> rows = new ArrayList<>();
            for (int r = 1; r <= 3; r++) {
                Row row = sheet.getRow(r);
                rows.add(row.getCell(0).getStringCellValue() + " " + row.getCell(2).getStringCellValue() + " "
                        + row.getCell(4).getStringCellValue() + " " + (long) row.getCell(5).getNumericCellValue() + " "
                        + row.getCell(6).getStringCellValue() + " " + row.getCell(7).getStringCellValue() + " "
                        + row.getCell(8).getNumericCellValue() + " " + row.getCell(9).getNumericCellValue());
            }
            assertThat(rows).containsExactly(first + " 销量买家 无骨雨刮 前 3 到店自提 已支付 297.0 0.0",
                    second + " 销量买家 无骨雨刮 后 2 到店自提 已支付 258.0 0.0",
                    third.path("number").asString() + " 销量买家 无骨雨刮 后 2 到店自提 已退款 258.0 258.0");
        }
        Download english = Download.get(port, base + "/mall-orders/export?search=销量买家&status=REFUNDED",
                token(TestUsers.manager(GROUP, STORE)), "en");
        try (XSSFWorkbook book = english.workbook()) {
            assertThat(texts(book.getSheetAt(0).getRow(0), 3)).containsExactly("Order number", "Placed", "Member");
            assertThat(book.getSheetAt(0).getLastRowNum()).as("the list's status filter").isEqualTo(1);
            assertThat(book.getSheetAt(0).getRow(1).getCell(7).getStringCellValue()).isEqualTo("Refunded");
        }
    }

    /** The product's units sold, checked against its orders' movements in the ledger. */
    private long sold(JsonNode product) {
        UUID id = UUID.fromString(product.path("id").asString());
        String sold = strings("select sold from store_" + STORE + ".product where id = ?::uuid", id).getFirst();
        assertThat(strings("select coalesce(-sum(delta), 0) from store_" + STORE + ".product_stock_entry where"
                + " product_id = ?::uuid and kind in ('RESERVE', 'RELEASE', 'RETURN')", id))
                .as("the sum of the orders' movements").containsExactly(sold);
        return Long.parseLong(sold);
    }

    /** The names of the category's products in the owner's mall sorted by sales. */
    private List<String> bySales(Api owner, String category) {
        return ok(owner.get(base + "/me/mall/products?category=" + category + "&sort=SALES")).path("content")
                .valueStream().map(p -> p.path("name").asString()).toList();
    }

    private static List<String> texts(Row row, int cells) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < cells; i++) {
            texts.add(row.getCell(i) == null ? "" : row.getCell(i).toString());
        }
        return texts;
    }

    private JsonNode product(String name, long price, long stock) {
        return product(name, price, stock, category);
    }

    private JsonNode product(String name, long price, long stock, String category) {
        Map<String, Object> sku = new LinkedHashMap<>();
        sku.put("spec", "标准");
        sku.put("priceFen", price);
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

    private static Map<String, Object> line(String sku, int quantity) {
        return Map.of("skuId", sku, "quantity", quantity);
    }

    private static Map<String, Object> place(String sku, int quantity, long wallet, long points, long online,
            String method) {
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("lines", List.of(line(sku, quantity)));
        place.put("fulfilment", "PICKUP");
        place.put("walletFen", wallet);
        place.put("points", points);
        place.put("onlineFen", online);
        if (method != null) {
            place.put("onlineMethod", method);
        }
        return place;
    }

    private Api sales() {
        return as(com.m4s.platform.test.TestUsers.staff(GROUP, STORE, "sales"));
    }

    private int sweep() {
        return TenantContext.supplyAs(tenants.find(STORE).orElseThrow().tenant(), online::sweep);
    }

    private String orderStatus(String order) {
        return strings("select status from store_" + STORE + ".mall_order where id = ?::uuid", UUID.fromString(order))
                .getFirst();
    }

    private List<String> stockEntries(String product) {
        return strings("select kind || ' ' || delta || ' ' || stock_after from store_" + STORE
                + ".product_stock_entry where product_id = ?::uuid order by created_at, id", UUID.fromString(product));
    }

    /** The product's stock, checked to equal the sum of its movements. */
    private long stockSum(String product) {
        UUID id = UUID.fromString(product);
        long stock = Long.parseLong(strings("select stock from store_" + STORE + ".product where id = ?::uuid", id)
                .getFirst());
        assertThat(strings("select coalesce(sum(delta), 0) from store_" + STORE + ".product_stock_entry where"
                + " product_id = ?::uuid", id)).as("the sum of the movements").containsExactly(String.valueOf(stock));
        return stock;
    }

    private List<String> orderEvents(String order) {
        return strings("select event_type || ' ' || (payload->>'status') from console.event_outbox where topic ="
                + " 'm4s.mall' and payload->>'orderId' = ? order by id", order);
    }

    private static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json();
    }
}
