package com.m4s.infra.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Grows a store to many members for the second measurement of part 3: members {@code from..to-1} of
 * {@link BenchMembers}, one vehicle each, with exactly the values creating them through the API would store, written
 * straight into the store's {@code member} and {@code vehicle} tables (5,000 members per transaction), then
 * {@code analyze}d. Through the gateway, 100,000 members would take most of an hour; the read path is what is
 * measured at that size, not the write path. The stored generated columns ({@code search_grams}) are computed by
 * PostgreSQL as for any insert.
 */
final class MemberBulkLoader {

    static final int BATCH = 5_000;

    private MemberBulkLoader() {
    }

    /**
     * Adds members {@code from..to-1}, created one microsecond apart after the members already there (so the newest
     * first order is that of {@code n}, as after loading through the API), and returns how long it took, the
     * {@code analyze} included.
     */
    static Duration grow(Connection c, String store, int from, int to) throws SQLException {
        String schema = schema(store);
        String members = """
                insert into %s.member (id, name, phone, birthday, source, notes, created_at, updated_at, version)
                select r.id, r.name, r.phone, null, ?, null, t.at, t.at, 0
                from unnest(?::uuid[], ?::text[], ?::text[], ?::int[]) as r(id, name, phone, n)
                cross join lateral (select ?::timestamptz + (r.n - ?) * interval '1 microsecond' as at) t
                """.formatted(schema);
        String vehicles = """
                insert into %s.vehicle (id, member_id, plate, vin, model, purchase_date, mileage_km, created_at,
                    updated_at, version)
                select gen_random_uuid(), r.member_id, r.plate, r.vin, r.model, r.purchase_date::date, r.mileage_km,
                    t.at, t.at, 0
                from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[])
                    as r(member_id, plate, vin, model, purchase_date, mileage_km, n)
                cross join lateral (select ?::timestamptz + (r.n - ?) * interval '1 microsecond' as at) t
                """.formatted(schema);
        long start = System.nanoTime();
        OffsetDateTime base = OffsetDateTime.now(ZoneOffset.UTC);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement insertMembers = c.prepareStatement(members);
                PreparedStatement insertVehicles = c.prepareStatement(vehicles)) {
            for (int batchStart = from; batchStart < to; batchStart += BATCH) {
                int size = Math.min(BATCH, to - batchStart);
                Batch batch = Batch.of(batchStart, size);
                int i = 1;
                insertMembers.setString(i++, batch.source());
                insertMembers.setArray(i++, c.createArrayOf("uuid", batch.ids()));
                insertMembers.setArray(i++, c.createArrayOf("text", batch.names()));
                insertMembers.setArray(i++, c.createArrayOf("text", batch.phones()));
                insertMembers.setArray(i++, c.createArrayOf("int4", batch.ns()));
                insertMembers.setObject(i++, base);
                insertMembers.setInt(i, from);
                insertMembers.executeUpdate();
                i = 1;
                insertVehicles.setArray(i++, c.createArrayOf("uuid", batch.ids()));
                insertVehicles.setArray(i++, c.createArrayOf("text", batch.plates()));
                insertVehicles.setArray(i++, c.createArrayOf("text", batch.vins()));
                insertVehicles.setArray(i++, c.createArrayOf("text", batch.models()));
                insertVehicles.setArray(i++, c.createArrayOf("text", batch.purchaseDates()));
                insertVehicles.setArray(i++, c.createArrayOf("int4", batch.mileages()));
                insertVehicles.setArray(i++, c.createArrayOf("int4", batch.ns()));
                insertVehicles.setObject(i++, base);
                insertVehicles.setInt(i, from);
                insertVehicles.executeUpdate();
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        try (Statement s = c.createStatement()) {
            s.execute("analyze " + schema + ".member");
            s.execute("analyze " + schema + ".vehicle");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Members {@code n..n+size-1} as {@link BenchMembers#newMember} describes them, column by column. */
    private record Batch(String source, UUID[] ids, String[] names, String[] phones, Integer[] ns, String[] plates,
            String[] vins, String[] models, String[] purchaseDates, Integer[] mileages) {

        @SuppressWarnings("unchecked")
        static Batch of(int first, int size) {
            UUID[] ids = new UUID[size];
            String[] names = new String[size];
            String[] phones = new String[size];
            Integer[] ns = new Integer[size];
            String[] plates = new String[size];
            String[] vins = new String[size];
            String[] models = new String[size];
            String[] purchaseDates = new String[size];
            Integer[] mileages = new Integer[size];
            String source = null;
            for (int k = 0; k < size; k++) {
                int n = first + k;
                Map<String, Object> member = BenchMembers.newMember(n);
                Map<String, Object> profile = (Map<String, Object>) member.get("profile");
                List<Map<String, Object>> vehicles = (List<Map<String, Object>>) member.get("vehicles");
                String memberSource = (String) profile.get("source");
                if (vehicles.size() != 1 || (source != null && !source.equals(memberSource))) {
                    throw new IllegalStateException("bulk loading writes one vehicle per member and one source for"
                            + " all; member " + n + " does not fit: " + member);
                }
                source = memberSource;
                Map<String, Object> vehicle = vehicles.getFirst();
                ids[k] = UUID.randomUUID();
                // what the service stores: text stripped, plate and VIN without white space and in upper case
                names[k] = ((String) profile.get("name")).strip();
                phones[k] = ((String) profile.get("phone")).strip();
                ns[k] = n;
                plates[k] = normalize((String) vehicle.get("plate"));
                vins[k] = normalize((String) vehicle.get("vin"));
                models[k] = ((String) vehicle.get("model")).strip();
                purchaseDates[k] = (String) vehicle.get("purchaseDate");
                mileages[k] = (Integer) vehicle.get("mileageKm");
            }
            return new Batch(source, ids, names, phones, ns, plates, vins, models, purchaseDates, mileages);
        }

        private static String normalize(String value) {
            return value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        }
    }

    /** A store's schema as the services name it ({@code Tenant.SCHEMA_PREFIX}, compiled in). */
    private static String schema(String store) {
        if (!store.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a store code: " + store);
        }
        return com.m4s.platform.tenancy.Tenant.SCHEMA_PREFIX + store;
    }
}
