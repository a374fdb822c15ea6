package com.m4s.infra.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The member list and search of store-console written as plain SQL on one JDBC connection: the page of members,
 * the total (skipped, as Spring Data does, when the first page is not full) and the plates of the page's members.
 * It is the floor the service's figures are compared with; the service adds a transaction, switching to the store's
 * role and schema, Hibernate, JSON and HTTP.
 */
final class SqlMemberQueries implements AutoCloseable {

    static final int PAGE_SIZE = 20;
    private static final int TIMEOUT_SECONDS = 30;
    private static final String COLUMNS = "m.id, m.name, m.phone, m.created_at";
    private static final String ORDER = " order by m.created_at desc, m.id limit " + PAGE_SIZE + " offset 0";
    /** Name contains the text (any case), phone contains it, or one of the member's plates contains it. */
    private static final String MATCHES = " where lower(m.name) like ? escape '\\' or m.phone like ? escape '\\'"
            + " or exists (select 1 from %s.vehicle v where v.member_id = m.id and v.plate like ? escape '\\')";

    /** One page: the members' ids in order, the total and how many plates the page's members have. */
    record Page(List<UUID> ids, long total, int plates) {
    }

    private final Connection connection;
    private final PreparedStatement listPage;
    private final PreparedStatement listCount;
    private final PreparedStatement searchPage;
    private final PreparedStatement searchCount;
    private final PreparedStatement plates;

    SqlMemberQueries(Connection connection, String storeCode) throws SQLException {
        this.connection = connection;
        String schema = "store_" + storeCode;
        String members = " from " + schema + ".member m";
        String matches = MATCHES.formatted(schema);
        listPage = prepare("select " + COLUMNS + members + ORDER);
        listCount = prepare("select count(*)" + members);
        searchPage = prepare("select " + COLUMNS + members + matches + ORDER);
        searchCount = prepare("select count(*)" + members + matches);
        plates = prepare("select member_id, plate from " + schema
                + ".vehicle where member_id = any(?) order by created_at");
    }

    /** The first page of all members, newest first. */
    Page list() throws SQLException {
        return page(listPage, listCount);
    }

    /** The first page of the members matching {@code text}, newest first. */
    Page search(String text) throws SQLException {
        String contains = likeContains(text.strip().toLowerCase(Locale.ROOT));
        String plate = likeContains(text.replaceAll("\\s", "").toUpperCase(Locale.ROOT));
        for (PreparedStatement statement : List.of(searchPage, searchCount)) {
            statement.setString(1, contains);
            statement.setString(2, contains);
            statement.setString(3, plate);
        }
        return page(searchPage, searchCount);
    }

    private Page page(PreparedStatement page, PreparedStatement count) throws SQLException {
        List<UUID> ids = new ArrayList<>(PAGE_SIZE);
        try (ResultSet rs = page.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
                rs.getString(2);
                rs.getString(3);
                rs.getTimestamp(4);
            }
        }
        long total = ids.size() < PAGE_SIZE ? ids.size() : count(count);
        return new Page(ids, total, ids.isEmpty() ? 0 : platesOf(ids));
    }

    private static long count(PreparedStatement count) throws SQLException {
        try (ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private int platesOf(List<UUID> ids) throws SQLException {
        Array array = connection.createArrayOf("uuid", ids.toArray());
        try {
            plates.setArray(1, array);
            int found = 0;
            try (ResultSet rs = plates.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1, UUID.class);
                    rs.getString(2);
                    found++;
                }
            }
            return found;
        } finally {
            array.free();
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(TIMEOUT_SECONDS);
        return statement;
    }

    /** {@code %text%} with %, _ and \ matching literally, as store-console's {@code Like.contains} does. */
    private static String likeContains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Closes the connection, and with it the statements. */
    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
