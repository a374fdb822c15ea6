package com.m4s.store.gift;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.search.SearchIndexes;
import com.m4s.platform.servers.Api;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.TestElasticsearch;
import com.m4s.platform.test.TestPhotos;
import com.m4s.store.support.LoyaltyScenarioTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gift catalogue's search and gift photos (GIFT-1, GIFT-2, SAAS-6, decision 0054) as scenarios on the real
 * Elasticsearch fed through the real Kafka: owners find gifts by Chinese name, filter by points and stock, sort by
 * points and by what members redeem; a gift whose stock runs out leaves "in stock", a delisted one is gone within two
 * seconds, a store's rebuild from PostgreSQL restores a lost document; staff attach, reorder and remove photos.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GiftSearchTest extends LoyaltyScenarioTest {

    private static final String STORE = "giftsearch_store";
    private static final Duration FRESH = Duration.ofSeconds(2);
    private static final Duration INDEXED = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    SearchIndexes indexes;

    @Autowired
    GiftSearchKind kind;

    private Api owner;
    private String member;

    GiftSearchTest() {
        super(STORE, "1370000");
    }

    @BeforeAll
    void store() throws Exception {
        provision(STORE);
        member = member("礼品搜索车主");
        owner = owner(member, "gift-search-owner");
    }

    @Test
    void ownersFindGiftsByChineseNameFilterByPointsAndStockAndADelistedGiftIsGoneWithinTwoSeconds() {
        String aroma = createGift("车载香薰", "天然植物精油，出风口夹式", 500, 2, 1, true);
        String cup = createGift("品牌定制保温杯", "304不锈钢，500ml，激光刻字", 1_200, null, 3, true);
        String kit = createGift("汽车应急工具包", "含搭电线、拖车绳、三角警示牌", 3_000, 1, 5, true);
        String seat = createGift("儿童安全座椅", "年底补货后上架", 20_000, 1, 2, false);
        List<String> listed = List.of(aroma, cup, kit);
        // each gift's first stock is a later version of its document than its creation: wait for it
        Eventually.await(INDEXED, "the gifts in stock in the catalogue", () -> ids("inStock=true"),
                found -> found.containsAll(listed));

        assertThat(ids("q=保温杯")).containsExactly(cup);
        assertThat(ids("q=车载香薰").stream().filter(listed::contains).toList()).containsExactly(aroma);
        assertThat(ids("q=车载香薰").getFirst()).as("the name counts most").isEqualTo(aroma);
        assertThat(ids("q=" + enc("出风口"))).as("the description is searched too").containsExactly(aroma);
        assertThat(ids("q=安全座椅")).as("a gift kept off the catalogue").isEmpty();
        assertThat(ids("")).contains(aroma, cup, kit).doesNotContain(seat);
        assertThat(ids("pointsMin=1000&pointsMax=3000")).contains(cup, kit).doesNotContain(aroma);
        assertThat(ids("").stream().filter(listed::contains).toList()).as("cheapest first without text")
                .containsExactly(aroma, cup, kit);
        assertThat(ids("sort=POINTS_DESC").stream().filter(listed::contains).toList())
                .containsExactly(kit, cup, aroma);
        JsonNode banded = search("q=门店精选礼品&pointsMin=1000&pointsMax=2999");
        assertThat(banded.path("facets").path("points").valueStream().filter(f -> f.path("count").asLong() > 0)
                .map(f -> f.path("value").asString() + " " + f.path("count").asLong()).toList())
                .as("each band counted under the other filters, not under its own")
                .containsExactly("500-1000 1", "1000-3000 1", "3000-10000 1");
        assertThat(ids(banded)).containsExactly(cup);
        assertProblem(owner.get(base + "/me/gifts?pointsMin=5&pointsMax=1"), 422, "invalid-range", null);
        assertProblem(owner.get(base + "/me/gifts?size=60&page=200"), 422, "page-too-deep", null);

        // the owner redeems the last 车载香薰: out of stock, and the most redeemed
        addPoints(member, 1_000);
        assertThat(ok(owner.post(base + "/me/gift-redemptions", Map.of("giftId", aroma, "quantity", 1),
                Map.of("Idempotency-Key", "search-r-1"))).path("status").asString()).isEqualTo("REDEEMED");
        Eventually.await(INDEXED, "the sold-out gift out of 'in stock'", () -> ids("inStock=true"),
                found -> !found.contains(aroma));
        assertThat(ids("inStock=true")).contains(cup, kit);
        JsonNode card = card(aroma, "q=车载香薰");
        assertThat(List.of(card.path("stock").asLong(), card.path("memberLimit").asLong(),
                card.path("mayRedeem").asLong(), card.path("redeemed").asLong())).containsExactly(0L, 2L, 1L, 1L);
        assertThat(ids("sort=POPULAR").getFirst()).isEqualTo(aroma);
        assertThat(giftEvents(aroma)).as("every change a new version of the gift's document").containsExactly(
                "GiftCreated 0", "GiftStockMoved 1", "GiftStockMoved 2", "GiftRedeemed -");
        assertThat(strings("select redeemed || ' ' || stock from store_" + STORE + ".gift where id = ?::uuid",
                UUID.fromString(aroma))).containsExactly("1 0");

        // restocked: back in stock
        ok(care().post(base + "/gifts/" + aroma + "/stock-receipts", Map.of("quantity", 10),
                Map.of("Idempotency-Key", "search-rcv-1")));
        Eventually.await(INDEXED, "the restocked gift in stock", () -> ids("inStock=true"),
                found -> found.contains(aroma));

        ok(manager().post(base + "/gifts/" + cup + "/delisting", Map.of()));
        long delisted = System.nanoTime();
        Eventually.await(FRESH, "the delisted gift gone from the catalogue", () -> ids("q=保温杯"),
                found -> !found.contains(cup));
        assertThat((System.nanoTime() - delisted) / 1_000_000).isLessThan(FRESH.toMillis());
        assertProblem(owner.post(base + "/me/gift-redemptions", Map.of("giftId", cup, "quantity", 1),
                Map.of("Idempotency-Key", "search-r-2")), 409, "gift-not-listed", null);
        assertThat(owner.get(base + "/gifts").status()).as("owners do not read the console's list").isEqualTo(403);
    }

    @Test
    void aStoresRebuildFromPostgresqlRestoresAGiftLostFromTheIndex() {
        String lamp = ok(manager().post(base + "/gifts", form("车载香氛灯", "氛围灯与香薰二合一", 900, null, 4, true)))
                .path("id").asString();
        Eventually.await(INDEXED, "the gift in stock in the catalogue", () -> ids("inStock=true"),
                found -> found.contains(lamp));
        List<String> behind = indexesBehind(indexes.storeAlias(kind, STORE));
        assertThat(behind).hasSize(1);
        deleteDocument(behind.getFirst(), lamp);
        assertThat(ids("q=香氛灯")).as("lost, as a missed event would lose it").doesNotContain(lamp);

        JsonNode rebuild = ok202(manager().post(base + "/search/gifts/rebuilds", Map.of()));
        JsonNode done = Eventually.await(Duration.ofSeconds(60), "the store's rebuild to finish",
                () -> manager().get(base + "/search/gifts/rebuilds/" + rebuild.path("id").asString()).json(),
                r -> !r.path("status").asString().equals("RUNNING"));
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("DONE");
        Eventually.await(FRESH, "the lost gift back", () -> ids("q=香氛灯"), found -> found.contains(lamp));
        JsonNode card = card(lamp, "q=香氛灯");
        assertThat(List.of(card.path("pointsPrice").asLong(), card.path("stock").asLong()))
                .containsExactly(900L, 4L);
    }

    @Test
    void staffAttachReorderAndRemoveAGiftsPhotosAndOwnersSeeTheFirst() {
        String front = upload();
        String side = upload();
        Map<String, Object> form = form("原厂1:43车模", "原厂授权合金车模，附展示盒", 5_000, 1, 3, true);
        form.put("photos", List.of(front, side));
        JsonNode made = ok(manager().post(base + "/gifts", form));
        String id = made.path("id").asString();
        assertThat(photoIds(made)).containsExactly(front, side);

        JsonNode card = Eventually.await(INDEXED, "the model car with its photo in the catalogue",
                () -> cardOrNull(id, "q=车模"), c -> c != null && c.path("stock").asLong() == 3);
        assertThat(card.path("photo").path("id").asString()).isEqualTo(front);
        Api.Download thumbnail = anonymous().download(card.path("photo").path("thumbnailUrl").asString());
        assertThat(List.of(thumbnail.status(), thumbnail.header("Content-Type"))).containsExactly(200, "image/jpeg");
        JsonNode listed = ok(manager().get(base + "/gifts?search=" + enc("车模"))).path("content").path(0);
        assertThat(photoIds(listed)).as("the console's list carries them").containsExactly(front, side);

        // reordered: the side view first, in an edit as the console sends it (no first stock, no listing)
        form.remove("initialStock");
        form.remove("listed");
        form.put("photos", List.of(side, front));
        JsonNode reordered = ok(manager().put(base + "/gifts/" + id, form, ifMatch(made)));
        assertThat(photoIds(reordered)).containsExactly(side, front);
        Eventually.await(INDEXED, "the catalogue showing the side view", () -> cardOrNull(id, "q=车模"),
                c -> c != null && c.path("photo").path("id").asString().equals(side));

        // removed: none left, in the console and in the catalogue
        form.put("photos", List.of());
        JsonNode removed = ok(manager().put(base + "/gifts/" + id, form, ifMatch(reordered)));
        assertThat(removed.path("photos").isEmpty()).isTrue();
        assertThat(strings("select cardinality(photos) from store_" + STORE + ".gift where id = ?::uuid",
                UUID.fromString(id))).containsExactly("0");
        Eventually.await(INDEXED, "the catalogue without the photo", () -> cardOrNull(id, "q=车模"),
                c -> c != null && c.path("photo").isNull());

        // the problems staff meet
        form.put("photos", List.of(UUID.randomUUID().toString()));
        assertProblem(manager().put(base + "/gifts/" + id, form, ifMatch(removed)), 422, "unknown-photo", null);
        form.put("photos", List.of(front));
        assertProblem(manager().put(base + "/gifts/" + UUID.randomUUID(), form), 404, "not-found", null);
        assertProblem(manager().upload(base + "/photos", "file", "gift.jpg", "image/jpeg",
                "not a picture at all".getBytes(StandardCharsets.UTF_8)), 415, "photo-type-unsupported", null);
        byte[] huge = new byte[11 * 1024 * 1024];
        System.arraycopy(TestPhotos.cameraJpeg(10, 10, 1), 0, huge, 0, 3);
        assertProblem(manager().upload(base + "/photos", "file", "big.jpg", "image/jpeg", huge), 413,
                "photo-too-large", null);
        assertThat(as(com.m4s.platform.test.TestUsers.staff(GROUP, STORE, "finance")).put(base + "/gifts/" + id,
                form).status()).as("finance reads the warehouse, does not keep it").isEqualTo(403);
    }

    // --- helpers

    private String createGift(String name, String description, long points, Integer limit, long stock,
            boolean listed) {
        Map<String, Object> form = form(name, description, points, limit, stock, listed);
        form.put("description", "门店精选礼品：" + description);
        return ok(manager().post(base + "/gifts", form)).path("id").asString();
    }

    private static Map<String, Object> form(String name, String description, long points, Integer limit,
            long stock, boolean listed) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("description", description);
        form.put("pointsPrice", points);
        if (limit != null) {
            form.put("memberLimit", limit);
        }
        form.put("lowStockAt", 1);
        form.put("initialStock", stock);
        form.put("listed", listed);
        return form;
    }

    private String upload() {
        Api.Response r = manager().upload(base + "/photos", "file", "gift.png", "image/png", TestPhotos.png(640, 480));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().path("ref").asString();
    }

    private static List<String> photoIds(JsonNode gift) {
        return gift.path("photos").valueStream().map(p -> p.path("id").asString()).toList();
    }

    private static Map<String, String> ifMatch(JsonNode gift) {
        return Map.of("If-Match", "\"" + gift.path("version").asLong() + "\"");
    }

    private JsonNode search(String query) {
        return ok(owner.get(base + "/me/gifts?size=60&" + query));
    }

    private List<String> ids(String query) {
        return ids(search(query));
    }

    private static List<String> ids(JsonNode page) {
        return page.path("content").valueStream().map(c -> c.path("id").asString()).toList();
    }

    private JsonNode cardOrNull(String id, String query) {
        return search(query).path("content").valueStream().filter(c -> c.path("id").asString().equals(id))
                .findFirst().orElse(null);
    }

    private JsonNode card(String id, String query) {
        JsonNode card = cardOrNull(id, query);
        assertThat(card).as("gift " + id + " found by " + query).isNotNull();
        return card;
    }

    private List<String> giftEvents(String gift) {
        return strings("select event_type || ' ' || coalesce(payload->>'version', payload->'gift'->>'version', '-')"
                + " from console.event_outbox where topic = 'm4s.gift' and payload->>'giftId' = ? order by id", gift);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode ok202(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        return r.json();
    }

    private static JsonNode es(String method, String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(TestElasticsearch.url() + path))
                    .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> indexesBehind(String alias) {
        List<String> names = new ArrayList<>();
        es("GET", "/_alias/" + alias).properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    /** Loses a document as a missed event would: gone, its version not advanced. */
    private void deleteDocument(String index, String id) {
        long version = es("GET", "/" + index + "/_doc/" + id + "?routing=" + STORE).path("_source").path("version")
                .asLong();
        es("DELETE", "/" + index + "/_doc/" + id + "?routing=" + STORE + "&refresh=true&version=" + version
                + "&version_type=external_gte");
    }
}
