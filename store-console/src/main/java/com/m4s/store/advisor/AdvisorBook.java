package com.m4s.store.advisor;

import com.m4s.platform.web.Like;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
    static final String MATCHING_IDS = """
            with hits as materialized (
              select id from member where search_grams @> string_to_array(:grams, ' ')
                and (lower(name) like :text escape '\\' or phone like :text escape '\\')
              union
              select member_id from vehicle where search_grams @> string_to_array(:plateGrams, ' ')
                and plate like :plate escape '\\')""";
    static final String MATCHING = ALL + " and c.id in (select id from hits)";

    private final JdbcClient jdbc;

    AdvisorBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the advisor's customers, those matching {@code query} when one is given. */
    @Transactional(readOnly = true)
    public PageResult<AdvisorViews.AdvisorCustomer> page(String advisor, @Nullable String query, SqlPage page) {
        if (Like.isBlank(query)) {
            return page.query(jdbc, "", COLUMNS, ALL, "select count(*) from advisor_customer c"
                    + " where c.advisor = :advisor", Map.of("advisor", advisor), AdvisorBook::row);
        }
        String plate = plate(query);
        return page.query(jdbc, MATCHING_IDS, COLUMNS, MATCHING, "select count(*) from advisor_customer c"
                + " where c.advisor = :advisor and c.id in (select id from hits)", Map.of("advisor", advisor,
                "grams", Like.grams(query), "text", Like.contains(query), "plateGrams", Like.grams(plate),
                "plate", Like.contains(plate).toUpperCase(Locale.ROOT)), AdvisorBook::row);
    }

    /** A plate as vehicles keep it: upper case, without spaces (as the member list searches). */
    private static String plate(String query) {
        return query.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    private static AdvisorViews.AdvisorCustomer row(ResultSet rs, int n) throws SQLException {
        return new AdvisorViews.AdvisorCustomer(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getString("phone"), SqlPage.strings(rs, "plates"),
                rs.getObject("bound_at", OffsetDateTime.class).toInstant());
    }
}
