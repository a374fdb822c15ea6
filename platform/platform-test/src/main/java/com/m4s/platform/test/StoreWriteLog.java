package com.m4s.platform.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test databases only: every row a service writes in a store schema is noted by a database trigger, so a test can
 * check that each such write has its entry in the store's audit trail, whatever code path made it (Hibernate or
 * not). An event trigger attaches the row trigger to every table created in a {@code store_*} schema; writes made
 * by the test itself (its own connections, which never switch to a store's role) are not noted, nor are updates that
 * only touch {@code version}/{@code updated_at} (the audit trail leaves those out by design).
 */
public final class StoreWriteLog {

    /** A noted write that the store's audit trail does not have. */
    public record Write(String schema, String table, String operation, String rowId) {
        @Override
        public String toString() {
            return operation + " " + schema + "." + table + " id=" + rowId;
        }
    }

    /**
     * The trail itself, Liquibase's books, kept answers to Idempotency-Key requests (the change they made is audited),
     * the progress records of DMS file imports (the orders and members an import makes are audited; decision 0030),
     * and the record of Stripe events received (the payments they move are audited; decision 0046).
     */
    private static final Set<String> NOT_AUDITED = Set.of("audit_event", "databasechangelog", "databasechangeloglock",
            "idempotency_record", "repair_order_import", "repair_order_import_rejection", "payment_webhook");
    private static final List<TestPostgres.Database> DATABASES = new CopyOnWriteArrayList<>();

    private StoreWriteLog() {
    }

    /** Installs the log in a fresh test database (needs a superuser, as test servers have). */
    static void install(TestPostgres.Database database) {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("create schema m4s_test");
            s.execute("grant usage on schema m4s_test to public");
            s.execute("""
                    create table m4s_test.write_log (
                        id bigserial primary key, schema_name text not null, table_name text not null,
                        operation text not null, row_id text, tx bigint not null)""");
            s.execute("grant insert on m4s_test.write_log to public");
            s.execute("grant usage on sequence m4s_test.write_log_id_seq to public");
            s.execute("""
                    create function m4s_test.log_write() returns trigger language plpgsql as $$
                    declare
                        changed int;
                    begin
                        if current_user = session_user then
                            return null; -- the test's own connection, not a service acting as a store
                        end if;
                        if tg_op = 'UPDATE' then
                            select count(*) into changed from jsonb_each(to_jsonb(new)) n
                             where n.key not in ('version', 'updated_at') and n.value is distinct from (to_jsonb(old) -> n.key);
                            if changed = 0 then
                                return null;
                            end if;
                        end if;
                        insert into m4s_test.write_log (schema_name, table_name, operation, row_id, tx)
                        values (tg_table_schema, tg_table_name, tg_op,
                                case when tg_op = 'DELETE' then to_jsonb(old) ->> 'id' else to_jsonb(new) ->> 'id' end,
                                txid_current());
                        return null;
                    end $$""");
            s.execute("""
                    create function m4s_test.attach_write_log() returns event_trigger language plpgsql as $$
                    declare
                        r record;
                    begin
                        for r in select * from pg_event_trigger_ddl_commands()
                                 where command_tag = 'CREATE TABLE' and schema_name like 'store\\_%%' loop
                            if split_part(r.object_identity, '.', 2) not in (%s) then
                                execute format('create trigger m4s_test_write_log after insert or update or delete on %%s'
                                    || ' for each row execute function m4s_test.log_write()', r.object_identity);
                            end if;
                        end loop;
                    end $$""".formatted(String.join(", ", NOT_AUDITED.stream().map(t -> "'" + t + "'").toList())));
            s.execute("create event trigger m4s_test_write_log on ddl_command_end when tag in ('CREATE TABLE')"
                    + " execute function m4s_test.attach_write_log()");
        } catch (SQLException e) {
            throw new IllegalStateException("could not install the store write log", e);
        }
        DATABASES.add(database);
    }

    /**
     * The writes noted since the last call, in every test database of this JVM, that have no audit entry (same row
     * id and action) in their store's trail. The noted writes are forgotten afterwards, so each call reports only
     * what happened since the one before.
     */
    public static List<Write> unaudited() {
        return unaudited(Set.of());
    }

    /**
     * As {@link #unaudited()}, where a write in one of the {@code derived} tables (rows a ledger keeps from its
     * entries, {@code com.m4s.platform.audit.Derived}) counts as audited when its own transaction wrote a row of
     * another table that has its audit entry: the ledger entry that caused it.
     */
    public static List<Write> unaudited(Set<String> derived) {
        List<Write> missing = new ArrayList<>();
        for (TestPostgres.Database database : DATABASES) {
            try (Connection c = database.connect()) {
                missing.addAll(unaudited(c, derived));
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the store write log of " + database.url(), e);
            }
        }
        return missing;
    }

    private static List<Write> unaudited(Connection c, Set<String> derived) throws SQLException {
        long last;
        List<String> schemas = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select coalesce(max(id), 0), array_agg(distinct schema_name)"
                        + " from m4s_test.write_log")) {
            rs.next();
            last = rs.getLong(1);
            if (rs.getArray(2) != null) {
                schemas.addAll(List.of((String[]) rs.getArray(2).getArray()));
            }
        }
        List<Write> missing = new ArrayList<>();
        for (String schema : schemas) {
            if (!exists(c, schema)) {
                continue; // a store dropped by its test: nothing left to compare with
            }
            try (PreparedStatement q = c.prepareStatement("""
                    select w.schema_name, w.table_name, w.operation, w.row_id from m4s_test.write_log w
                    where w.id <= ? and w.schema_name = ? and not exists (
                        select 1 from "%1$s".audit_event a where a.entity_id = w.row_id
                           and a.action = case w.operation when 'INSERT' then 'CREATE' else w.operation end)
                      and not (w.table_name = any (?) and exists (
                        select 1 from m4s_test.write_log e join "%1$s".audit_event a on a.entity_id = e.row_id
                           and a.action = case e.operation when 'INSERT' then 'CREATE' else e.operation end
                         where e.tx = w.tx and e.schema_name = w.schema_name and e.id <= ?
                           and not (e.table_name = any (?))))
                    order by w.id""".formatted(schema))) {
                java.sql.Array tables = c.createArrayOf("text", derived.toArray());
                q.setLong(1, last);
                q.setString(2, schema);
                q.setArray(3, tables);
                q.setLong(4, last);
                q.setArray(5, tables);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        missing.add(new Write(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
        }
        try (PreparedStatement d = c.prepareStatement("delete from m4s_test.write_log where id <= ?")) {
            d.setLong(1, last);
            d.executeUpdate();
        }
        return missing;
    }

    private static boolean exists(Connection c, String schema) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "select 1 from information_schema.tables where table_schema = ? and table_name = 'audit_event'")) {
            q.setString(1, schema);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }
}
