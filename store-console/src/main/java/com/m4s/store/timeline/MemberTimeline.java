package com.m4s.store.timeline;

import com.m4s.platform.money.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member's timeline in one plain SQL statement (decisions 0021, 0042): a {@code union all} of one branch per kind
 * the caller may read and asked for, each row its time, kind, event, a key unique among all rows, the parameters the
 * client builds its sentence from, an amount or points and the id of what it links to; newest first, a keyset page
 * ({@code (at, key) < (:at, :key)}) since the stream has no page numbers. Runs in the caller's read-only transaction.
 */
@Component
class MemberTimeline {

    /** The branches, by kind. Each reads only the member's rows of its own tables (and the audit trail). */
    private static final Map<TimelineKind, String> BRANCHES = new EnumMap<>(TimelineKind.class);

    static {
        BRANCHES.put(TimelineKind.REPAIR_ORDER, """
                select o.settled_at as at, 'REPAIR_ORDER' as kind, o.status as event, 'R' || o.id::text as key,
                  jsonb_strip_nulls(jsonb_build_object('number', o.dms_number, 'plate', o.plate,
                    'advisor', o.advisor, 'refunded', (select sum(l.amount) from repair_order_line l
                      where l.order_id = o.id and l.refunded)::text)) as params,
                  (select sum(l.amount) from repair_order_line l where l.order_id = o.id) as amount,
                  (select min(l.currency) from repair_order_line l where l.order_id = o.id) as currency,
                  null::bigint as points, o.id as target
                from repair_order o where o.member_id = :member and o.status <> 'OPEN'""");
        // the lines of one repair order posted together (one settlement, one activation, one refund) are one row:
        // grouped by order, entry kind and the transaction that wrote them (the rows' xmin: entries are never
        // updated; grouping by second split an order whose lines were posted across a second's boundary); every
        // other entry is a row of its own
        BRANCHES.put(TimelineKind.POINTS, """
                select min(e.created_at) as at, 'POINTS' as kind, e.kind as event, 'P' || min(e.id::text) as key,
                  jsonb_strip_nulls(jsonb_build_object('source', e.source_type,
                    'ref', coalesce(o.dms_number, max(e.source_ref)), 'reason', max(e.reason))) as params,
                  null::numeric as amount, null as currency,
                  sum(case when e.kind = 'ACTIVATE' then -e.pending_delta
                    else e.available_delta + e.pending_delta - e.debt_delta end)::bigint as points,
                  coalesce(o.id, (array_agg(e.source_id))[1]) as target
                from points_entry e
                  left join repair_order_line l on e.source_type = 'REPAIR_ORDER_LINE' and l.id = e.source_id
                  left join repair_order o on o.id = l.order_id
                where e.member_id = :member
                group by e.kind, e.source_type, o.id, o.dms_number, case when o.id is null then e.id end,
                  e.xmin::text""");
        // status moves from the audit trail (decision 0006): the creation and every change of the status
        BRANCHES.put(TimelineKind.USED_CAR, """
                select a.occurred_at as at, 'USED_CAR' as kind,
                  coalesce(a.changes->'status'->>'after', 'SUBMITTED') as event, 'U' || a.id::text as key,
                  jsonb_strip_nulls(jsonb_build_object('make', u.make, 'model', u.model,
                    'year', u.model_year::text)) as params,
                  coalesce((a.changes->'soldPriceYuan'->>'after')::numeric,
                    (a.changes->'askingPriceYuan'->>'after')::numeric,
                    case when a.action = 'CREATE' then (a.changes->'priceWishYuan'->>'after')::numeric end) as amount,
                  'CNY' as currency, null::bigint as points, u.id as target
                from used_car u join audit_event a on a.entity_type = 'usedCar' and a.entity_id = u.id::text
                where u.member_id = :member and (a.action = 'CREATE' or a.changes->'status' is not null)""");
        BRANCHES.put(TimelineKind.CARD, """
                select s.created_at as at, 'CARD' as kind, s.kind as event, 'C' || s.id::text as key,
                  jsonb_strip_nulls(jsonb_build_object('from', coalesce(fl.name, s.from_level),
                    'to', coalesce(tl.name, s.to_level), 'number', s.new_number, 'reason', s.reason)) as params,
                  null::numeric as amount, null as currency, null::bigint as points, s.card_id as target
                from member_card_step s
                  left join card_level fl on fl.code = s.from_level
                  left join card_level tl on tl.code = s.to_level
                where s.card_id in (select c.id from member_card c where c.member_id = :member)""");
        // the text as the message log shows it (a secret's placeholder rather than the secret)
        BRANCHES.put(TimelineKind.MESSAGE, """
                select n.created_at as at, 'MESSAGE' as kind, n.status as event, 'M' || n.id::text as key,
                  jsonb_build_object('topic', n.topic, 'body', coalesce(n.log_body, n.body)) as params,
                  null::numeric as amount, null as currency, null::bigint as points, n.id as target
                from notification n where n.member_id = :member""");
        BRANCHES.put(TimelineKind.RATING, """
                select r.created_at as at, 'RATING' as kind, 'RATED' as event, 'S' || r.id::text as key,
                  jsonb_strip_nulls(jsonb_build_object('stars', r.stars::text, 'comment', r.comment,
                    'advisor', coalesce((select st.display_name from staff st where st.username = r.advisor),
                      r.advisor),
                    'number', (select o.dms_number from repair_order o where o.id = r.repair_order_id))) as params,
                  null::numeric as amount, null as currency, r.stars::bigint as points, r.repair_order_id as target
                from advisor_rating r where r.member_id = :member""");
        // bindings and moves from the audit trail: the binding row keeps only the advisor of now
        BRANCHES.put(TimelineKind.ADVISOR, """
                select a.occurred_at as at, 'ADVISOR' as kind,
                  case when a.changes->'advisor'->>'before' is null then 'BOUND' else 'MOVED' end as event,
                  'A' || a.id::text as key,
                  jsonb_strip_nulls(jsonb_build_object(
                    'advisor', coalesce((select st.display_name from staff st
                      where st.username = a.changes->'advisor'->>'after'), a.changes->'advisor'->>'after'),
                    'previous', coalesce((select st.display_name from staff st
                      where st.username = a.changes->'advisor'->>'before'), a.changes->'advisor'->>'before'),
                    'by', coalesce(a.actor_display_name, a.actor_name))) as params,
                  null::numeric as amount, null as currency, null::bigint as points, null::uuid as target
                from audit_event a where a.entity_type = 'advisorBinding' and a.entity_id = :memberText
                  and a.action in ('CREATE', 'UPDATE') and a.changes->'advisor' is not null""");
    }

