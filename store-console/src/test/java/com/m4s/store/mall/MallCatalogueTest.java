package com.m4s.store.mall;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.Eventually;
import com.m4s.store.support.LoyaltyScenarioTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The mall's catalogue (MALL-1, MALL-3, decision 0050) as scenarios: a category tree, a product with SKUs and their
 * stock ledger, the problems staff meet; then the owners' mall on the real Elasticsearch fed through the real Kafka:
 * Chinese names found, "fits my car" by the owner's vehicle, facets, a delisted product gone within two seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MallCatalogueTest extends LoyaltyScenarioTest {

    private static final String STORE = "mall_store";
    private static final Duration FRESH = Duration.ofSeconds(2);

    private String accessories;
    private String recorders;
    private String parts;
    private String oil;

    MallCatalogueTest() {
        super(STORE, "1350000");
    }

    @BeforeAll
    void catalogue() {
        provision(STORE);
        accessories = category(null, "精品附件", 1);
        recorders = category(accessories, "行车记录仪", 1);
        parts = category(null, "原厂配件", 2);
        oil = category(parts, "机油", 1);
    }

    @Test
    void staffKeepACategoryTreeAndAProductWithSkusWhoseStockIsALedger() {
        List<String> tree = ok(manager().get(base + "/product-categories")).valueStream()
                .map(c -> c.path("name").asString()).toList();
        assertThat(tree).containsSubsequence("精品附件", "原厂配件").contains("行车记录仪", "机油");
        assertProblem(manager().post(base + "/product-categories", Map.of("parentId", accessories, "name", " 行车记录仪 ",
                "sortOrder", 3)), 409, "product-category-name-taken", null);
        assertProblem(manager().put(base + "/product-categories/" + accessories, Map.of("parentId", recorders,
                "name", "精品附件", "sortOrder", 1)), 422, "product-category-cycle", null);

        JsonNode made = ok(sales().post(base + "/products", product("360 行车记录仪 G300", recorders, List.of(),
                true, List.of(sku("标准版", "DVR-G300", 39_900, 29_900L, 2, 5), sku("带 32G 卡", "DVR-G300-32",
                        45_900, null, 2, 0)))));
        String id = made.path("id").asString();
        assertThat(List.of(made.path("status").asString(), made.path("categoryName").asString(),
                made.path("skus").size())).containsExactly("LISTED", "行车记录仪", 2);
        String standard = made.path("skus").path(0).path("id").asString();
        String withCard = made.path("skus").path(1).path("id").asString();
        assertThat(made.path("skus").path(1).path("low").asBoolean()).as("0 in stock, low at 2").isTrue();

        assertProblem(sales().post(base + "/products", product("360 行车记录仪 g300", recorders, List.of(), false,
                List.of(sku("标准版", null, 100, null, 0, 0)))), 409, "product-name-taken", null);
        assertProblem(sales().post(base + "/products", product("无规格商品", recorders, List.of(), false, List.of())),
                422, "product-sku-required", null);
        assertProblem(sales().post(base + "/products", product("折扣错误", recorders, List.of(), false,
                List.of(sku("标准版", null, 100, 100L, 0, 0)))), 422, "product-sale-price-not-lower", null);
        assertProblem(sales().post(base + "/products", product("货号重复", recorders, List.of(), false,
                List.of(sku("标准版", "dvr-g300", 100, null, 0, 0)))), 409, "product-sku-code-taken", null);
        assertProblem(manager().delete(base + "/product-categories/" + recorders), 409,
                "product-category-not-empty", null);

        // stock: received once per key, never below zero, each correction with its reason
        receive(id, withCard, 10, "rcv-1");
        assertThat(receive(id, withCard, 10, "rcv-1").path("skus").path(1).path("stock").asLong()).as("once")
                .isEqualTo(10);
        assertProblem(service().post(base + "/products/" + id + "/skus/" + withCard + "/stock-adjustments",
                Map.of("delta", -11, "reason", "盘点"), Map.of("Idempotency-Key", "adj-1")), 409,
                "product-stock-short", null);
        JsonNode adjusted = ok(service().post(base + "/products/" + id + "/skus/" + withCard + "/stock-adjustments",
                Map.of("delta", -1, "reason", "盘点发现包装破损"), Map.of("Idempotency-Key", "adj-2")));
        assertThat(adjusted.path("skus").path(1).path("stock").asLong()).isEqualTo(9);
        assertThat(stockEntries(id)).containsExactly("RECEIVE 5 5", "RECEIVE 10 10", "ADJUST -1 9");
        assertThat(strings("select stock || ' ' || price_fen || ' ' || original_price_fen from store_" + STORE
                + ".product where id = ?::uuid", UUID.fromString(id))).as("what the SKUs add up to")
                .containsExactly("14 29900 39900");
        for (String sku : List.of(standard, withCard)) {
            assertThat(strings("select s.stock = coalesce(sum(e.delta), 0) from store_" + STORE + ".product_sku s"
                    + " left join store_" + STORE + ".product_stock_entry e on e.sku_id = s.id where s.id = ?::uuid"
                    + " group by s.stock", UUID.fromString(sku))).as("a SKU's stock is the sum of its movements")
                    .containsExactly("t");
        }
        assertThat(productEvents(id)).containsExactly("ProductCreated 1", "ProductStockMoved 2",
                "ProductStockMoved 3", "ProductStockMoved 4");
        assertThat(as(com.m4s.platform.test.TestUsers.staff(GROUP, STORE, "finance")).post(base + "/products/" + id
                + "/delisting", Map.of()).status()).as("finance reads the mall, does not keep it").isEqualTo(403);

        // the list: a category finds what is under it; low stock; an article number
        assertThat(names("category=" + accessories)).contains("360 行车记录仪 G300");
        assertThat(names("category=" + parts)).doesNotContain("360 行车记录仪 G300");
        assertThat(names("search=G300-32")).containsExactly("360 行车记录仪 G300");
        assertThat(names("low=true")).doesNotContain("360 行车记录仪 G300");
    }

    @Test
    void ownersFindChineseNamesWhatFitsTheirCarAndADelistedProductIsGoneWithinTwoSeconds() throws Exception {
        String member = member("商城车主");
        Api.Response car = manager().post(base + "/members/" + member + "/vehicles", Map.of("plate", "粤A3M888",
                "vin", "LBVCU3108MS000088", "model", "宝马 325Li"));
        assertThat(car.status()).as(car.raw()).isEqualTo(201);
        Api owner = owner(member, "mall-owner");

        String bmwOil = ok(service().post(base + "/products", product("宝马原厂机油 5W-30", oil, List.of("宝马 325Li",
                "宝马 530Li"), true, List.of(sku("1L", null, 12_800, null, 5, 30), sku("5L", null, 58_000, 52_000L, 5,
                        20))))).path("id").asString();
        String benzOil = ok(service().post(base + "/products", product("奔驰原厂机油 0W-40", oil, List.of("奔驰 C 260L"),
                true, List.of(sku("1L", null, 13_800, null, 5, 10))))).path("id").asString();
        String recorder = ok(sales().post(base + "/products", product("70迈 行车记录仪 A800", recorders, List.of(), true,
                List.of(sku("标准版", null, 59_900, null, 1, 0))))).path("id").asString();
        Map<String, Object> hot = product("洗车美容卡 10 次", accessories, List.of(), true, List.of(sku("10 次", null,
                30_000, 19_900L, 0, 100)));
        hot.put("hot", true);
        String washes = ok(sales().post(base + "/products", hot)).path("id").asString();
        // an edit as the console sends it: no SKUs and no listing, which are for creation only
        hot.remove("skus");
        hot.remove("listed");
        hot.put("subtitle", "精洗 10 次，含内饰清洁");
        long version = ok(sales().get(base + "/products/" + washes)).path("version").asLong();
        assertThat(ok(sales().put(base + "/products/" + washes, hot, Map.of("If-Match", "\"" + version + "\"")))
                .path("subtitle").asString()).isEqualTo("精洗 10 次，含内饰清洁");
        List<String> all = List.of(bmwOil, benzOil, recorder, washes);
        Eventually.await(Duration.ofSeconds(10), "the products in the mall", () -> ids(owner, ""),
                found -> found.containsAll(all));
        // each product's first stock is a later version of its document than its creation: wait for those too
        Eventually.await(Duration.ofSeconds(10), "the stock of the products in the mall",
                () -> ids(owner, "inStock=true"), found -> found.containsAll(List.of(bmwOil, benzOil, washes)));

        assertThat(ids(owner, "q=机油")).containsExactlyInAnyOrder(bmwOil, benzOil);
        assertThat(ids(owner, "q=行车记录仪")).containsExactly(recorder);
        assertThat(ids(owner, "q=机油&fitsMyCar=true")).as("the owner drives a 宝马 325Li").containsExactly(bmwOil);
        assertThat(ids(owner, "fitsMyCar=true")).contains(bmwOil, recorder, washes).doesNotContain(benzOil);
        assertThat(ids(owner, "inStock=true")).contains(bmwOil, washes).doesNotContain(recorder);
        assertThat(ids(owner, "category=" + parts)).as("a category finds what is under it")
                .containsExactlyInAnyOrder(bmwOil, benzOil);
        assertThat(ids(owner, "sort=PRICE_ASC")).containsSubsequence(bmwOil, benzOil, washes, recorder);
        JsonNode page = search(owner, "q=机油&category=" + oil);
        assertThat(page.path("facets").path("category").valueStream().map(f -> f.path("value").asString() + " "
                + f.path("count").asLong()).toList()).containsExactly(oil + " 2");
        JsonNode card = page.path("content").valueStream().filter(c -> c.path("id").asString().equals(bmwOil))
                .findFirst().orElseThrow();
        assertThat(List.of(card.path("priceFen").asLong(), card.path("fitsMyCar").asBoolean()))
                .containsExactly(12_800L, true);

        JsonNode home = ok(owner.get(base + "/me/mall"));
        assertThat(home.path("hot").valueStream().map(c -> c.path("id").asString()).toList()).containsExactly(washes);
        assertThat(home.path("myModels").valueStream().map(JsonNode::asString).toList()).containsExactly("宝马 325Li");
        JsonNode productPage = ok(owner.get(base + "/me/mall/products/" + bmwOil));
        assertThat(List.of(productPage.path("categoryPath").path(0).asString(), productPage.path("skus").size(),
                productPage.path("fitsMyCar").asBoolean())).containsExactly("原厂配件", 2, true);

        ok(service().post(base + "/products/" + benzOil + "/delisting", Map.of()));
        long delisted = System.nanoTime();
        Eventually.await(FRESH, "the delisted product gone from the mall", () -> ids(owner, "q=机油"),
                found -> !found.contains(benzOil));
        assertThat((System.nanoTime() - delisted) / 1_000_000).isLessThan(FRESH.toMillis());
        assertProblem(owner.get(base + "/me/mall/products/" + benzOil), 404, "not-found", null);
        assertThat(owner.get(base + "/products").status()).as("owners do not read the console's list").isEqualTo(403);
    }

    private String category(String parent, String name, int order) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("parentId", parent);
        form.put("name", name);
        form.put("sortOrder", order);
        return ok(manager().post(base + "/product-categories", form)).path("id").asString();
    }

    private static Map<String, Object> product(String name, String category, List<String> fitment, boolean listed,
            List<Map<String, Object>> skus) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("categoryId", category);
        form.put("name", name);
        form.put("subtitle", "门店现货，可到店安装");
        form.put("description", "原厂品质，保养时一并更换。");
        form.put("hot", false);
        form.put("recommended", true);
        form.put("rank", 10);
        form.put("fitment", fitment);
        form.put("skus", skus);
        form.put("listed", listed);
        return form;
    }

    private static Map<String, Object> sku(String spec, String code, long price, Long sale, int lowAt, long stock) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("spec", spec);
        form.put("code", code);
        form.put("priceFen", price);
        form.put("salePriceFen", sale);
        form.put("lowStockAt", lowAt);
        form.put("initialStock", stock);
        return form;
    }

    private Api sales() {
        return as(com.m4s.platform.test.TestUsers.staff(GROUP, STORE, "sales"));
    }

    private JsonNode receive(String product, String sku, long quantity, String key) {
        return ok(service().post(base + "/products/" + product + "/skus/" + sku + "/stock-receipts",
                Map.of("quantity", quantity), Map.of("Idempotency-Key", key)));
    }

    private List<String> names(String query) {
        return ok(manager().get(base + "/products?size=100&" + query)).path("content").valueStream()
                .map(p -> p.path("name").asString()).toList();
    }

    private JsonNode search(Api owner, String query) {
        return ok(owner.get(base + "/me/mall/products?size=60&" + query));
    }

    private List<String> ids(Api owner, String query) {
        return search(owner, query).path("content").valueStream().map(c -> c.path("id").asString()).toList();
    }

    private List<String> stockEntries(String product) {
        return strings("select kind || ' ' || delta || ' ' || stock_after from store_" + STORE
                + ".product_stock_entry where product_id = ?::uuid order by created_at, id", UUID.fromString(product));
    }

    private List<String> productEvents(String product) {
        return strings("select event_type || ' ' || coalesce(payload->>'version', payload->'product'->>'version')"
                + " from console.event_outbox where topic = 'm4s.mall' and (payload->>'productId') = ? order by id",
                product);
    }

    private static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json();
    }
}
