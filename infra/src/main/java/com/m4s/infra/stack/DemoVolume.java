package com.m4s.infra.stack;

import com.m4s.platform.servers.Api;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The volume a real store has, so the consoles show what a store sees: a few hundred members with their cars, and used
 * cars in every state of the workflow over the past months. Generated from a fixed seed per store (the same people,
 * phones, plates and cars on every machine; their dates count back from the day of loading), and written in bulk
 * straight into the store's schema, because the API can only write "now" and a thousand calls through the gateway's
 * rate limit would take minutes (decision 0027). The search index then learns the used cars the way it is repaired:
 * a rebuild of the index from PostgreSQL. Bulk rows have no audit entries: the trail shows what people did
 * on the demo, not how it was loaded. Running it again adds nothing (ids are derived from the seed).
 */
final class DemoVolume {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoVolume.class);

    static final int MEMBERS = 300;
    static final int USED_CARS = 60;
    static final long SEED = 20261203L;

    /** A store's plate prefix (its city's) and the cars its customers drive. */
    record Profile(String platePrefix, String vinPrefix, List<String> models) {
    }

    static final Map<String, Profile> PROFILES = Map.of(
            "gz_tianhe", new Profile("粤A", "LBVCU3108", List.of("宝马 325Li", "宝马 530Li", "宝马 X1", "宝马 X3", "宝马 X5",
                    "宝马 iX3", "宝马 i3")),
            "sz_futian", new Profile("粤B", "LE4GG8BB0", List.of("奔驰 C 260L", "奔驰 E 300L", "奔驰 GLC 300L",
                    "奔驰 GLE 350", "奔驰 A 200L", "奔驰 EQE")),
            "fs_chancheng", new Profile("粤E", "LVGBE40K0", List.of("丰田 凯美瑞", "丰田 卡罗拉",
                    "丰田 RAV4 荣放", "丰田 汉兰达", "丰田 雷凌", "丰田 bZ4X")));

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
        "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖",
        "田", "董", "潘", "袁", "蔡", "蒋", "余"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀兰", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
        "杰", "娟", "涛", "明", "超", "秀梅", "霞", "平", "刚", "桂英", "志明", "晓东", "海燕", "建华", "文杰", "嘉欣",
        "子轩", "梓涵", "浩然", "雨桐", "俊杰", "思远", "佳怡", "宇航", "欣怡", "国平", "永康", "美玲", "家豪", "婉婷",
        "振华", "少华", "锦荣", "伟民", "淑贞"};
    private static final String[] SOURCES = {"WALK_IN", "WALK_IN", "WALK_IN", "REFERRAL", "ONLINE", "PHONE", "EVENT",
        "DMS_IMPORT"};
    private static final String PLATE_CHARS = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /** Used cars offered to the stores: Chinese make, model, new price in yuan. */
    private static final Object[][] USED = {
        {"宝马", "3系 325Li", 320_000}, {"宝马", "5系 530Li", 450_000}, {"宝马", "X3", 400_000},
        {"奔驰", "C级 C 260L", 330_000}, {"奔驰", "E级 E 300L", 480_000}, {"奔驰", "GLC 300L", 430_000},
        {"丰田", "凯美瑞", 200_000}, {"丰田", "卡罗拉", 130_000}, {"丰田", "RAV4 荣放", 190_000},
        {"大众", "帕萨特", 190_000}, {"本田", "雅阁", 180_000}, {"奥迪", "A4L", 320_000}, {"比亚迪", "汉 EV", 230_000}};
    private static final String[] GEARBOXES = {"AUTOMATIC", "AUTOMATIC", "DUAL_CLUTCH", "CVT", "MANUAL"};
    private static final String[] COLOURS = {"白色", "黑色", "银色", "灰色", "蓝色", "红色"};
    /** How many used cars of each state a store has, out of {@link #USED_CARS}. */
    private static final Object[][] STATES = {{"SUBMITTED", 9}, {"CHANGES_REQUESTED", 5}, {"REJECTED", 5},
        {"LISTED", 18}, {"RESERVED", 5}, {"SOLD", 13}, {"WITHDRAWN", 5}};

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Api operator;
    private final Instant now;

    DemoVolume(Stack stack, Api operator, Instant now) {
        this.jdbcUrl = stack.jdbcUrl();
        this.user = stack.dbUser();
        this.password = stack.dbPassword();
        this.operator = operator;
        this.now = now;
    }

    /** Loads what the store lacks; returns how many used cars it added (they are not in the search index yet). */
    int ensure(String store, Set<String> takenPhones, Set<String> takenNames) {
        Profile profile = PROFILES.get(store);
        if (profile == null) {
            return 0;
        }
        long started = System.nanoTime();
        int added;
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            c.setAutoCommit(false);
            List<UUID> members = members(c, store, profile, takenPhones, takenNames);
            added = usedCars(c, store, members);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("demo data: could not load the volume of " + store, e);
        }
        LOG.info("Demo volume of {}: {} used cars added in {} ms", store, added,
                (System.nanoTime() - started) / 1_000_000);
        return added;
    }

    /**
     * Has the search index rebuilt from PostgreSQL, in the background: one rebuild of every store (a store's rebuild
     * at a time would wait for each, since one rebuild of a kind runs at a time). A rebuild already running may have
     * read before the cars were written, so that one is waited for and another asked for.
     */
    void index() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            Api.Response rebuild = operator.post("/api/search/used-cars/rebuilds", "");
            if (rebuild.status() == 202) {
                return;
            }
            if (rebuild.status() != 409 || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("demo data: search rebuild of the used cars: " + rebuild.raw());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Names and phones of the hand-made demo members are left to them, so a search for one finds one. */
    private List<UUID> members(Connection c, String store, Profile profile, Set<String> takenPhones,
            Set<String> takenNames) throws SQLException {
        String schema = "store_" + store;
        Random random = new Random(SEED ^ store.hashCode());
        Set<String> phones = new HashSet<>(takenPhones);
        Set<String> plates = new HashSet<>();
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement member = c.prepareStatement("insert into " + schema + ".member (id, name, phone,"
                + " birthday, source, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, 0)"
                + " on conflict do nothing");
                PreparedStatement vehicle = c.prepareStatement("insert into " + schema + ".vehicle (id, member_id,"
                        + " plate, vin, model, purchase_date, mileage_km, created_at, updated_at, version)"
                        + " select ?, ?, ?, ?, ?, ?, ?, ?, ?, 0 where exists (select 1 from " + schema
                        + ".member where id = ?) on conflict do nothing")) {
            for (int i = 0; i < MEMBERS; i++) {
                UUID id = UUID.nameUUIDFromBytes((store + ":member:" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                String name;
                do {
                    name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
                } while (takenNames.contains(name));
                String phone;
                do {
                    phone = "138" + String.format("%08d", random.nextInt(100_000_000));
                } while (!phones.add(phone));
                // joined over the past two years (before the hand-made ones), more of them recently, as a store grows
                Instant joined = now.minus(Duration.ofDays(1)).minus(Duration.ofMinutes((long) (Math.pow(random.nextDouble(), 1.6) * 730 * 24 * 60)));
                LocalDate birthday = random.nextInt(4) == 0 ? null
                        : LocalDate.of(1960 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28));
                member.setObject(1, id);
                member.setString(2, name);
                member.setString(3, phone);
                member.setObject(4, birthday);
                member.setString(5, SOURCES[random.nextInt(SOURCES.length)]);
                member.setTimestamp(6, Timestamp.from(joined));
                member.setTimestamp(7, Timestamp.from(joined));
                member.addBatch();
                ids.add(id);
                int cars = random.nextInt(10) < 8 ? 1 : 2;
                for (int v = 0; v < cars; v++) {
                    String plate;
                    do {
                        StringBuilder p = new StringBuilder(profile.platePrefix());
                        for (int k = 0; k < 5; k++) {
                            p.append(PLATE_CHARS.charAt(random.nextInt(k < 2 ? PLATE_CHARS.length() : 10)));
                        }
                        plate = p.toString();
                    } while (!plates.add(plate));
                    LocalDate bought = LocalDate.ofInstant(joined, java.time.ZoneOffset.UTC)
                            .minusDays(random.nextInt(2_000));
                    vehicle.setObject(1, UUID.nameUUIDFromBytes((store + ":vehicle:" + i + ":" + v)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    vehicle.setObject(2, id);
                    vehicle.setString(3, plate);
                    vehicle.setString(4, profile.vinPrefix() + String.format("%08d", i * 10 + v + 100));
                    vehicle.setString(5, profile.models().get(random.nextInt(profile.models().size())));
                    vehicle.setObject(6, bought);
                    vehicle.setInt(7, (int) ChronoUnit.DAYS.between(bought, LocalDate.now()) * (25 + random.nextInt(40)));
                    vehicle.setTimestamp(8, Timestamp.from(joined));
                    vehicle.setTimestamp(9, Timestamp.from(joined));
                    vehicle.setObject(10, id);
                    vehicle.addBatch();
                }
            }
            member.executeBatch();
            vehicle.executeBatch();
        }
        return ids;
    }

    /** Used cars in every state, submitted over the past six months; returns how many were added. */
    private int usedCars(Connection c, String store, List<UUID> members) throws SQLException {
        String schema = "store_" + store;
        Random random = new Random(SEED ^ (store + ":used").hashCode());
        int added = 0;
        try (PreparedStatement car = c.prepareStatement("insert into " + schema + ".used_car (id, member_id, status,"
                + " make, model, model_year, mileage_km, city, gearbox, emission_standard, colour, price_wish_yuan,"
                + " photos, condition_notes, asking_price_yuan, condition_report, review_note, reviewed_by,"
                + " reserved_note, sold_price_yuan, submitted_by, revision, submitted_at, listed_at, closed_at,"
                + " created_at, updated_at, version) select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, 0 where exists (select 1 from " + schema + ".member where id = ?)"
                + " on conflict do nothing")) {
            int n = 0;
            for (Object[] state : STATES) {
                for (int k = 0; k < (int) state[1]; k++, n++) {
                    String status = (String) state[0];
                    Object[] model = USED[random.nextInt(USED.length)];
                    int age = 1 + random.nextInt(9);
                    int year = LocalDate.now().getYear() - age;
                    int mileage = age * (8_000 + random.nextInt(12_000));
                    long wish = Math.round(((int) model[2]) * Math.pow(0.86, age) / 1000.0) * 1000;
                    Instant submitted = now.minus(Duration.ofHours(6 + random.nextInt(180 * 24)));
                    boolean listed = List.of("LISTED", "RESERVED", "SOLD").contains(status)
                            || status.equals("WITHDRAWN") && k % 2 == 0;
                    Instant listedAt = listed ? submitted.plus(Duration.ofHours(4 + random.nextInt(72))) : null;
                    if (listedAt != null && listedAt.isAfter(now)) {
                        listedAt = now.minus(Duration.ofHours(1));
                    }
                    Instant closedAt = switch (status) {
                        case "SOLD", "WITHDRAWN" -> later(listedAt != null ? listedAt : submitted, random);
                        case "REJECTED" -> later(submitted, random);
                        default -> null;
                    };
                    Long asking = listed ? Math.max(1_000, wish - 5_000 + random.nextInt(4) * 5_000L) : null;
                    String reviewer = status.equals("SUBMITTED") ? null : "manager." + store;
                    String reviewNote = switch (status) {
                        case "CHANGES_REQUESTED" -> "请补充行驶证照片和保养记录。";
                        case "REJECTED" -> "车辆有结构性事故痕迹，本店不予寄售。";
                        case "WITHDRAWN" -> "车主决定自用，撤回寄售。";
                        default -> null;
                    };
                    UUID member = members.get(random.nextInt(members.size()));
                    Instant updated = closedAt != null ? closedAt : listedAt != null ? listedAt : submitted;
                    int i = 1;
                    car.setObject(i++, UUID.nameUUIDFromBytes((store + ":used-car:" + n)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    car.setObject(i++, member);
                    car.setString(i++, status);
                    car.setString(i++, (String) model[0]);
                    car.setString(i++, (String) model[1]);
                    car.setInt(i++, year);
                    car.setInt(i++, mileage);
                    car.setString(i++, switch (store) {
                        case "sz_futian" -> "深圳";
                        case "fs_chancheng" -> "佛山";
                        default -> "广州";
                    });
                    car.setString(i++, model[0].equals("比亚迪") ? "SINGLE_SPEED" : GEARBOXES[random.nextInt(GEARBOXES.length)]);
                    car.setString(i++, model[0].equals("比亚迪") ? "NEV" : age > 6 ? "CN5" : age > 3 ? "CN6A" : "CN6B");
                    car.setString(i++, COLOURS[random.nextInt(COLOURS.length)]);
                    car.setLong(i++, wish);
                    car.setString(i++, "一手车，按时保养，" + (random.nextBoolean() ? "无事故。" : "有轻微剐蹭。"));
                    car.setObject(i++, asking);
                    car.setString(i++, listed ? "外观良好，发动机与变速箱工况正常，无泡水火烧痕迹。" : null);
                    car.setString(i++, reviewNote);
                    car.setString(i++, listed || reviewNote != null && !status.equals("WITHDRAWN") ? reviewer : null);
                    car.setString(i++, status.equals("RESERVED") ? "客户已付意向金，周末看车。" : null);
                    car.setObject(i++, status.equals("SOLD") ? asking - random.nextInt(3) * 2_000L : null);
                    car.setString(i++, "manager." + store);
                    car.setInt(i++, status.equals("CHANGES_REQUESTED") ? 1 : 1 + random.nextInt(2));
                    car.setTimestamp(i++, Timestamp.from(submitted));
                    car.setTimestamp(i++, listedAt == null ? null : Timestamp.from(listedAt));
                    car.setTimestamp(i++, closedAt == null ? null : Timestamp.from(closedAt));
                    car.setTimestamp(i++, Timestamp.from(submitted));
                    car.setTimestamp(i++, Timestamp.from(updated));
                    car.setObject(i, member);
                    car.addBatch();
                }
            }
            for (int count : car.executeBatch()) {
                added += Math.max(count, 0);
            }
        }
        return added;
    }

    /** A moment some days after `from`, not after now. */
    private Instant later(Instant from, Random random) {
        Instant at = from.plus(Duration.ofHours(12 + random.nextInt(40 * 24)));
        return at.isAfter(now) ? now.minus(Duration.ofMinutes(30)) : at;
    }
}
