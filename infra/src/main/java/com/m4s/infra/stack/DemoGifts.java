package com.m4s.infra.stack;

import com.m4s.platform.servers.Api;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The gift warehouse of every demo store (decision 0048), made through the API as its staff would: six gifts a 4S
 * store gives for points, one running low and one kept off the catalogue; some of the store's members redeem the
 * cheaper ones at the desk (most handed over, one cancelled), and the demo owner has a 车载香薰 waiting to be
 * collected ({@link #ownerRedeems}). A member without the points for a gift simply does not redeem
 * it. One distribution gives a 精洗服务券 free to a segment ({@link #distribute}). Each demo gift has a drawn picture
 * (as the mall's products do, {@link DemoMall#picture}), uploaded through the photo pipeline ({@link #pictures}). A
 * store that has the gifts already is left as it is, but for pictures its demo gifts still lack.
 */
final class DemoGifts {

    private final Api api;

    DemoGifts(Api api) {
        this.api = api;
    }

    /** Makes the store's gifts and redemptions when it has none; how many gifts were made now. */
    int ensure(String store, List<DemoRepairOrders.Customer> customers) {
        String base = "/api/stores/" + store;
        Api.Response existing = api.get(base + "/gifts?search=" + java.net.URLEncoder.encode("车载香薰",
                java.nio.charset.StandardCharsets.UTF_8));
        check(existing, "gifts of " + store);
        if (existing.json().path("totalElements").asLong() > 0 || customers.isEmpty()) {
            pictures(base);
            return 0;
        }
        String aroma = gift(base, "车载香薰", "天然植物精油，出风口夹式，留香约60天", 500, 2, 5, 30, true);
        String wash = gift(base, "精洗服务券（单次）", "到店精致洗车一次，含内饰吸尘", 800, null, 10, 100, true);
        String cup = gift(base, "品牌定制保温杯", "304不锈钢，500ml，激光刻字", 1_200, 2, 5, 20, true);
        gift(base, "汽车应急工具包", "含搭电线、拖车绳、三角警示牌、急救包", 3_000, 1, 10, 8, true);
        gift(base, "原厂1:43车模", "原厂授权合金车模，附展示盒", 5_000, 1, 2, 3, true);
        gift(base, "儿童安全座椅", "ISOFIX接口，适合9个月至12岁；年底补货后上架", 20_000, 1, 2, 2, false);
        int n = 0;
        for (DemoRepairOrders.Customer c : customers.subList(1, Math.min(customers.size(), 12))) {
            String gift = List.of(wash, aroma, cup).get(n % 3);
            String redemption = redeem(base, c.memberId(), gift, "demo-gift-" + store + "-" + n);
            if (redemption != null) {
                if (n % 4 == 3) {
                    check(api.post(base + "/gift-redemptions/" + redemption + "/cancellation",
                            Map.of("reason", "会员改兑其他礼品")), "demo gift cancellation");
                } else if (n % 4 != 2) {
                    check(api.post(base + "/gift-redemptions/" + redemption + "/hand-over", Map.of()),
                            "demo gift hand-over");
                }
            }
            n++;
        }
        distribute(base, wash);
        pictures(base);
        return 6;
    }

    /** What each demo gift looks like: a shape of the mall's pictures and a colour. */
    private static final Map<String, Object[]> PICTURES = Map.of(
            "车载香薰", new Object[] {DemoMall.Shape.BOTTLE, new Color(120, 64, 140)},
            "精洗服务券（单次）", new Object[] {DemoMall.Shape.BOX, new Color(40, 96, 168)},
            "品牌定制保温杯", new Object[] {DemoMall.Shape.BOTTLE, new Color(46, 140, 96)},
            "汽车应急工具包", new Object[] {DemoMall.Shape.BOX, new Color(196, 64, 48)},
            "原厂1:43车模", new Object[] {DemoMall.Shape.CAR, new Color(196, 132, 36)},
            "儿童安全座椅", new Object[] {DemoMall.Shape.MAT, new Color(40, 96, 168)});

    /**
     * A drawn picture for each demo gift that has none (decision 0054): uploaded as the demo operator, attached by an
     * edit of the gift with the version read; gifts with pictures and gifts staff made are left alone, so a restart
     * uploads nothing. How many gifts got one.
     */
    int pictures(String base) {
        Api.Response gifts = api.get(base + "/gifts?size=100");
        check(gifts, "gifts of " + base);
        int attached = 0;
        for (var gift : gifts.json().path("content")) {
            Object[] look = PICTURES.get(gift.path("name").asString());
            if (look == null || !gift.path("photos").isEmpty()) {
                continue;
            }
            Api.Response photo = api.upload(base + "/photos", "file", "gift.jpg", "image/jpeg",
                    DemoPhotos.jpeg(DemoMall.picture((DemoMall.Shape) look[0], (Color) look[1])));
            if (photo.status() != 201) {
                throw new IllegalStateException("demo data: gift photo: " + photo.status() + " " + photo.raw());
            }
            attach(base, gift.path("id").asString(), photo.json().path("ref").asString());
            attached++;
        }
        return attached;
    }

    /**
     * Attaches the photo by an edit of the gift as it is now: read just before, and read again when its version moved
     * meanwhile (a redemption or the distribution job moves its stock, which bumps the version, decision 0054).
     */
    private void attach(String base, String id, String ref) {
        for (int attempt = 1; ; attempt++) {
            Api.Response read = api.get(base + "/gifts/" + id);
            check(read, "demo gift " + id);
            JsonNode gift = read.json();
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("name", gift.path("name").asString());
            form.put("description", gift.path("description").isNull() ? null : gift.path("description").asString());
            form.put("pointsPrice", gift.path("pointsPrice").asLong());
            form.put("memberLimit", gift.path("memberLimit").isNull() ? null : gift.path("memberLimit").asInt());
            form.put("lowStockAt", gift.path("lowStockAt").asInt());
            form.put("photos", List.of(ref));
            Api.Response changed = api.put(base + "/gifts/" + id, form, Map.of("If-Match",
                    "\"" + gift.path("version").asLong() + "\""));
            if (changed.status() == 409 && attempt < 5) {
                continue;
            }
            check(changed, "demo gift photo of " + gift.path("name").asString());
            return;
        }
    }

    /**
     * One distribution (decision 0049): a 精洗服务券 to each member of the segment 新能源意向客户 (made by
     * {@link DemoSegments} before), started at once; the store's job gives it right after, so the page shows it done.
     */
    private void distribute(String base, String gift) {
        Api.Response segments = api.get(base + "/segments?q=" + java.net.URLEncoder.encode("新能源意向客户",
                java.nio.charset.StandardCharsets.UTF_8));
        check(segments, "demo segments");
        String segment = segments.json().path("content").path(0).path("id").asString();
        if (segment.isEmpty()) {
            return;
        }
        Api.Response created = api.post(base + "/gift-distributions", Map.of("giftId", gift, "title", "春节老客户回馈",
                "quantity", 1, "segmentId", segment));
        if (created.status() != 201) {
            throw new IllegalStateException("demo gift distribution: " + created.status() + " " + created.raw());
        }
        if (created.json().path("members").asLong() == 0) {
            return;
        }
        String id = created.json().path("id").asString();
        String version = "\"" + created.json().path("version").asLong() + "\"";
        check(api.post(base + "/gift-distributions/" + id + "/start", "", Map.of("If-Match", version)),
                "demo gift distribution start");
    }

    /**
     * The member with this phone redeems a 车载香薰 to collect at the desk (after the demo's point transfers, which
     * spend the demo owner's points first); whether one was made now.
     */
    boolean ownerRedeems(String store, String phone) {
        String base = "/api/stores/" + store;
        String member = api.get(base + "/members?q=" + phone).json().path("content").path(0).path("id").asString();
        Api.Response aroma = api.get(base + "/gifts?search=" + java.net.URLEncoder.encode("车载香薰",
                java.nio.charset.StandardCharsets.UTF_8));
        check(aroma, "gifts of " + store);
        String gift = aroma.json().path("content").path(0).path("id").asString();
        Api.Response mine = api.get(base + "/gift-redemptions?member=" + member);
        check(mine, "gift redemptions of " + store);
        if (gift.isEmpty() || member.isEmpty() || mine.json().path("totalElements").asLong() > 0) {
            return false;
        }
        return redeem(base, member, gift, "demo-gift-" + store + "-owner") != null;
    }

    private String gift(String base, String name, String description, long points, Integer limit, int lowAt,
            long stock, boolean listed) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("description", description);
        form.put("pointsPrice", points);
        if (limit != null) {
            form.put("memberLimit", limit);
        }
        form.put("lowStockAt", lowAt);
        form.put("initialStock", stock);
        form.put("listed", listed);
        Api.Response r = api.post(base + "/gifts", form);
        check(r, "demo gift " + name);
        return r.json().path("id").asString();
    }

    /** The member redeems one at the desk; null when they lack the points. */
    private String redeem(String base, String member, String gift, String key) {
        Api.Response r = api.post(base + "/gift-redemptions", Map.of("memberId", member, "giftId", gift,
                "quantity", 1), Map.of("Idempotency-Key", key));
        if (r.status() == 409) {
            return null;
        }
        check(r, "demo gift redemption");
        return r.json().path("id").asString();
    }

    private static void check(Api.Response r, String what) {
        if (r.status() != 200) {
            throw new IllegalStateException(what + ": " + r.status() + " " + r.raw());
        }
    }
}
