package com.m4s.store.segment;

import com.m4s.platform.web.Like;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.export.ExcelColumn;
import com.m4s.store.export.ExcelTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Segments and their members in plain SQL (decision 0021). A segment's members are one statement: {@code from member
 * m where <the rules' condition>} ({@link SegmentRules#where}), with its count as the page's sub-select, so a count is
 * always what the data says now. Runs in the caller's transaction, on its store's connection.
 */
@Component
class SegmentQuery {

    static final Map<String, String> SORTABLE = Map.of("name", "s.name", "createdAt", "s.created_at",
            "updatedAt", "s.updated_at");
    static final String TIE_BREAKER = "s.id";
    static final String COLUMNS = "s.id, s.name, s.rules, s.created_by, s.created_at, s.updated_at, s.version";

    static final Map<String, String> MEMBER_SORTABLE = Map.of("name", "m.name", "phone", "m.phone",
            "createdAt", "m.created_at", "points", "points", "lastVisitAt", "last_visit_at");
    static final String MEMBER_TIE_BREAKER = "m.id";
    static final String MEMBER_COLUMNS = "m.id, m.name, m.phone, m.created_at,"
            + " array(select v.plate from vehicle v where v.member_id = m.id order by v.created_at) as plates,"
            + " (select l.name from member_card c join card_level l on l.id = c.level_id where c.member_id = m.id"
            + " and c.status = 'ACTIVE' order by l.rank desc limit 1) as card_level,"
            + " coalesce((select b.available from points_balance b where b.id = m.id), 0) as points,"
            + " (select max(o.opened_at) from repair_order o where o.member_id = m.id) as last_visit_at,"
            + " array(select n.name from member_tag t join member_tag_name n on n.id = t.tag_id"
            + " where t.member_id = m.id order by n.name) as tags";

    /** A segment's members as an Excel file: what the preview shows. */
    static final ExcelTable<SegmentViews.SegmentMemberView> MEMBER_EXPORT = ExcelTable.of("segmentMembers",
            ExcelColumn.text("name", SegmentViews.SegmentMemberView::name),
            ExcelColumn.text("phone", SegmentViews.SegmentMemberView::phone),
            ExcelColumn.texts("plates", SegmentViews.SegmentMemberView::plates),
            ExcelColumn.text("cardLevel", SegmentViews.SegmentMemberView::cardLevel),
            ExcelColumn.integer("points", SegmentViews.SegmentMemberView::points),
            ExcelColumn.dateTime("lastVisitAt", SegmentViews.SegmentMemberView::lastVisitAt),
            ExcelColumn.texts("tags", SegmentViews.SegmentMemberView::tags));

    /** The list of segments as an Excel file. */
    static final ExcelTable<SegmentViews.SegmentView> EXPORT = ExcelTable.of("segments",
            ExcelColumn.text("name", SegmentViews.SegmentView::name),
            ExcelColumn.integer("members", SegmentViews.SegmentView::members),
            ExcelColumn.text("createdBy", SegmentViews.SegmentView::createdBy),
            ExcelColumn.dateTime("updatedAt", SegmentViews.SegmentView::updatedAt));

    static final int EXPORT_FETCH_SIZE = 500;

    /** A stored segment row (its rules still JSON). */
    record Row(UUID id, String name, String rules, String createdBy, java.time.Instant createdAt,
            java.time.Instant updatedAt, long version) {
    }

    private final JdbcClient jdbc;

    SegmentQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Filter(String from, Map<String, ?> parameters) {
        static Filter of(@Nullable String query) {
            if (Like.isBlank(query)) {
                return new Filter("from member_segment s", Map.of());
            }
            return new Filter("from member_segment s where lower(s.name) like :text escape '\\'",
                    Map.of("text", Like.contains(query)));
        }
    }

    PageResult<Row> page(@Nullable String query, SqlPage page) {
        Filter filter = Filter.of(query);
        return page.query(jdbc, COLUMNS, filter.from(), filter.parameters(), SegmentQuery::row);
    }

    long each(@Nullable String query, SqlPage order, Consumer<Row> sink) {
        Filter filter = Filter.of(query);
        return order.each(jdbc, "", COLUMNS, filter.from(), filter.parameters(), EXPORT_FETCH_SIZE,
                SegmentQuery::row, sink);
    }

    /** How many members match the condition now. */
    long count(SegmentRules.Where where) {
        return jdbc.sql("select count(*) from member m where " + where.sql()).params(where.parameters())
                .query(Long.class).single();
    }

    PageResult<SegmentViews.SegmentMemberView> members(SegmentRules.Where where, SqlPage page) {
        return page.query(jdbc, MEMBER_COLUMNS, "from member m where " + where.sql(), where.parameters(),
                SegmentQuery::member);
    }

    long eachMember(SegmentRules.Where where, SqlPage order, Consumer<SegmentViews.SegmentMemberView> sink) {
        return order.each(jdbc, "", MEMBER_COLUMNS, "from member m where " + where.sql(), where.parameters(),
                EXPORT_FETCH_SIZE, SegmentQuery::member, sink);
    }

    /** The ids of the members matching the condition, in id order; at most {@code limit}. */
    List<UUID> memberIds(SegmentRules.Where where, int limit) {
        Map<String, Object> parameters = new HashMap<>(where.parameters());
        parameters.put("limit_", limit);
        return jdbc.sql("select m.id from member m where " + where.sql() + " order by m.id limit :limit_")
                .params(parameters).query(UUID.class).list();
    }

    /** The store's tags with how many members have each, by name. */
    List<SegmentViews.TagView> tags() {
        return jdbc.sql("select n.id, n.name, (select count(*) from member_tag t where t.tag_id = n.id) as members"
                + " from member_tag_name n order by n.name").query((rs, i) -> new SegmentViews.TagView(
                        rs.getObject("id", UUID.class), rs.getString("name"), rs.getLong("members"))).list();
    }

    /** A member's tags by name. */
    List<String> memberTags(UUID member) {
        return jdbc.sql("select n.name from member_tag t join member_tag_name n on n.id = t.tag_id"
                + " where t.member_id = :member order by n.name").param("member", member).query(String.class).list();
    }

    /** Whether the member exists. */
    boolean memberExists(UUID member) {
        return jdbc.sql("select exists (select 1 from member where id = :member)").param("member", member)
                .query(Boolean.class).single();
    }

    /** The store's card level codes. */
    List<String> levelCodes() {
        return jdbc.sql("select code from card_level").query(String.class).list();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("rules"),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getLong("version"));
    }

    private static SegmentViews.SegmentMemberView member(ResultSet rs, int i) throws SQLException {
        OffsetDateTime lastVisit = rs.getObject("last_visit_at", OffsetDateTime.class);
        return new SegmentViews.SegmentMemberView(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getString("phone"), SqlPage.strings(rs, "plates"), rs.getString("card_level"),
                rs.getLong("points"), lastVisit == null ? null : lastVisit.toInstant(), SqlPage.strings(rs, "tags"));
    }
}
