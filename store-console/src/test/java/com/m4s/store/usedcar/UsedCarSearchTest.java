package com.m4s.store.usedcar;

import static com.m4s.store.usedcar.UsedCarWorkflowTest.approval;
import static com.m4s.store.usedcar.UsedCarWorkflowTest.car;
import static com.m4s.store.usedcar.UsedCarWorkflowTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.search.SearchIndexes;
import com.m4s.platform.servers.Api;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.TestElasticsearch;
import com.m4s.platform.test.TestKafka;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The used-car market on the real Elasticsearch, fed through the real Kafka: freshness, Chinese text, store and
 * group isolation, filters and facets, rebuilds, and what outages of Kafka and Elasticsearch do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsedCarSearchTest extends StoreConsoleTest {

    private static final String A = "search_a";
    private static final String B = "search_b";
    private static final String C = "search_c";
    private static final String OTHER_GROUP = "other_group";
    private static final Duration FRESH = Duration.ofSeconds(2);

    @Autowired
    SearchIndexes indexes;

    @Autowired
    UsedCarSearchKind kind;

    private Api managerA;
    private Api managerB;
    private Api managerC;
    private String memberA;
    private String memberB;
    private String memberC;

    @BeforeAll
    void stores() {
        provision(A);
        provision(B);
        Api.Response other = asService().put("/internal/stores/" + C, Map.of("groupCode", OTHER_GROUP));
        assertThat(other.status()).as(other.raw()).isEqualTo(200);
        managerA = as(TestUsers.manager(GROUP, A));
        managerB = as(TestUsers.manager(GROUP, B));
        managerC = as(TestUsers.manager(OTHER_GROUP, C));
        memberA = member(managerA, A, "13600000001");
        memberB = member(managerB, B, "13600000002");
        memberC = member(managerC, C, "13600000003");
    }

    @Test
    void anApprovedCarIsSearchableWithinTwoSecondsAndASoldOneIsGoneWithinTwoSeconds() {
        String id = submit(managerA, A, memberA, car("特斯拉", "Model 3", 2021, 30_000, 200_000));
        assertThat(ids(market(managerA, A, "q=特斯拉&scope=STORE"))).doesNotContain(id);

        approve(managerA, A, id, 190_000);
        long listed = System.nanoTime();
        Eventually.await(FRESH, "the listed car in the market", () -> ids(market(managerA, A, "q=特斯拉&scope=STORE")),
                found -> found.contains(id));
        long searchableAfter = (System.nanoTime() - listed) / 1_000_000;

        managerA.post("/api/stores/" + A + "/used-cars/" + id + "/sell", Map.of());
        Eventually.await(FRESH, "the sold car gone from the market",
                () -> ids(market(managerA, A, "q=特斯拉&scope=STORE")), found -> !found.contains(id));
        assertThat(searchableAfter).isLessThan(FRESH.toMillis());
    }

    @Test
    void chineseTextFindsTheRightCars() {
        String bmw3 = listed(managerA, A, memberA, car("宝马", "3系", 2019, 45_000, 210_000), 200_000);
        String bmw5 = listed(managerA, A, memberA, car("宝马", "5系", 2020, 30_000, 330_000), 320_000);
        String camry = listed(managerA, A, memberA, car("丰田", "凯美瑞", 2020, 38_000, 150_000), 145_000);
        String audi = listed(managerA, A, memberA, car("奥迪", "A4L", 2021, 20_000, 260_000), 255_000);
        awaitInMarket(managerA, A, List.of(bmw3, bmw5, camry, audi));

        assertThat(ids(market(managerA, A, "scope=STORE&q=宝马 3系"))).contains(bmw3).doesNotContain(bmw5, camry, audi);
        assertThat(ids(market(managerA, A, "scope=STORE&q=凯美瑞"))).contains(camry).doesNotContain(bmw3, bmw5, audi);
        assertThat(ids(market(managerA, A, "scope=STORE&q=宝马"))).contains(bmw3, bmw5).doesNotContain(camry, audi);
        assertThat(ids(market(managerA, A, "scope=STORE&q=漆面完好 丰田"))).contains(camry).doesNotContain(bmw3);
    }

    @Test
    void aStoreSeesItsOwnCarsAndTheGroupAliasSeesTheGroupButNoOtherGroup() {
        String inA = listed(managerA, A, memberA, car("红旗", "H5", 2022, 10_000, 150_000), 140_000);
        String inB = listed(managerB, B, memberB, car("红旗", "H9", 2023, 5_000, 300_000), 290_000);
        String inC = listed(managerC, C, memberC, car("红旗", "HS5", 2022, 12_000, 160_000), 155_000);
        awaitInMarket(managerA, A, List.of(inA));
        awaitInMarket(managerB, B, List.of(inB));
        awaitInMarket(managerC, C, List.of(inC));

        assertThat(ids(market(managerA, A, "scope=STORE&q=红旗"))).contains(inA).doesNotContain(inB, inC);
        assertThat(ids(market(managerB, B, "scope=STORE&q=红旗"))).contains(inB).doesNotContain(inA, inC);
        JsonNode group = market(managerA, A, "scope=GROUP&q=红旗");
        assertThat(ids(group)).contains(inA, inB).doesNotContain(inC);
        assertThat(group.path("scope").asString()).isEqualTo("GROUP");
        assertThat(facet(group, "store")).containsKeys(A, B).doesNotContainKey(C);
        assertThat(ids(market(managerC, C, "scope=GROUP&q=红旗"))).contains(inC).doesNotContain(inA, inB);
        assertThat(as(TestUsers.manager(GROUP, B)).get("/api/stores/" + A + "/used-car-market").status())
                .isEqualTo(403);
        // straight to the index through the store's alias: the same isolation
        assertThat(rawIds(indexes.storeAlias(kind, B))).contains(inB).doesNotContain(inA, inC);
        assertThat(rawIds(indexes.groupAlias(kind, OTHER_GROUP))).contains(inC).doesNotContain(inA, inB);
    }

    @Test
    void theMarketNamesEachStoreItShowsWithItsAddressAndPhoneAndARenameShowsAtOnce() {
        String inA = listed(managerA, A, memberA, car("领克", "03", 2021, 20_000, 150_000), 140_000);
        String inB = listed(managerB, B, memberB, car("领克", "05", 2022, 10_000, 180_000), 170_000);
        awaitInMarket(managerA, A, List.of(inA));
        awaitInMarket(managerB, B, List.of(inB));
        describe(A, "领克广州天河中心", "广州市天河区黄埔大道西 100 号", "020-38881234");

        JsonNode group = market(managerA, A, "scope=GROUP&q=领克");
        describe(A, "领克天河体验店", "广州市天河区黄埔大道西 100 号", "020-38881234");
        JsonNode afterRename = market(managerA, A, "scope=STORE&q=领克");

        assertThat(ids(group)).contains(inA, inB);
        JsonNode a = group.path("stores").path(A);
        assertThat(a.path("name").asString()).isEqualTo("领克广州天河中心");
        assertThat(a.path("address").asString()).isEqualTo("广州市天河区黄埔大道西 100 号");
        assertThat(a.path("phone").asString()).isEqualTo("020-38881234");
        assertThat(a.path("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(group.path("stores").path(B).path("name").asString()).as("a store never given a name: its code")
                .isEqualTo(B);
        assertThat(group.path("stores").has(C)).as("another group's store").isFalse();
        assertThat(afterRename.path("stores").path(A).path("name").asString()).isEqualTo("领克天河体验店");
        assertThat(afterRename.path("stores").has(B)).as("only stores the page names").isFalse();
    }

    private void describe(String store, String name, String address, String phone) {
        Api.Response described = asService().put("/internal/stores/" + store + "/details",
                Map.of("name", name, "address", address, "phone", phone));
        assertThat(described.status()).as(described.raw()).isEqualTo(200);
    }

    @Test
    void filtersFacetsSortingAndPaging() {
        List<String> ids = new ArrayList<>();
        ids.add(listed(managerB, B, memberB, with(car("别克", "君越", 2018, 90_000, 90_000), "city", "深圳"), 88_000));
        ids.add(listed(managerB, B, memberB, with(car("别克", "GL8", 2021, 40_000, 250_000), "gearbox", "DUAL_CLUTCH"),
                240_000));
        ids.add(listed(managerB, B, memberB, car("别克", "昂科威", 2020, 60_000, 150_000), 130_000));
        awaitInMarket(managerB, B, ids);

        JsonNode all = market(managerB, B, "scope=STORE&make=别克&sort=PRICE_ASC");
        assertThat(ids(all)).containsSubsequence(ids.get(0), ids.get(2), ids.get(1));
        assertThat(facet(all, "make")).containsEntry("别克", 3L);
        assertThat(facet(all, "city")).containsEntry("深圳", 1L);
        assertThat(facet(all, "price")).containsEntry("50000-100000", 1L).containsEntry("100000-150000", 1L)
                .containsEntry("200000-300000", 1L);
        assertThat(ids(market(managerB, B, "scope=STORE&make=别克&priceMin=100000&priceMax=200000")))
                .containsExactly(ids.get(2));
        assertThat(ids(market(managerB, B, "scope=STORE&make=别克&gearbox=DUAL_CLUTCH"))).containsExactly(ids.get(1));
        assertThat(ids(market(managerB, B, "scope=STORE&make=别克&yearMin=2020&mileageMax=50000")))
                .containsExactly(ids.get(1));
        JsonNode inShenzhen = market(managerB, B, "scope=STORE&make=别克&city=深圳");
        assertThat(ids(inShenzhen)).containsExactly(ids.get(0));
        assertThat(inShenzhen.path("totalElements").asLong()).isEqualTo(1);
        // each facet counts under the other facets' filters: the city picked still shows the others to add
        assertThat(facet(inShenzhen, "city")).containsEntry("深圳", 1L).containsEntry("广州", 2L);
        assertThat(facet(inShenzhen, "make")).containsEntry("别克", 1L);
        assertThat(facet(inShenzhen, "gearbox")).containsEntry("AUTOMATIC", 1L).doesNotContainKey("DUAL_CLUTCH");
        assertThat(facet(inShenzhen, "price")).containsEntry("50000-100000", 1L).containsEntry("200000-300000", 0L);
        JsonNode dualClutch = market(managerB, B, "scope=STORE&make=别克&gearbox=DUAL_CLUTCH&priceMin=100000");
        assertThat(ids(dualClutch)).containsExactly(ids.get(1));
        assertThat(facet(dualClutch, "gearbox")).containsEntry("DUAL_CLUTCH", 1L).containsEntry("AUTOMATIC", 1L);
        assertThat(facet(dualClutch, "price")).containsEntry("200000-300000", 1L).containsEntry("50000-100000", 0L);
        JsonNode second = market(managerB, B, "scope=STORE&make=别克&sort=PRICE_DESC&size=2&page=1");
        assertThat(ids(second)).containsExactly(ids.get(0));
        assertThat(second.path("totalElements").asLong()).isEqualTo(3);
        assertThat(second.path("totalPages").asInt()).isEqualTo(2);
        assertThat(managerB.get("/api/stores/" + B + "/used-car-market?priceMin=5&priceMax=1").status()).isEqualTo(422);
        assertThat(managerB.get("/api/stores/" + B + "/used-car-market?sort=CHEAPEST").status()).isEqualTo(400);
        assertThat(managerB.get("/api/stores/" + B + "/used-car-market?size=100&page=100").status()).isEqualTo(422);
    }

    @Test
    void aRebuildOfEveryStoreSwapsInANewIndexAndAStoreRepairRestoresDrift() {
        String kept = listed(managerA, A, memberA, car("吉利", "星越L", 2022, 15_000, 160_000), 150_000);
        String lost = listed(managerA, A, memberA, car("吉利", "博越", 2021, 25_000, 110_000), 100_000);
        awaitInMarket(managerA, A, List.of(kept, lost));
        String before = String.join(",", indexesBehind(indexes.readAlias(kind)));

        JsonNode rebuild = api().post("/api/search/used-cars/rebuilds", Map.of()).json();
        assertThat(rebuild.path("status").asString()).isEqualTo("RUNNING");
        JsonNode done = Eventually.await(Duration.ofSeconds(60), "the rebuild to finish",
                () -> api().get("/api/search/used-cars/rebuilds/" + rebuild.path("id").asString()).json(),
                r -> !r.path("status").asString().equals("RUNNING"));
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("storesDone").asInt()).isEqualTo(done.path("storesTotal").asInt()).isPositive();
        assertThat(done.path("documents").asLong()).isGreaterThanOrEqualTo(2);
        List<String> after = indexesBehind(indexes.readAlias(kind));
        assertThat(after).hasSize(1).first().isNotEqualTo(before).isEqualTo(done.path("targetIndex").asString());
        assertThat(indexesBehind(indexes.writeAlias(kind))).isEqualTo(after);
        assertThat(indexesBehind(indexes.storeAlias(kind, A))).isEqualTo(after);
        assertThat(ids(market(managerA, A, "scope=STORE&q=吉利"))).contains(kept, lost);

        // drift: a document lost from the index, and one the database never had
        deleteDocument(after.getFirst(), lost, A);
        putStrayDocument(after.getFirst(), A);
        assertThat(ids(market(managerA, A, "scope=STORE&q=吉利"))).doesNotContain(lost);
        JsonNode repair = managerA.post("/api/stores/" + A + "/search/used-cars/rebuilds", Map.of()).json();
        JsonNode repaired = Eventually.await(Duration.ofSeconds(60), "the store repair to finish",
                () -> managerA.get("/api/stores/" + A + "/search/used-cars/rebuilds/" + repair.path("id").asString())
                        .json(), r -> !r.path("status").asString().equals("RUNNING"));
        assertThat(repaired.path("status").asString()).as(repaired.toString()).isEqualTo("DONE");
        assertThat(repaired.path("removed").asLong()).isEqualTo(1);
        Eventually.await(FRESH, "the lost car back", () -> ids(market(managerA, A, "scope=STORE&q=吉利")),
                found -> found.contains(lost));
        assertThat(rawIds(indexes.storeAlias(kind, A))).doesNotContain("stray-document");
        assertThat(managerB.get("/api/stores/" + A + "/search/used-cars/rebuilds/" + repair.path("id").asString())
                .status()).isEqualTo(403);
        assertThat(api().get("/api/search/no-such-kind/rebuilds").status()).isEqualTo(404);
    }

    @Test
    void whileKafkaIsDownApprovalsSucceedAndTheIndexCatchesUpAfterwards() {
        TestKafka.server().stop();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                ids.add(listed(managerB, B, memberB, car("长城", "坦克300 " + i, 2022, 10_000 + i, 200_000), 195_000));
            }
            assertThat(ids(market(managerB, B, "scope=STORE&q=坦克300"))).doesNotContainAnyElementsOf(ids);
        } finally {
            TestKafka.server().start();
        }
        Eventually.await(Duration.ofSeconds(90), "the three cars after Kafka returned",
                () -> ids(market(managerB, B, "scope=STORE&q=坦克300")), found -> found.containsAll(ids));
    }

    @Test
    void whileElasticsearchIsDownApprovalsSucceedAndTheIndexCatchesUpAfterwards() {
        String before = listed(managerC, C, memberC, car("蔚来", "ES6", 2021, 30_000, 220_000), 210_000);
        awaitInMarket(managerC, C, List.of(before));
        TestElasticsearch.server().stop();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                ids.add(listed(managerC, C, memberC, car("蔚来", "ET5 " + i, 2023, 5_000 + i, 280_000), 270_000));
            }
            Api.Response unavailable = managerC.get("/api/stores/" + C + "/used-car-market?q=蔚来");
            assertThat(unavailable.status()).isEqualTo(503);
            assertThat(unavailable.problemType()).isEqualTo("search-unavailable");
        } finally {
            TestElasticsearch.server().start();
        }
        Eventually.await(Duration.ofSeconds(90), "the three cars after Elasticsearch returned",
                () -> ids(market(managerC, C, "scope=STORE&q=蔚来 ET5")), found -> found.containsAll(ids));
    }

    @Test
    void eventsHandedOverAgainChangeNothing() throws Exception {
        String id = listed(managerA, A, memberA, car("小鹏", "P7", 2022, 18_000, 170_000), 160_000);
        awaitInMarket(managerA, A, List.of(id));
        managerA.post("/api/stores/" + A + "/used-cars/" + id + "/reserve", Map.of());
        Eventually.await(FRESH, "the reservation indexed", () -> status(id), "RESERVED"::equals);
        long versionBefore = version(id);

        // every event of the car once more, the oldest last, as a consumer restarted mid-batch would see them
        List<com.m4s.platform.events.ReceivedEvent> events = UsedCarTestEvents.of(database, id);
        indexer.handle(events);
        indexer.handle(events.reversed());

        assertThat(version(id)).isEqualTo(versionBefore);
        assertThat(status(id)).isEqualTo("RESERVED");
        assertThat(rawIds(indexes.storeAlias(kind, A)).stream().filter(id::equals)).hasSize(1);
    }

    @Autowired
    com.m4s.platform.search.SearchIndexer indexer;

    // --- helpers

    private static String member(Api manager, String store, String phone) {
        Api.Response r = manager.post("/api/stores/" + store + "/members",
                Map.of("profile", Map.of("name", "卖家" + phone.substring(7), "phone", phone)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    private static String submit(Api manager, String store, String member, Map<String, Object> car) {
        Api.Response r = manager.post("/api/stores/" + store + "/used-cars", Map.of("memberId", member, "car", car));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    private static void approve(Api manager, String store, String id, long price) {
        Api.Response r = manager.post("/api/stores/" + store + "/used-cars/" + id + "/approve", approval(price));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    private static String listed(Api manager, String store, String member, Map<String, Object> car, long price) {
        String id = submit(manager, store, member, car);
        approve(manager, store, id, price);
        return id;
    }

    private static JsonNode market(Api api, String store, String query) {
        Api.Response r = api.get("/api/stores/" + store + "/used-car-market?" + query.replace(" ", "%20"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json();
    }

    private static void awaitInMarket(Api api, String store, List<String> ids) {
        Eventually.await(Duration.ofSeconds(30), "cars " + ids + " in the market of " + store,
                () -> ids(market(api, store, "scope=STORE&size=100")), found -> found.containsAll(ids));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("content").forEach(c -> ids.add(c.path("id").asString()));
        return ids;
    }

    private static Map<String, Long> facet(JsonNode page, String name) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        page.path("facets").path(name).forEach(v -> counts.put(v.path("value").asString(), v.path("count").asLong()));
        return counts;
    }

    // --- straight to Elasticsearch

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode es(String method, String path, String body) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(TestElasticsearch.url() + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> rawIds(String alias) {
        JsonNode r = es("POST", "/" + alias + "/_search?size=1000", "{\"_source\":false}");
        List<String> ids = new ArrayList<>();
        r.path("hits").path("hits").forEach(h -> ids.add(h.path("_id").asString()));
        return ids;
    }

    private static List<String> indexesBehind(String alias) {
        List<String> names = new ArrayList<>();
        es("GET", "/_alias/" + alias, null).properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    /** Loses a document as a missed event would: gone, its version not advanced. */
    private void deleteDocument(String index, String id, String routing) {
        long version = source(id).path("version").asLong();
        es("DELETE", "/" + index + "/_doc/" + id + "?routing=" + routing + "&refresh=true&version=" + version
                + "&version_type=external_gte", null);
    }

    private void putStrayDocument(String index, String store) {
        es("PUT", "/" + index + "/_doc/stray-document?routing=" + store + "&refresh=true&version=1&version_type=external",
                "{\"id\":\"00000000-0000-0000-0000-00000000dead\",\"store\":\"" + store + "\",\"status\":\"LISTED\","
                        + "\"make\":\"吉利\",\"model\":\"幽灵\",\"title\":\"吉利 幽灵\",\"year\":2020,\"mileageKm\":1,"
                        + "\"city\":\"广州\",\"gearbox\":\"MANUAL\",\"emissionStandard\":\"CN6B\",\"version\":1}");
    }

    private String status(String id) {
        return source(id).path("status").asString();
    }

    private long version(String id) {
        return source(id).path("version").asLong();
    }

    private JsonNode source(String id) {
        return es("POST", "/" + indexes.storeAlias(kind, A) + "/_search",
                "{\"query\":{\"ids\":{\"values\":[\"" + id + "\"]}}}").path("hits").path("hits").path(0)
                .path("_source");
    }
}
