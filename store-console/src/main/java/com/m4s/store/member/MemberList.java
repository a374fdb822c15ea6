package com.m4s.store.member;

import com.m4s.platform.web.Like;
import com.m4s.store.export.ExcelColumn;
import com.m4s.store.export.ExcelTable;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The member list and search (MEM-2) in plain SQL, one statement per page (decision 0021). A search reads the
 * candidates from the GIN indexes on {@code search_grams} (name and phone of the member, plate of a vehicle), then
 * checks each with LIKE, so it costs what the matches cost, not what the store holds.
 */
@Component
class MemberList {

    /** API sort keys and the columns behind them. */
    static final Map<String, String> SORTABLE = Map.of("name", "m.name", "createdAt", "m.created_at",
            "updatedAt", "m.updated_at", "phone", "m.phone");
    static final String TIE_BREAKER = "m.id";

    static final String COLUMNS = "m.id, m.name, m.phone, m.created_at,"
            + " array(select v.plate from vehicle v where v.member_id = m.id order by v.created_at) as plates";
    static final String ALL = "from member m";
    static final String MATCHING = "from member m where m.id in (select id from hits)";
    static final String MATCHING_COUNT = "select count(*) from hits";

    /** The member list as an Excel file: the columns the list shows. */
    static final ExcelTable<MemberViews.MemberSummary> EXPORT = ExcelTable.of("members",
            ExcelColumn.text("name", MemberViews.MemberSummary::name),
            ExcelColumn.text("phone", MemberViews.MemberSummary::phone),
            ExcelColumn.texts("plates", MemberViews.MemberSummary::plates),
            ExcelColumn.dateTime("createdAt", MemberViews.MemberSummary::createdAt));

    private final JdbcClient jdbc;

    MemberList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows an export reads from the database at a time. */
    static final int EXPORT_FETCH_SIZE = 500;

    /** The {@code with}, {@code from ... where}, count and parameters of a list: the same for a page and an export. */
    private record Filter(String with, String from, String count, Map<String, ?> parameters) {

        static Filter of(@Nullable String query) {
            if (Like.isBlank(query)) {
                return new Filter("", ALL, "select count(*) " + ALL, Map.of());
            }
            return new Filter(MemberSearch.HITS, MATCHING, MATCHING_COUNT, MemberSearch.parameters(query));
        }
    }

    /** Runs in the caller's transaction, on its store's connection. */
    PageResult<MemberViews.MemberSummary> page(@Nullable String query, SqlPage page) {
        Filter filter = Filter.of(query);
        return page.query(jdbc, filter.with(), COLUMNS, filter.from(), filter.count(), filter.parameters(),
                MemberList::summary);
    }

    /**
     * Every member the list would show for {@code query}, in {@code order}, handed to {@code sink} one at a time (an
     * export); runs in the caller's transaction. Returns how many.
     */
    long each(@Nullable String query, SqlPage order, Consumer<MemberViews.MemberSummary> sink) {
        Filter filter = Filter.of(query);
        return order.each(jdbc, filter.with(), COLUMNS, filter.from(), filter.parameters(), EXPORT_FETCH_SIZE,
                MemberList::summary, sink);
    }

    private static MemberViews.MemberSummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new MemberViews.MemberSummary(rs.getObject("id", java.util.UUID.class), rs.getString("name"),
                rs.getString("phone"), SqlPage.strings(rs, "plates"),
                rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
    }
}
