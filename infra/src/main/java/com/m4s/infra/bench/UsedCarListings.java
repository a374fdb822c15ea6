package com.m4s.infra.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Used cars for the market measurements (and the end-to-end fault tests), written straight into a store's {@code used_car} table with SQL: car
 * {@code n} of a store always gets the same make, model, year, mileage, city, price and report, so runs compare. The
 * makes, models and cities are Chinese, as on a real market, so full text goes through the Chinese analyzer.
 *
 * <p>{@link #publishListed} writes, for listed cars, the same {@code UsedCarListed} events an approval writes into
 * store-console's outbox (same topic, type and payload fields), so they travel the real path: relay, Kafka, indexer,
 * Elasticsearch.
 */
public final class UsedCarListings {

    /** Makes and models, paired by position. */
    static final List<String> MAKES = List.of("宝马", "宝马", "宝马", "奔驰", "奔驰", "奔驰", "丰田", "丰田", "丰田",
            "本田", "本田", "本田", "大众", "大众", "大众", "奥迪", "奥迪", "奥迪", "比亚迪", "比亚迪", "比亚迪", "日产",
            "日产", "别克");
    static final List<String> MODELS = List.of("3系", "5系", "X3", "C级", "E级", "GLC", "凯美瑞", "卡罗拉", "汉兰达",
            "雅阁", "思域", "CR-V", "帕萨特", "迈腾", "途观L", "A4L", "A6L", "Q5L", "汉", "唐", "秦PLUS", "轩逸", "天籁",
            "君威");
    static final List<String> CITIES = List.of("上海", "北京", "广州", "深圳", "杭州", "南京", "成都", "武汉", "苏州",
            "西安");
    private static final List<String> REPORTS = List.of("车况良好，无事故，按时保养", "一手车，原版原漆，内饰干净",
            "轻微剐蹭已修复，发动机变速箱正常", "全程4S店保养记录，轮胎九成新", "前保险杠补漆，底盘无磕碰");
    private static final List<String> COLOURS = List.of("白色", "黑色", "银色", "灰色", "蓝色", "红色");
    private static final List<String> MANUAL_GEARBOXES = List.of("MANUAL", "AUTOMATIC", "DUAL_CLUTCH", "CVT");

    private UsedCarListings() {
    }

    /**
     * Adds cars {@code from .. from+count-1} of the store, all for member {@code memberId}: LISTED (approved, with
     * asking price, report and listing time, version 1) or SUBMITTED (waiting for review, version 0). Returns their
     * ids in car order.
     */
    public static List<UUID> insert(Connection c, String store, UUID memberId, int from, int count, boolean listed)
            throws SQLException {
        // k picks the make/model pair; the other columns spread over their ranges with co-prime steps
        String sql = """
                insert into %1$s.used_car (id, member_id, status, make, model, model_year, mileage_km, city, gearbox,
                    emission_standard, colour, price_wish_yuan, photos, condition_notes, asking_price_yuan,
                    condition_report, reviewed_by, submitted_by, revision, submitted_at, listed_at, created_at,
                    updated_at, version)
                select gen_random_uuid(), ?, ?, (%2$s)[k], (%3$s)[k], y, (g * 7919) %% 200000, (%4$s)[1 + (g * 3) %% %5$d],
                    case when (%2$s)[k] = '比亚迪' then 'SINGLE_SPEED' else (%6$s)[1 + g %% 4] end,
                    case when (%2$s)[k] = '比亚迪' then 'NEV' when y >= 2021 then 'CN6B' when y >= 2019 then 'CN6A'
                         when y >= 2016 then 'CN5' when y >= 2013 then 'CN4' else 'CN3' end,
                    (%7$s)[1 + g %% %8$d], p, array['https://img.m4s.dev/used/' || g || '.jpg']::text[], null,
                    case when ? then p else null end, case when ? then (%9$s)[1 + g %% %10$d] else null end,
                    case when ? then 'bench' else null end, 'bench', 0, now() - make_interval(secs => g * 60),
                    case when ? then now() - make_interval(secs => g * 30) else null end, now(), now(),
                    case when ? then 1 else 0 end
                from (select g, 1 + (g * 7) %% %11$d as k, 2012 + (g * 13) %% 14 as y,
                             30000 + ((g * 104729) %% 470) * 1000 as p
                      from generate_series(?, ?) g) cars
                order by g
                returning id
                """.formatted(schema(store), array(MAKES), array(MODELS), array(CITIES), CITIES.size(),
                array(MANUAL_GEARBOXES), array(COLOURS), COLOURS.size(), array(REPORTS), REPORTS.size(),
                MAKES.size());
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            int i = 1;
            insert.setObject(i++, memberId);
            insert.setString(i++, listed ? "LISTED" : "SUBMITTED");
            for (int n = 0; n < 5; n++) {
                insert.setBoolean(i++, listed);
            }
            insert.setInt(i++, from);
            insert.setInt(i, from + count - 1);
            List<UUID> ids = new ArrayList<>(count);
            try (var rs = insert.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    /**
     * Writes a {@code UsedCarListed} event into store-console's outbox for every listed car of the store whose id is
     * in {@code ids}, in the order of the ids, as the approval transaction writes it. Returns how many.
     */
    public static int publishListed(Connection c, String store, String group, List<UUID> ids) throws SQLException {
        String sql = """
                insert into console.event_outbox (event_id, store_code, topic, event_type, payload, occurred_at)
                select gen_random_uuid(), ?, 'm4s.usedcar', 'UsedCarListed', jsonb_build_object(
                    'usedCarId', u.id, 'store', ?, 'group', ?, 'version', u.version, 'status', u.status,
                    'make', u.make, 'model', u.model, 'year', u.model_year, 'mileageKm', u.mileage_km,
                    'city', u.city, 'gearbox', u.gearbox, 'emissionStandard', u.emission_standard,
                    'colour', u.colour, 'askingPriceYuan', u.asking_price_yuan, 'photos', to_jsonb(u.photos),
                    'conditionReport', u.condition_report, 'submittedAt', %2$s, 'listedAt', %3$s, 'note', null),
                    now()
                from unnest(?::uuid[]) with ordinality as wanted(id, position)
                join %1$s.used_car u on u.id = wanted.id
                where u.status = 'LISTED'
                order by wanted.position
                """.formatted(schema(store), iso("u.submitted_at"), iso("u.listed_at"));
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, store);
            insert.setString(2, store);
            insert.setString(3, group);
            insert.setArray(4, c.createArrayOf("uuid", ids.toArray()));
            return insert.executeUpdate();
        }
    }

    /** An ISO-8601 UTC instant of a timestamptz column, as the services write {@code Instant}s. */
    private static String iso(String column) {
        return "to_char(" + column + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
    }

    /** A SQL text array literal; the values are this class's constants, never input. */
    private static String array(List<String> values) {
        return values.stream().map(v -> "'" + v.replace("'", "''") + "'")
                .collect(Collectors.joining(",", "array[", "]::text[]"));
    }

    /** A store's schema as the services name it ({@code Tenant.SCHEMA_PREFIX}, compiled in). */
    private static String schema(String store) {
        if (!store.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a store code: " + store);
        }
        return com.m4s.platform.tenancy.Tenant.SCHEMA_PREFIX + store;
    }
}
