package com.m4s.store.notification;

import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of the inbox in plain SQL (decision 0021): a page is one statement, the unread count another (served by a
 * partial index). Writes go through {@link InboxItem}, so they are audited. Runs in the caller's transaction, on its
 * store's connection.
 */
@Component
class InboxMessages {

    /** A row as stored: the text is rendered in the reader's language by {@link Notifications}. */
    record Row(UUID id, String kind, String[] arguments, @Nullable String link, Instant createdAt,
            @Nullable Instant readAt) {
    }

    private static final Map<String, String> SORTABLE = Map.of("createdAt", "m.created_at");
    private static final String COLUMNS = "m.id, m.kind, m.arguments, m.link, m.created_at, m.read_at";
    private static final String FROM = "from inbox_message m where m.recipient = :recipient";

    private final JdbcClient jdbc;

    InboxMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The recipient's messages, newest first. */
    PageResult<Row> page(String recipient, int page, int size) {
        SqlPage order = SqlPage.of(page, size, "createdAt,desc", SORTABLE, "m.id");
        return order.query(jdbc, COLUMNS, FROM, Map.of("recipient", recipient), InboxMessages::row);
    }

    long unread(String recipient) {
        return jdbc.sql("select count(*) from inbox_message where recipient = :recipient and read_at is null")
                .param("recipient", recipient).query(Long.class).single();
    }

    private static Row row(ResultSet rs, int index) throws SQLException {
        OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
        return new Row(rs.getObject("id", UUID.class), rs.getString("kind"),
                SqlPage.strings(rs, "arguments").toArray(String[]::new), rs.getString("link"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), read == null ? null : read.toInstant());
    }
}
