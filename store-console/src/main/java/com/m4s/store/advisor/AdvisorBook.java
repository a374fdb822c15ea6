package com.m4s.store.advisor;

import com.m4s.platform.web.Like;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.export.ExcelColumn;
import com.m4s.store.export.ExcelTable;
import com.m4s.store.member.MemberSearch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An advisor's book: the members bound to them now, in plain SQL, one statement per page (decision 0021), searched
 * like the member list (name, phone or a plate, from the same GIN indexes on {@code search_grams}), for the page that
 * moves customers between advisors.
 */
@Component
class AdvisorBook {

    static final Map<String, String> SORTABLE = Map.of("name", "m.name", "phone", "m.phone", "boundAt",
            "c.bound_at");
    static final String TIE_BREAKER = "m.id";

    static final String COLUMNS = "m.id, m.name, m.phone, c.bound_at,"
            + " array(select v.plate from vehicle v where v.member_id = m.id order by v.created_at) as plates";
    static final String ALL = "from advisor_customer c join member m on m.id = c.id where c.advisor = :advisor";
    static final String MATCHING = ALL + " and c.id in (select id from hits)";

    /** The book as an Excel file: the columns the page shows. */
    static final ExcelTable<AdvisorViews.AdvisorCustomer> EXPORT = ExcelTable.of("advisorBook",
            ExcelColumn.text("name", AdvisorViews.AdvisorCustomer::name),
            ExcelColumn.text("phone", AdvisorViews.AdvisorCustomer::phone),
            ExcelColumn.texts("plates", AdvisorViews.AdvisorCustomer::plates),
            ExcelColumn.dateTime("boundAt", AdvisorViews.AdvisorCustomer::boundAt));

    private final JdbcClient jdbc;

    AdvisorBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The {@code with}, {@code from ... where}, count and parameters of the book: the same for a page and an export. */
    private record Filter(String with, String from, String count, Map<String, ?> parameters) {

        static Filter of(String advisor, @Nullable String query) {
            if (Like.isBlank(query)) {
                return new Filter("", ALL, "select count(*) from advisor_customer c where c.advisor = :advisor",
                        Map.of("advisor", advisor));
            }
            Map<String, Object> parameters = new HashMap<>(MemberSearch.parameters(query));
            parameters.put("advisor", advisor);
            return new Filter(MemberSearch.HITS, MATCHING, "select count(*) from advisor_customer c"
                    + " where c.advisor = :advisor and c.id in (select id from hits)", parameters);
        }
    }

    /** A page of the advisor's customers, those matching {@code query} when one is given. */
    @Transactional(readOnly = true)
    public PageResult<AdvisorViews.AdvisorCustomer> page(String advisor, @Nullable String query, SqlPage page) {
        Filter filter = Filter.of(advisor, query);
        return page.query(jdbc, filter.with(), COLUMNS, filter.from(), filter.count(), filter.parameters(),
                AdvisorBook::row);
    }

    /** Every customer the page would show for {@code query}, in {@code order}, one at a time (an export). */
    @Transactional(readOnly = true)
    public long each(String advisor, @Nullable String query, SqlPage order,
            Consumer<AdvisorViews.AdvisorCustomer> sink) {
        Filter filter = Filter.of(advisor, query);
        return order.each(jdbc, filter.with(), COLUMNS, filter.from(), filter.parameters(), 500, AdvisorBook::row,
                sink);
    }

    /** A plate as vehicles keep it: upper case, without spaces (as the member list searches). */
    private static AdvisorViews.AdvisorCustomer row(ResultSet rs, int n) throws SQLException {
        return new AdvisorViews.AdvisorCustomer(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getString("phone"), SqlPage.strings(rs, "plates"),
                rs.getObject("bound_at", OffsetDateTime.class).toInstant());
    }
}
