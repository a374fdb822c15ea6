package com.m4s.store.wallet;

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

/** A member's wallet entries in plain SQL, one statement per page (decision 0021). */
@Component
public class WalletHistory {

    /**
     * An entry as staff and the owner see it, in fen: what moved, how, what for; {@code refundable}: what is left to
     * refund of a spend, or what a desk top-up still holds to undo (0 for other kinds, and for a top-up paid online,
     * which is refunded through its payment).
     */
    public record WalletEntryView(UUID id, WalletEntryKind kind, long principalDelta, long bonusDelta,
            @Nullable PaymentMethod method, WalletSourceType sourceType, @Nullable UUID sourceId,
            @Nullable String sourceRef, @Nullable UUID refundOf, @Nullable String reason, long refundable,
            String createdBy, Instant createdAt) {
    }

    static final Map<String, String> SORTABLE = Map.of("createdAt", "e.created_at");
    static final String TIE_BREAKER = "e.id";

    private static final String COLUMNS = "e.id, e.kind, e.principal_delta, e.bonus_delta, e.method, e.source_type,"
            + " e.source_id, e.source_ref, e.refund_of, e.reason, e.created_by, e.created_at, case when e.kind ="
            + " 'SPEND' then -(e.principal_delta + e.bonus_delta) - coalesce((select sum(r.principal_delta"
            + " + r.bonus_delta) from wallet_entry r where r.refund_of = e.id), 0) when e.kind = 'TOP_UP' and"
            + " e.source_type <> 'ONLINE_TOP_UP' and not exists (select 1 from wallet_entry r where r.refund_of = e.id) then e.principal_delta + e.bonus_delta"
            + " else 0 end refundable";
    private static final String FROM = "from wallet_entry e where e.member_id = :member";

    private final JdbcClient jdbc;

    WalletHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs in the caller's transaction. */
    PageResult<WalletEntryView> page(UUID member, SqlPage page) {
        return page.query(jdbc, COLUMNS, FROM, Map.of("member", member), WalletHistory::row);
    }

    private static WalletEntryView row(ResultSet rs, int row) throws SQLException {
        String method = rs.getString("method");
        return new WalletEntryView(rs.getObject("id", UUID.class), WalletEntryKind.valueOf(rs.getString("kind")),
                rs.getLong("principal_delta"), rs.getLong("bonus_delta"),
                method == null ? null : PaymentMethod.valueOf(method),
                WalletSourceType.valueOf(rs.getString("source_type")), rs.getObject("source_id", UUID.class),
                rs.getString("source_ref"), rs.getObject("refund_of", UUID.class), rs.getString("reason"),
                rs.getLong("refundable"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
