package com.m4s.infra.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The member list and search of store-console as the very statement the service runs (its {@code MemberList} through
 * {@code SqlPage.query}): one statement per page that returns the page's members, each with its plates, and the
 * total. It runs on one JDBC connection that switched to the store's schema once when it was opened, so it is the
 * floor the service's figures are compared with; the service adds a transaction, switching to the store's role and
 * schema per request, the connection pool, JSON and HTTP.
 */
final class SqlMemberQueries implements AutoCloseable {

    static final int PAGE_SIZE = 20;
    private static final int TIMEOUT_SECONDS = 30;
    /** The service's select list: a member and its plates, oldest vehicle first. */
    private static final String COLUMNS = "m.id, m.name, m.phone, m.created_at,"
            + " array(select v.plate from vehicle v where v.member_id = m.id order by v.created_at) as plates";
    private static final String ALL = "from member m";
    /**
     * Name contains the text (any case), phone contains it, or one of the member's plates contains it: candidates
     * from the GIN indexes on {@code search_grams}, each checked with LIKE, found once (a materialized with clause)
     * for the page and the count. Parameters: grams, text, text, plate grams, plate.
     */
    private static final String MATCHING_IDS = """
            with hits as materialized (
              select id from member where search_grams @> string_to_array(?, ' ')
                and (lower(name) like ? escape '\\' or phone like ? escape '\\')
              union
              select member_id from vehicle where search_grams @> string_to_array(?, ' ')
                and plate like ? escape '\\')""";
    private static final String MATCHING = "from member m where m.id in (select id from hits)";
    private static final String TOTAL = "page_total_";

    /** One page: the members' ids in order, the total and how many plates the page's members have. */
    record Page(List<UUID> ids, long total, int plates) {
    }

    private final Connection connection;
    private final PreparedStatement listPage;
    private final PreparedStatement searchPage;

    /** Takes over the connection and switches it to the store's schema, once. */
    SqlMemberQueries(Connection connection, String storeCode) throws SQLException {
        this.connection = connection;
        if (!storeCode.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a store code: " + storeCode);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("set search_path to " + com.m4s.platform.tenancy.Tenant.SCHEMA_PREFIX + storeCode);
        }
        listPage = prepare(firstPage("", ALL, "select count(*) " + ALL));
        searchPage = prepare(firstPage(MATCHING_IDS, MATCHING, "select count(*) from hits"));
    }

    /** {@code SqlPage.query}'s statement for the first page, newest first, the total as an uncorrelated sub-select. */
    static String firstPage(String with, String from, String count) {
        return with + " select " + COLUMNS + ", (" + count + ") as " + TOTAL + " " + from
                + " order by m.created_at desc, m.id limit " + PAGE_SIZE + " offset 0";
    }

    /** The first page of all members, newest first. */
    Page list() throws SQLException {
        return page(listPage);
    }

    /** The first page of the members matching {@code text}, newest first. */
    Page search(String text) throws SQLException {
        String plateText = text.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        String[] values = {grams(text), likeContains(text), likeContains(text), grams(plateText),
                likeContains(plateText).toUpperCase(Locale.ROOT)};
        for (int i = 0; i < values.length; i++) {
            searchPage.setString(i + 1, values[i]);
        }
        return page(searchPage);
    }

    private static Page page(PreparedStatement page) throws SQLException {
        List<UUID> ids = new ArrayList<>(PAGE_SIZE);
        long total = 0;
        int plates = 0;
        try (ResultSet rs = page.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject("id", UUID.class));
                rs.getString("name");
                rs.getString("phone");
                rs.getObject("created_at", java.time.OffsetDateTime.class);
                Array array = rs.getArray("plates");
                if (array != null) {
                    plates += ((String[]) array.getArray()).length;
                    array.free();
                }
                total = rs.getLong(TOTAL);
            }
        }
        // an empty first page: the total is 0, as the service answers without a second statement
        return new Page(ids, total, plates);
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(TIMEOUT_SECONDS);
        return statement;
    }

    /** {@code %text%} of the stripped, lower-cased text, %, _ and \ matching literally, as {@code Like.contains}. */
    static String likeContains(String text) {
        String q = text.strip().toLowerCase(Locale.ROOT);
        return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * The grams a text must hold to contain {@code text}, space-separated, as {@code Like.grams}: of the stripped,
     * lower-cased text, the character itself for one character, else every pair of neighbouring characters without
     * white space, distinct, in order.
     */
    static String grams(String text) {
        int[] chars = text.strip().toLowerCase(Locale.ROOT).codePoints().toArray();
        Set<String> grams = new LinkedHashSet<>();
        if (chars.length == 1) {
            grams.add(new String(chars, 0, 1));
        }
        for (int i = 0; i + 1 < chars.length; i++) {
            if (!Character.isWhitespace(chars[i]) && !Character.isWhitespace(chars[i + 1])) {
                grams.add(new String(chars, i, 2));
            }
        }
        return String.join(" ", grams);
    }

    /** Closes the connection, and with it the statements. */
    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
