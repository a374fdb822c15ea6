package com.m4s.store.audit;

import com.m4s.platform.audit.AuditEntry;
import com.m4s.platform.audit.AuditQuery;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A store's audit trail as people read it, in plain SQL, one statement per page (decision 0021): each entry with the
 * actor's name (recorded with the change; for older entries the staff list's), the changed object's name and the
 * names of the members its changes refer to (decision 0027). The trail itself is written by the platform's audit
 * listener; this only reads it, with the store's own tables beside it.
 */
@Component
class AuditList {

    static final Map<String, String> SORTABLE = Map.of("occurredAt", "a.occurred_at");
    static final String TIE_BREAKER = "a.id";
    static final String NEWEST_FIRST = "occurredAt,desc";
    static final int DEFAULT_SIZE = 50;

    /** The name of the object an entry changed, by its type: now, or as the entry itself last had it. */
    static final String ENTITY_LABEL = """
            case a.entity_type
              when 'member' then coalesce((select m.name from member m where m.id = cast(a.entity_id as uuid)),
                a.changes->'name'->>'before', a.changes->'name'->>'after')
              when 'vehicle' then coalesce((select v.plate from vehicle v where v.id = cast(a.entity_id as uuid)),
                a.changes->'plate'->>'before', a.changes->'plate'->>'after')
              when 'usedCar' then (select u.make || ' ' || u.model || ' ' || u.model_year from used_car u
                where u.id = cast(a.entity_id as uuid))
              when 'staffMember' then coalesce((select s.display_name from staff s
                where s.id = cast(a.entity_id as uuid)), a.changes->'displayName'->>'before',
                a.changes->'displayName'->>'after')
              when 'ownerVerification' then coalesce((select o.phone from owner_verification o
                where o.id = cast(a.entity_id as uuid)), a.changes->'phone'->>'before', a.changes->'phone'->>'after')
              when 'notification' then (select n.recipient from notification n where n.id = cast(a.entity_id as uuid))
            end""";

    static final String COLUMNS = """
            a.id, a.occurred_at, a.actor_subject, a.actor_name, a.actor_role, a.client_ip, a.action, a.entity_type,
            a.entity_id, a.changes::text as changes,
            coalesce(a.actor_display_name, (select s.display_name from staff s where s.username = a.actor_name))
              as actor_display_name,
            (%s) as entity_label,
            -- fields whose value is a member's id: a vehicle's owner, a used car's seller, a text's recipient
            (select jsonb_object_agg(m.id::text, m.name) from member m where m.id in (
              select cast(r.v as uuid) from jsonb_each(a.changes) c,
                lateral (values (c.value->>'before'), (c.value->>'after')) r(v)
              where c.key in ('member', 'memberId') and r.v is not null))::text as linked_names"""
            .formatted(ENTITY_LABEL);

    static final String ACTORS = """
            select a.actor_subject,
              (array_agg(a.actor_name order by a.occurred_at desc))[1] as actor_name,
              coalesce((array_agg(a.actor_display_name order by a.occurred_at desc)
                filter (where a.actor_display_name is not null))[1],
                (select s.display_name from staff s
                  where s.username = (array_agg(a.actor_name order by a.occurred_at desc))[1])) as display_name,
              (array_agg(a.actor_role order by a.occurred_at desc))[1] as actor_role,
              count(*) as entries, max(a.occurred_at) as last_at
            from audit_event a group by a.actor_subject order by last_at desc limit :limit""";

    static final int MAX_ACTORS = 200;
    /** Rows an export reads from the database at a time. */
    static final int EXPORT_FETCH_SIZE = 500;

    private static final TypeReference<Map<String, Map<String, @Nullable Object>>> CHANGES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> NAMES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditList(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A page of the current store's trail, newest first, filtered as the query says. */
    @Transactional(readOnly = true)
    public PageResult<AuditRecord> page(AuditQuery query) {
        Filter filter = Filter.of(query);
        SqlPage page = SqlPage.of(query.page() == null ? 0 : query.page(),
                query.size() == null ? DEFAULT_SIZE : query.size(), NEWEST_FIRST, SORTABLE, TIE_BREAKER);
        return page.query(jdbc, COLUMNS, filter.from(), filter.parameters(), this::record);
    }

    /**
     * Every entry the list would show for the query's filters (its page and size aside), newest first, handed to
     * {@code sink} one at a time through a cursor (an export, decision 0024). Returns how many.
     */
    @Transactional(readOnly = true)
    public long each(AuditQuery query, Consumer<AuditRecord> sink) {
        Filter filter = Filter.of(query);
        return SqlPage.everyRow(NEWEST_FIRST, SORTABLE, TIE_BREAKER).each(jdbc, "", COLUMNS, filter.from(),
                filter.parameters(), EXPORT_FETCH_SIZE, this::record, sink);
    }

    /** The {@code from ... where} and parameters of the list's filters: the same for a page and an export. */
    private record Filter(String from, Map<String, Object> parameters) {

        static Filter of(AuditQuery query) {
            StringBuilder from = new StringBuilder("from audit_event a where true");
            Map<String, Object> parameters = new LinkedHashMap<>();
            condition(from, parameters, "a.entity_type = :entityType", "entityType", query.entityType());
            condition(from, parameters, "a.entity_id = :entityId", "entityId", query.entityId());
            condition(from, parameters, "(a.actor_subject = :actor or a.actor_name = :actor)", "actor", query.actor());
            condition(from, parameters, "a.action = :action", "action",
                    query.action() == null ? null : query.action().name());
            condition(from, parameters, "a.occurred_at >= :from", "from",
                    query.from() == null ? null : Timestamp.from(query.from()));
            condition(from, parameters, "a.occurred_at < :to", "to",
                    query.to() == null ? null : Timestamp.from(query.to()));
            return new Filter(from.toString(), parameters);
        }
    }

    /** Everyone who changed the store's data, the most recent first. */
    @Transactional(readOnly = true)
    public List<AuditActor> actors() {
        return jdbc.sql(ACTORS).param("limit", MAX_ACTORS).query((rs, row) -> new AuditActor(
                rs.getString("actor_subject"), rs.getString("actor_name"), rs.getString("display_name"),
                rs.getString("actor_role"), rs.getLong("entries"),
                rs.getObject("last_at", OffsetDateTime.class).toInstant())).list();
    }

    private static void condition(StringBuilder from, Map<String, Object> parameters, String sql, String name,
            @Nullable Object value) {
        if (value != null) {
            from.append(" and ").append(sql);
            parameters.put(name, value);
        }
    }

    private AuditRecord record(ResultSet rs, int row) throws SQLException {
        String linked = rs.getString("linked_names");
        return new AuditRecord(rs.getObject("id", UUID.class),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor_subject"),
                rs.getString("actor_name"), rs.getString("actor_display_name"), rs.getString("actor_role"),
                rs.getString("client_ip"), AuditEntry.Action.valueOf(rs.getString("action")),
                rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("entity_label"),
                json.readValue(rs.getString("changes"), CHANGES),
                linked == null ? Map.of() : json.readValue(linked, NAMES));
    }
}
