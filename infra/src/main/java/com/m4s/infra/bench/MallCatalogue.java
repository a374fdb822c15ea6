package com.m4s.infra.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A large mall catalogue written straight into a store's tables with SQL (as part 3 grows the members): categories
 * of the demo catalogue's shape, then {@code n} listed products of one SKU each with their first stock as a RECEIVE
 * movement, so the ledger still adds up. Product {@code n} is the same in every run: brand, kind, price, fitment and
 * units sold follow from {@code n}. The search index learns them from a rebuild (decision 0011), not from events.
 */
final class MallCatalogue {

    /** Kinds of product: the category they sit in (under its parent) and how they are described. */
    private record Kind(String parent, String category, String word, String subtitle, long basePriceFen,
            boolean fitsModels) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("原厂配件", "机油", "全合成机油 5W-30", "原厂认证，低温启动保护", 12_800, true),
            new Kind("原厂配件", "滤芯", "机油滤芯", "过滤精度高，每次保养更换", 6_800, true),
            new Kind("原厂配件", "滤芯", "空调滤芯（活性炭）", "过滤 PM2.5 与异味", 16_800, true),
            new Kind("原厂配件", "雨刮", "无骨雨刮片（一对）", "静音刮拭，不留水痕", 25_800, true),
            new Kind("精品附件", "行车记录仪", "行车记录仪 前后双录", "2K 高清，夜视增强，停车监控", 89_900, false),
            new Kind("精品附件", "脚垫座套", "全包围皮革脚垫", "按车型定制，防水易清洁", 68_800, true),
            new Kind("精品附件", "车载用品", "车载手机支架 磁吸款", "出风口安装，单手取放", 12_900, false),
            new Kind("保养套餐", "小保养", "小保养套餐（机油 + 机滤 + 工时）", "含检测 28 项", 59_900, true),
            new Kind("保养套餐", "大保养", "大保养套餐（含空滤、空调滤、火花塞）", "原厂配件，含全车检测", 168_000, true),
            new Kind("品牌周边", "车模", "合金车模 1:18", "开门开盖，附展示盒", 158_000, false));
    private static final List<String> BRANDS = List.of("博世", "嘉实多", "美孚", "壳牌", "3M", "米其林", "70迈", "小米",
            "马勒", "曼牌");
    private static final int BATCH = 1_000;

    private MallCatalogue() {
    }

    /** The brand of product {@code n}: the searches name some of them; every brand makes every kind. */
    static String brand(int n) {
        return BRANDS.get(n / KINDS.size() % BRANDS.size());
    }

    /** Writes the categories and {@code count} listed products into store {@code store}; one transaction. */
    static void insert(Connection db, String store, int count) throws SQLException {
        String schema = "store_" + store;
        Instant now = Instant.now();
        Timestamp at = Timestamp.from(now);
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            java.util.Map<String, UUID> parents = new java.util.LinkedHashMap<>();
            java.util.Map<String, UUID> categories = new java.util.LinkedHashMap<>();
            try (PreparedStatement category = db.prepareStatement("insert into " + schema + ".product_category"
                    + " (id, parent_id, name, sort_order, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, 0)")) {
                for (Kind kind : KINDS) {
                    UUID parent = parents.get(kind.parent());
                    if (parent == null) {
                        parent = UUID.randomUUID();
                        parents.put(kind.parent(), parent);
                        category.setObject(1, parent);
                        category.setObject(2, null);
                        category.setString(3, kind.parent());
                        category.setInt(4, parents.size());
                        category.setTimestamp(5, at);
                        category.setTimestamp(6, at);
                        category.executeUpdate();
                    }
                    if (!categories.containsKey(kind.category())) {
                        UUID id = UUID.randomUUID();
                        categories.put(kind.category(), id);
                        category.setObject(1, id);
                        category.setObject(2, parent);
                        category.setString(3, kind.category());
                        category.setInt(4, categories.size());
                        category.setTimestamp(5, at);
                        category.setTimestamp(6, at);
                        category.executeUpdate();
                    }
                }
            }
            try (PreparedStatement product = db.prepareStatement("insert into " + schema + ".product (id, category_id,"
                    + " name, subtitle, description, status, hot, recommended, rank, fitment, photos, stock, price_fen,"
                    + " original_price_fen, sold, listed_at, created_by, created_at, updated_at, version) values (?, ?,"
                    + " ?, ?, ?, 'LISTED', ?, ?, ?, ?, '{}', ?, ?, null, ?, ?, 'bench', ?, ?, 0)");
                    PreparedStatement sku = db.prepareStatement("insert into " + schema + ".product_sku (id,"
                            + " product_id, spec, code, price_fen, sale_price_fen, low_stock_at, stock, sort_order,"
                            + " created_at, updated_at, version) values (?, ?, '标准', ?, ?, null, 5, ?, 0, ?, ?, 0)");
                    PreparedStatement entry = db.prepareStatement("insert into " + schema + ".product_stock_entry"
                            + " (id, sku_id, product_id, kind, delta, stock_after, reason, idempotency_key,"
                            + " request_hash, created_by, created_at, updated_at, version) values (?, ?, ?, 'RECEIVE',"
                            + " ?, ?, '初始入库', ?, ?, 'bench', ?, ?, 0)")) {
                for (int n = 0; n < count; n++) {
                    Kind kind = KINDS.get(n % KINDS.size());
                    UUID id = UUID.randomUUID();
                    UUID skuId = UUID.randomUUID();
                    long price = kind.basePriceFen() + (n % 7) * 1_000L;
                    long stock = 5 + n % 50;
                    // listed one second apart, the newest last, so "newest" has an order
                    Timestamp listed = Timestamp.from(now.minusSeconds(count - n));
                    List<String> fitment = kind.fitsModels() && n % 3 != 0
                            ? List.of(BenchMembers.MODELS.get(n % BenchMembers.MODELS.size())) : List.of();
                    product.setObject(1, id);
                    product.setObject(2, categories.get(kind.category()));
                    product.setString(3, brand(n) + " " + kind.word() + " " + Format.of("B%05d", n));
                    product.setString(4, kind.subtitle());
                    product.setString(5, kind.subtitle() + "。适合日常用车，门店可代为安装。");
                    product.setBoolean(6, n % 97 == 0);
                    product.setBoolean(7, n % 89 == 0);
                    product.setInt(8, n % 100);
                    product.setArray(9, db.createArrayOf("text", fitment.toArray()));
                    product.setLong(10, stock);
                    product.setLong(11, price);
                    product.setLong(12, (n * 37L) % 500);
                    product.setTimestamp(13, listed);
                    product.setTimestamp(14, listed);
                    product.setTimestamp(15, listed);
                    product.addBatch();
                    sku.setObject(1, skuId);
                    sku.setObject(2, id);
                    sku.setString(3, Format.of("BENCH-%06d", n));
                    sku.setLong(4, price);
                    sku.setLong(5, stock);
                    sku.setTimestamp(6, listed);
                    sku.setTimestamp(7, listed);
                    sku.addBatch();
                    entry.setObject(1, UUID.randomUUID());
                    entry.setObject(2, skuId);
                    entry.setObject(3, id);
                    entry.setLong(4, stock);
                    entry.setLong(5, stock);
                    entry.setString(6, "bench-mall:" + skuId);
                    entry.setString(7, "bench");
                    entry.setTimestamp(8, listed);
                    entry.setTimestamp(9, listed);
                    entry.addBatch();
                    if ((n + 1) % BATCH == 0 || n == count - 1) {
                        product.executeBatch();
                        sku.executeBatch();
                        entry.executeBatch();
                    }
                }
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
        try (var analyze = db.createStatement()) {
            for (String table : new ArrayList<>(List.of("product", "product_sku", "product_stock_entry"))) {
                analyze.execute("analyze " + schema + "." + table);
            }
        }
    }
}
