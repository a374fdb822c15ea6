package com.m4s.infra.stack;

import com.m4s.platform.servers.Api;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mall catalogue of every demo store (decision 0050), made through the API as its staff would: a category tree
 * (精品附件, 保养套餐, 原厂配件, 品牌周边 and their sub-categories), a dozen products of the store's brand with SKUs,
 * prices in fen with some discounts, fitment to the models the store's members drive (so "fits my car" means something
 * for the demo owner's 宝马 325Li), hot and recommended items, two running low, one kept off the mall, and a few stock
 * receipts and counts. Each product has a drawn picture (a shape of its kind on its category's colour), uploaded
 * through the photo pipeline. A store that has the catalogue already is left as it is.
 */
final class DemoMall {

    /** The kinds of picture: what the product looks like, roughly. */
    enum Shape { BOTTLE, CAMERA, MAT, BOX, CAP, CAR }

    private final Api api;

    DemoMall(Api api) {
        this.api = api;
    }

    /** Makes the store's catalogue when it has none; how many products were made now. */
    int ensure(String store, String brand, List<String> models) {
        String base = "/api/stores/" + store;
        Api.Response existing = api.get(base + "/product-categories");
        check(existing, "categories of " + store);
        if (!existing.json().isEmpty()) {
            return 0;
        }
        String accessories = category(base, null, "精品附件", 1);
        String recorders = category(base, accessories, "行车记录仪", 1);
        String mats = category(base, accessories, "脚垫座套", 2);
        String gadgets = category(base, accessories, "车载用品", 3);
        String packages = category(base, null, "保养套餐", 2);
        String parts = category(base, null, "原厂配件", 3);
        String oil = category(base, parts, "机油", 1);
        String filters = category(base, parts, "滤芯", 2);
        String wipers = category(base, parts, "雨刮", 3);
        String merchandise = category(base, null, "品牌周边", 4);
        Color blue = new Color(40, 96, 168);
        Color green = new Color(46, 140, 96);
        Color amber = new Color(196, 132, 36);
        Color plum = new Color(120, 64, 140);
        List<String> first = models.subList(0, 1);
        List<String> firstTwo = models.subList(0, Math.min(2, models.size()));

        int made = 0;
        String recorder = product(base, store, recorders, brand + "原厂行车记录仪 前后双录", "2K 高清，夜视增强，停车监控",
                "原厂专用支架，走线隐藏于顶棚，不影响原车保修。\n可在保养时由技师安装，约 40 分钟。", true, false, 1,
                models, Shape.CAMERA, blue, true,
                List.of(sku("标准版", store + "-DVR-01", 129_900, 109_900L, 3, 12),
                        sku("含安装", store + "-DVR-02", 149_900, null, 3, 8)));
        made++;
        product(base, store, recorders, "70迈 智能行车记录仪 A500S", "1944P，语音声控，通用款", "通用快拆支架，适合大多数车型。",
                false, true, 3, List.of(), Shape.CAMERA, blue, true,
                List.of(sku("标准版", store + "-DVR-70", 59_900, 49_900L, 5, 30)));
        made++;
        product(base, store, mats, "全包围皮革脚垫", "按车型定制，防水易清洁", "环保 TPE 底层 + 皮革面层，卡扣固定不移位。",
                false, true, 4, models, Shape.MAT, amber, true,
                List.of(sku("黑色", store + "-MAT-BK", 88_000, null, 3, 15),
                        sku("米色", store + "-MAT-BG", 88_000, 79_900L, 3, 6)));
        made++;
        String holder = product(base, store, gadgets, "车载手机支架 磁吸款", "出风口安装，单手取放", "强磁吸附，兼容 MagSafe。",
                false, false, 10, List.of(), Shape.BOX, amber, true,
                List.of(sku("标准版", store + "-HLD-01", 12_900, null, 5, 3)));
        made++;
        product(base, store, gadgets, "车载空气净化器", "负离子 + HEPA 滤网", "年底新款到店后重新上架。", false, false, 20,
                List.of(), Shape.BOX, amber, false, List.of(sku("标准版", store + "-AIR-01", 69_900, null, 2, 4)));
        made++;
        product(base, store, packages, "小保养套餐（机油 + 机滤 + 工时）", "原厂机油机滤，含检测 28 项",
                "适用 1 万公里或 12 个月一次的常规保养。\n预约到店，约 1 小时完成。", true, true, 2, models, Shape.BOTTLE,
                green, true, List.of(sku("4L 机油", store + "-PKG-S4", 68_000, 59_900L, 5, 50),
                        sku("5L 机油", store + "-PKG-S5", 78_000, null, 5, 40)));
        made++;
        product(base, store, packages, "大保养套餐（含空滤、空调滤、火花塞）", "原厂配件，含全车检测",
                "适用 4 万公里的深度保养：机油、机滤、空气滤芯、空调滤芯、火花塞。", false, true, 5, models, Shape.BOX,
                green, true, List.of(sku("标准", store + "-PKG-L", 188_000, 168_000L, 3, 20)));
        made++;
        product(base, store, packages, "空调系统清洗养护", "蒸发箱清洗 + 除菌除味", "换季必备，约 30 分钟。", false, false, 8,
                List.of(), Shape.BOX, green, true, List.of(sku("单次", store + "-AC-01", 29_800, null, 5, 40)));
        made++;
        String engineOil = product(base, store, oil, brand + "原厂机油 5W-30", "全合成，原厂认证",
                "原厂认证全合成机油，低温启动保护更好。", true, false, 3, models, Shape.BOTTLE, blue, true,
                List.of(sku("1L", store + "-OIL-1", 12_800, null, 10, 40),
                        sku("4L", store + "-OIL-4", 45_800, 42_800L, 5, 25)));
        made++;
        product(base, store, filters, "原厂空调滤芯（活性炭）", "过滤 PM2.5 与异味", "建议每 1 万公里或每年更换。", false, false,
                12, firstTwo, Shape.BOX, green, true, List.of(sku("标准", store + "-FLT-AC", 26_800, null, 4, 15)));
        made++;
        product(base, store, wipers, "原厂无骨雨刮片（一对）", "静音刮拭，不留水痕", "原厂尺寸，免工具安装。", false, true, 6, first,
                Shape.BOX, blue, true, List.of(sku("一对", store + "-WIP-01", 35_800, null, 5, 6)));
        made++;
        product(base, store, merchandise, brand + "品牌棒球帽", "纯棉刺绣标识", "可调节帽围，男女同款。", false, false, 30,
                List.of(), Shape.CAP, plum, true, List.of(sku("黑色", store + "-CAP-BK", 19_900, null, 5, 20),
                        sku("白色", store + "-CAP-WH", 19_900, null, 5, 12)));
        made++;
        product(base, store, merchandise, brand + "原厂车模 1:18", "合金材质，开门开盖", "原厂授权，附亚克力展示盒。", false, true,
                7, List.of(), Shape.CAR, plum, true, List.of(sku("标准", store + "-MDL-18", 158_000, null, 3, 2)));
        made++;

        // a few weeks of the stockroom: a delivery, a count that found one broken, a top-up of the low holder
        receive(base, recorder, 0, 6, "供应商到货", "demo-mall-" + store + "-rcv-1");
        adjust(base, engineOil, 1, -1, "盘点发现一桶漏油", "demo-mall-" + store + "-adj-1");
        receive(base, holder, 0, 2, "调拨自兄弟门店", "demo-mall-" + store + "-rcv-2");
        return made;
    }

    /**
     * The demo owner buys in their store's mall, as an owner would in the app (decision 0051): an engine oil they
     * collected already (handed over by staff against the code) and a phone holder waiting at the desk, each paid from
     * the wallet after a desk top-up of its price. An owner with orders already buys nothing; how many orders were
     * placed now.
     */
    int ownerBuys(Api owner, String store) {
        String base = "/api/stores/" + store;
        Api.Response mine = owner.get(base + "/me/mall/orders");
        check(mine, "the demo owner's mall orders");
        if (mine.json().path("totalElements").asLong() > 0) {
            return 0;
        }
        int placed = 0;
        String oil = firstSku(base, "原厂机油");
        String holder = firstSku(base, "手机支架");
        String collected = oil == null ? null : buy(owner, base, oil, "demo-mall-" + store + "-owner-1");
        if (collected != null) {
            placed++;
            check(api.post(base + "/mall-orders/" + collected + "/ready", Map.of()), "demo order ready");
            String code = owner.get(base + "/me/mall/orders/" + collected).json().path("pickupCode").asString();
            check(api.post(base + "/mall-orders/" + collected + "/pickup", Map.of("code", code)), "demo pick-up");
        }
        String waiting = holder == null ? null : buy(owner, base, holder, "demo-mall-" + store + "-owner-2");
        if (waiting != null) {
            placed++;
            check(api.post(base + "/mall-orders/" + waiting + "/ready", Map.of()), "demo order ready");
        }
        return placed;
    }

    /**
     * One of the SKU, paid from the wallet, which the store tops up at the desk by the same amount first (paid in
     * cash), so the demo owner's wallet and points stay as the other demo steps and the browser suites expect them.
     */
    private String buy(Api owner, String base, String sku, String key) {
        List<Map<String, Object>> lines = List.of(Map.of("skuId", sku, "quantity", 1));
        Api.Response sheet = owner.post(base + "/me/mall/checkout", Map.of("lines", lines));
        check(sheet, "the demo owner's checkout");
        long due = sheet.json().path("grossFen").asLong();
        String member = api.get(base + "/members?q=" + DemoData.OWNER_PHONE).json().path("content").path(0).path("id")
                .asString();
        check(api.post(base + "/members/" + member + "/wallet/top-ups", Map.of("amount", due, "method", "CASH"),
                Map.of("Idempotency-Key", key + "-top-up")), "the demo owner's top-up");
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("lines", lines);
        place.put("fulfilment", "PICKUP");
        place.put("walletFen", due);
        place.put("points", 0);
        place.put("onlineFen", 0);
        Api.Response order = owner.post(base + "/me/mall/orders", place, Map.of("Idempotency-Key", key));
        check(order, "the demo owner's order");
        return order.json().path("id").asString();
    }

    private String firstSku(String base, String name) {
        Api.Response found = api.get(base + "/products?search=" + java.net.URLEncoder.encode(name,
                java.nio.charset.StandardCharsets.UTF_8));
        check(found, "products named " + name);
        var product = found.json().path("content").path(0);
        return product.isMissingNode() ? null : api.get(base + "/products/" + product.path("id").asString()).json()
                .path("skus").path(0).path("id").asString();
    }

    private String category(String base, String parent, String name, int order) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("parentId", parent);
        form.put("name", name);
        form.put("sortOrder", order);
        Api.Response made = api.post(base + "/product-categories", form);
        check(made, "category " + name);
        return made.json().path("id").asString();
    }

    private String product(String base, String store, String category, String name, String subtitle,
            String description, boolean hot, boolean recommended, int rank, List<String> fitment, Shape shape,
            Color colour, boolean listed, List<Map<String, Object>> skus) {
        Api.Response photo = api.upload(base + "/photos", "file", "product.jpg", "image/jpeg",
                DemoPhotos.jpeg(picture(shape, colour)));
        if (photo.status() != 201) {
            throw new IllegalStateException("demo data: product photo of " + store + ": " + photo.status() + " "
                    + photo.raw());
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("categoryId", category);
        form.put("name", name);
        form.put("subtitle", subtitle);
        form.put("description", description);
        form.put("hot", hot);
        form.put("recommended", recommended);
        form.put("rank", rank);
        form.put("fitment", fitment);
        form.put("photos", List.of(photo.json().path("ref").asString()));
        form.put("skus", skus);
        form.put("listed", listed);
        Api.Response made = api.post(base + "/products", form);
        check(made, "product " + name);
        return made.json().path("id").asString();
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

    private void receive(String base, String product, int sku, long quantity, String reason, String key) {
        String id = skuId(base, product, sku);
        check(api.post(base + "/products/" + product + "/skus/" + id + "/stock-receipts", Map.of("quantity", quantity,
                "reason", reason), Map.of("Idempotency-Key", key)), "stock receipt");
    }

    private void adjust(String base, String product, int sku, long delta, String reason, String key) {
        String id = skuId(base, product, sku);
        check(api.post(base + "/products/" + product + "/skus/" + id + "/stock-adjustments", Map.of("delta", delta,
                "reason", reason), Map.of("Idempotency-Key", key)), "stock adjustment");
    }

    private String skuId(String base, String product, int sku) {
        return api.get(base + "/products/" + product).json().path("skus").path(sku).path("id").asString();
    }

    /** A product of this shape on a soft light of its category's colour. */
    static BufferedImage picture(Shape shape, Color colour) {
        int w = 600;
        int h = 600;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, mix(colour, Color.WHITE, 0.88), 0, h, mix(colour, Color.WHITE, 0.7)));
        g.fillRect(0, 0, w, h);
        g.setColor(mix(colour, Color.WHITE, 0.55));
        g.fill(new Ellipse2D.Double(120, 470, 360, 50));
        g.setColor(colour);
        g.setStroke(new BasicStroke(8f));
        switch (shape) {
            case BOTTLE -> {
                g.fill(new RoundRectangle2D.Double(200, 180, 200, 300, 40, 40));
                g.fill(new RoundRectangle2D.Double(255, 120, 90, 70, 16, 16));
                g.setColor(Color.WHITE);
                g.fill(new RoundRectangle2D.Double(225, 270, 150, 110, 16, 16));
            }
            case CAMERA -> {
                g.fill(new RoundRectangle2D.Double(150, 220, 300, 180, 40, 40));
                g.setColor(Color.WHITE);
                g.fill(new Ellipse2D.Double(240, 250, 120, 120));
                g.setColor(colour.darker());
                g.fill(new Ellipse2D.Double(265, 275, 70, 70));
            }
            case MAT -> {
                g.fill(new RoundRectangle2D.Double(170, 150, 260, 330, 60, 60));
                g.setColor(mix(colour, Color.WHITE, 0.35));
                for (int y = 200; y < 450; y += 40) {
                    g.drawLine(210, y, 390, y);
                }
            }
            case BOX -> {
                g.fill(new RoundRectangle2D.Double(170, 190, 260, 270, 24, 24));
                g.setColor(Color.WHITE);
                g.fill(new RoundRectangle2D.Double(170, 260, 260, 40, 0, 0));
            }
            case CAP -> {
                g.fill(new Ellipse2D.Double(170, 200, 260, 240));
                g.fill(new RoundRectangle2D.Double(300, 380, 200, 60, 30, 30));
            }
            case CAR -> {
                g.fill(new RoundRectangle2D.Double(110, 300, 380, 110, 50, 50));
                g.fill(new RoundRectangle2D.Double(190, 230, 220, 100, 60, 60));
                g.setColor(Color.DARK_GRAY);
                g.fill(new Ellipse2D.Double(160, 370, 80, 80));
                g.fill(new Ellipse2D.Double(360, 370, 80, 80));
            }
        }
        g.dispose();
        return image;
    }

    private static Color mix(Color a, Color b, double f) {
        return new Color((int) (a.getRed() * (1 - f) + b.getRed() * f),
                (int) (a.getGreen() * (1 - f) + b.getGreen() * f), (int) (a.getBlue() * (1 - f) + b.getBlue() * f));
    }

    private static void check(Api.Response r, String what) {
        if (r.status() != 200 && r.status() != 201) {
            throw new IllegalStateException("demo data: " + what + ": " + r.status() + " " + r.raw());
        }
    }

    static List<String> models(List<String[]> members) {
        List<String> models = new ArrayList<>();
        members.forEach(m -> {
            if (!models.contains(m[4])) {
                models.add(m[4]);
            }
        });
        return models;
    }
}