    /** Where a page starts: after the row with this time and key (both from the last row of the previous page). */
    record Cursor(Instant at, String key) {

        static @Nullable Cursor parse(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            int bar = text.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("cursor");
            }
            return new Cursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
        }

        String text() {
            return at + "|" + key;
        }
    }

    record Row(Instant at, TimelineKind kind, String event, String key, Map<String, String> params,
            @Nullable Money amount, @Nullable Long points, @Nullable UUID target) {
    }

    record Page(List<Row> rows, @Nullable Cursor next) {
    }

    private static final TypeReference<LinkedHashMap<String, String>> PARAMS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MemberTimeline(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The SQL for these kinds (in the enum's order, so one text per set of kinds). */
    static String sql(Set<TimelineKind> kinds, boolean after) {
        String union = kinds.stream().sorted().map(BRANCHES::get).collect(Collectors.joining("\nunion all\n"));
        return "select t.at, t.kind, t.event, t.key, t.params::text as params, t.amount, t.currency, t.points,"
                + " t.target from (\n" + union + "\n) t"
                + (after ? " where (t.at, t.key) < (:at, :key)" : "")
                + " order by t.at desc, t.key desc limit :limit";
    }

    /** One page of the member's rows of these kinds, newest first; {@code next} when there may be more. */
    Page page(UUID member, Set<TimelineKind> kinds, @Nullable Cursor after, int size) {
        if (kinds.isEmpty()) {
            return new Page(List.of(), null);
        }
        var statement = jdbc.sql(sql(kinds, after != null)).param("member", member)
                .param("memberText", member.toString()).param("limit", size + 1);
        if (after != null) {
            statement = statement.param("at", after.at().atOffset(java.time.ZoneOffset.UTC)).param("key", after.key());
        }
        List<Row> rows = new ArrayList<>(statement.query((rs, n) -> row(rs)).list());
        Cursor next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            Row last = rows.getLast();
            next = new Cursor(last.at(), last.key());
        }
        return new Page(List.copyOf(rows), next);
    }

    private Row row(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp("at");
        BigDecimal amount = rs.getBigDecimal("amount");
        String currency = rs.getString("currency");
        long points = rs.getLong("points");
        Long pointsOrNull = rs.wasNull() ? null : points;
        String params = rs.getString("params");
        return new Row(at.toInstant(), TimelineKind.valueOf(rs.getString("kind")), rs.getString("event"),
                rs.getString("key"), params == null ? Map.of() : json.readValue(params, PARAMS),
                amount == null ? null : Money.of(amount, Currency.getInstance(currency == null ? "CNY" : currency)),
                pointsOrNull, rs.getObject("target", UUID.class));
    }
}
