package com.m4s.infra.stack;

import com.m4s.platform.servers.Api;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A few months of DMS repair orders per demo store, sent through the real batch endpoint (POST
 * /repair-orders/batch, decision 0030) so the real code posts their points: maintenance and repairs paid by the
 * customer, accident repairs paid by insurers, warranty work paid by the manufacturer, the store's own inspections,
 * a few refunded lines and one reversed order. Generated from a fixed seed per store (the same orders, lines and
 * amounts on every machine; their dates count back from the day of loading), settled in the past so that most
 * points have passed the refund window and the last week's are still pending; the points-activation job makes the
 * due ones available on its next round (every 10 minutes on the store's clock). The demo owner (13800138001) has
 * orders of every kind. A store that has the demo's orders already is left alone; a re-sent batch changes nothing
 * (the upsert compares each order's content hash).
 */
final class DemoRepairOrders {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoRepairOrders.class);

    /** Orders per store, one every few days back from the day of loading. */
    static final int ORDERS = 45;
    static final int DAYS = 120;

    /** A line of the catalogue: what the DMS says, what it costs (yuan, from–to), who pays it. */
    record Item(String kind, String description, String partNumber, int quantity, int fromYuan, int toYuan,
            String account) {
    }

    private static final Item OIL_LABOUR = new Item("LABOUR", "机油机滤更换 工时", null, 1, 180, 280, "CUSTOMER");
    private static final Item OIL = new Item("PART", "原厂机油 5W-30", "OIL-5W30-1L", 5, 480, 680, "CUSTOMER");
    private static final Item OIL_FILTER = new Item("PART", "机油滤清器", "FLT-OIL-01", 1, 120, 180, "CUSTOMER");
    private static final Item AIR_FILTER = new Item("PART", "空调滤芯", "FLT-AC-02", 1, 150, 260, "CUSTOMER");
    private static final Item BRAKE_PADS = new Item("PART", "刹车片（前轮）", "BRK-PAD-F1", 1, 900, 1600, "CUSTOMER");
    private static final Item BRAKE_LABOUR = new Item("LABOUR", "刹车片更换 工时", null, 1, 200, 300, "CUSTOMER");
    private static final Item ALIGNMENT = new Item("LABOUR", "四轮定位", null, 1, 300, 400, "CUSTOMER");
    private static final Item TYRE = new Item("PART", "轮胎 225/45 R18", "TYR-22545-18", 2, 1800, 3200, "CUSTOMER");
    private static final Item BATTERY = new Item("PART", "蓄电池", "BAT-70AH", 1, 900, 1500, "CUSTOMER");
    private static final Item PAINT = new Item("LABOUR", "钣金喷漆（前保险杠）", null, 1, 1500, 3500, "INSURANCE");
    private static final Item HEADLAMP = new Item("PART", "前大灯总成", "LMP-HD-L", 1, 3000, 8000, "INSURANCE");
    private static final Item BODY_LABOUR = new Item("LABOUR", "钣金修复 工时", null, 1, 800, 1800, "INSURANCE");
    private static final Item DEDUCTIBLE = new Item("LABOUR", "车损自付部分", null, 1, 300, 800, "CUSTOMER");
    private static final Item WATER_PUMP = new Item("PART", "保修期内更换水泵", "PMP-WTR-01", 1, 1500, 2500,
            "WARRANTY");
    private static final Item PUMP_LABOUR = new Item("LABOUR", "水泵更换 工时", null, 1, 300, 500, "WARRANTY");
    private static final Item WINDOW = new Item("PART", "保修期内更换车窗升降器", "WIN-REG-RF", 1, 800, 1400,
            "WARRANTY");
    private static final Item INSPECTION = new Item("LABOUR", "新车交车前检查", null, 1, 200, 400, "INTERNAL");
    private static final Item SAFETY = new Item("LABOUR", "免费安全检查", null, 1, 100, 200, "INTERNAL");
    private static final Item WASH = new Item("LABOUR", "洗车美容（店内赠送）", null, 1, 80, 150, "INTERNAL");

    /** The kinds of visit, each a list of lines (the optional ones are sometimes left out). */
    private static final List<List<Item>> VISITS = List.of(
            List.of(OIL_LABOUR, OIL, OIL_FILTER, AIR_FILTER, WASH),
            List.of(OIL_LABOUR, OIL, OIL_FILTER),
            List.of(BRAKE_LABOUR, BRAKE_PADS, SAFETY),
            List.of(ALIGNMENT, TYRE),
            List.of(BATTERY, SAFETY),
            List.of(PAINT, BODY_LABOUR, HEADLAMP, DEDUCTIBLE),
            List.of(PAINT, BODY_LABOUR),
            List.of(WATER_PUMP, PUMP_LABOUR, OIL_LABOUR, OIL, OIL_FILTER),
            List.of(WINDOW, PUMP_LABOUR),
            List.of(INSPECTION, WASH));

    private static final String[] ADVISORS = {"周海涛", "林晓燕", "黄志勇", "陈美玲"};

    /** A demo order's number: the store's DMS prefix and a sequence (WX-TH-00001). */
    static String number(String store, int n) {
        return "WX-" + prefix(store) + "-" + String.format("%05d", n);
    }

    private static String prefix(String store) {
        return switch (store) {
            case "gz_tianhe" -> "TH";
            case "sz_futian" -> "FT";
            case "fs_chancheng" -> "CC";
            default -> store.toUpperCase(java.util.Locale.ROOT);
        };
    }

    /** A member an order is for: id, plate, VIN, mileage reading base. */
    record Customer(String memberId, String plate, String vin) {
    }

    private final Api api;
    private final Instant now;

    DemoRepairOrders(Api api, Instant now) {
        this.api = api;
        this.now = now;
    }

    /** Sends the store's orders unless it has them; returns how many orders were created now. */
    int ensure(String store, Customer owner, List<Customer> others) {
        String base = "/api/stores/" + store + "/repair-orders";
        Api.Response existing = api.get(base + "?q=" + number(store, 1) + "&size=1");
        if (existing.status() == 200 && existing.json().path("totalElements").asLong() > 0) {
            return 0;
        }
        long started = System.nanoTime();
        List<Map<String, Object>> orders = orders(store, owner, others, now);
        Api.Response sent = api.post(base + "/batch", Map.of("orders", orders));
        if (sent.status() != 200) {
            throw new IllegalStateException("demo repair orders of " + store + ": " + sent.status() + " " + sent.raw());
        }
        int created = 0;
        for (var result : sent.json().path("orders")) {
            String outcome = result.path("outcome").asString();
            if (outcome.equals("REJECTED")) {
                throw new IllegalStateException("demo repair order refused: " + result);
            }
            if (outcome.equals("CREATED")) {
                created++;
            }
        }
        LOG.info("Demo repair orders of {}: {} orders created in {} ms", store, created,
                (System.nanoTime() - started) / 1_000_000);
        return created;
    }

    /**
     * The store's orders as its DMS would send them now, oldest first: the same for the same store, customers and
     * day. The demo owner's come first: a maintenance visit two months ago (points available), an accident repair
     * on all four accounts a month ago with one refunded line, and a visit three days ago (points still pending).
     */
    static List<Map<String, Object>> orders(String store, Customer owner, List<Customer> others, Instant now) {
        Random random = new Random(DemoVolume.SEED ^ (store + ":repair-orders").hashCode());
        Instant today = now.truncatedTo(ChronoUnit.HOURS);
        List<Map<String, Object>> orders = new ArrayList<>();
        int n = 0;
        orders.add(order(number(store, ++n), owner, "SETTLED", today.minus(Duration.ofDays(62)), random,
                List.of(OIL_LABOUR, OIL, OIL_FILTER, AIR_FILTER), -1, 38_200));
        orders.add(order(number(store, ++n), owner, "SETTLED", today.minus(Duration.ofDays(31)), random,
                List.of(PAINT, HEADLAMP, WATER_PUMP, INSPECTION, DEDUCTIBLE, AIR_FILTER), 6, 41_500));
        orders.add(order(number(store, ++n), owner, "SETTLED", today.minus(Duration.ofDays(3)), random,
                List.of(BRAKE_LABOUR, BRAKE_PADS, SAFETY), -1, 44_800));
        int reversed = 10 + random.nextInt(20);
        for (int i = 0; i < ORDERS - 3; i++) {
            // spread back over DAYS days, newest last; the last two are still open in the workshop
            long daysAgo = DAYS - (long) i * DAYS / (ORDERS - 3);
            Instant opened = today.minus(Duration.ofDays(daysAgo)).plus(Duration.ofHours(random.nextInt(9)));
            Customer customer = others.get(random.nextInt(others.size()));
            List<Item> visit = VISITS.get(random.nextInt(VISITS.size()));
            String status = i >= ORDERS - 5 ? "OPEN" : i == reversed ? "REVERSED" : "SETTLED";
            // about one order in fifteen has its last line refunded after settlement
            int refunded = status.equals("SETTLED") && random.nextInt(15) == 0 ? visit.size() : -1;
            orders.add(order(number(store, ++n), customer, status, opened, random, visit, refunded,
                    10_000 + random.nextInt(90_000)));
        }
        return orders;
    }

    private static Map<String, Object> order(String number, Customer customer, String status, Instant opened,
            Random random, List<Item> items, int refundedLine, int mileageKm) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("dmsNumber", number);
        order.put("memberId", customer.memberId());
        order.put("plate", customer.plate());
        order.put("vin", customer.vin());
        order.put("advisor", ADVISORS[random.nextInt(ADVISORS.length)]);
        order.put("mileageKm", mileageKm);
        order.put("openedAt", opened.toString());
        order.put("status", status);
        order.put("settledAt", status.equals("OPEN") ? null
                : opened.plus(Duration.ofHours(2 + random.nextInt(6))).toString());
        List<Map<String, Object>> lines = new ArrayList<>();
        int no = 0;
        for (Item item : items) {
            no++;
            int yuan = item.fromYuan() + random.nextInt(item.toYuan() - item.fromYuan() + 1);
            BigDecimal amount = BigDecimal.valueOf(yuan * 100L + (random.nextBoolean() ? 50 : 0), 2);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("lineNo", no);
            line.put("kind", item.kind());
            line.put("description", item.description());
            line.put("partNumber", item.partNumber());
            line.put("quantity", item.quantity());
            line.put("amount", Map.of("amount", amount.toPlainString(), "currency", "CNY"));
            line.put("accountType", item.account());
            line.put("refunded", no == refundedLine);
            lines.add(line);
        }
        order.put("lines", lines);
        return order;
    }
}
