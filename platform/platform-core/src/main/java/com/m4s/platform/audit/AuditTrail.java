package com.m4s.platform.audit;

import com.m4s.platform.web.PageResult;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the audit trail of the current schema (the current store's, or {@code admin}), newest first, through the
 * same tenant-switched connection as everything else. There is no way to write it but by changing data.
 */
public class AuditTrail {

    /** Optional filters; a null filter matches everything. */
    public record Filter(@Nullable String entityType, @Nullable String entityId, @Nullable String actor,
            AuditEntry.@Nullable Action action, @Nullable Instant from, @Nullable Instant to) {
    }

    private static final TypeReference<Map<String, Map<String, @Nullable Object>>> CHANGES = new TypeReference<>() {
    };

    @PersistenceContext
    private EntityManager entityManager;

    private final JsonMapper json;
    private final String table;

    public AuditTrail(JsonMapper json, @Nullable String schema) {
        this.json = json;
        this.table = schema == null || schema.isBlank() ? "audit_event" : schema + ".audit_event";
    }

    @Transactional(readOnly = true)
    public PageResult<AuditEntry> find(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        condition(where, args, "entity_type = ?", filter.entityType());
        condition(where, args, "entity_id = ?", filter.entityId());
        condition(where, args, "(actor_name = ? or actor_subject = ?)", filter.actor(), filter.actor());
        condition(where, args, "action = ?", filter.action() == null ? null : filter.action().name());
        condition(where, args, "occurred_at >= ?", filter.from() == null ? null : java.sql.Timestamp.from(filter.from()));
        condition(where, args, "occurred_at < ?", filter.to() == null ? null : java.sql.Timestamp.from(filter.to()));
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            long total;
            try (PreparedStatement count = connection.prepareStatement("select count(*) from " + table + where)) {
                bind(count, args);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select id, occurred_at, actor_subject,"
                    + " actor_name, actor_role, client_ip, action, entity_type, entity_id, changes::text, actor_display_name"
                    + " from " + table
                    + where + " order by occurred_at desc, id limit ? offset ?")) {
                bind(select, args);
                select.setInt(args.size() + 1, size);
                select.setLong(args.size() + 2, (long) page * size);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new AuditEntry(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                                rs.getString(3), rs.getString(4), rs.getString(11), rs.getString(5), rs.getString(6),
                                AuditEntry.Action.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9),
                                json.readValue(rs.getString(10), CHANGES)));
                    }
                }
            }
            return new PageResult<>(entries, page, size, total, (int) ((total + size - 1) / size));
        });
    }

    private static void condition(StringBuilder where, List<Object> args, String sql, @Nullable Object... values) {
        if (values.length > 0 && values[0] != null) {
            where.append(" and ").append(sql);
            for (Object v : values) {
                args.add(v);
            }
        }
    }

    private static void bind(PreparedStatement statement, List<Object> args) throws java.sql.SQLException {
        for (int i = 0; i < args.size(); i++) {
            statement.setObject(i + 1, args.get(i));
        }
    }
}
