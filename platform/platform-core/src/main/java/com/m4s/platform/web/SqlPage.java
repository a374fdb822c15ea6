package com.m4s.platform.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One page of a list endpoint read with plain SQL: the way list endpoints are built (decision 0021). The page's rows
 * and the total come back in <b>one statement</b> (the count is an uncorrelated sub-select, which PostgreSQL runs
 * once), mapped straight from the result set to the view: no entity is loaded, no query is translated per request,
 * and the SQL text is the same for every request of a kind, so the driver's prepared statement is reused.
 *
 * <p>The order is built from the API's {@code sort=field,asc|desc} and an allow-list of API fields to SQL columns
 * (like {@link Paging}), with a unique tie-breaker column so pages are stable. Only allow-listed column names ever
 * reach the SQL text; everything the caller sends is a bound parameter.
 */
public record SqlPage(int page, int size, String orderBy) {

    private static final String TOTAL = "page_total_";

    /**
     * @param sortableColumns API sort key to SQL column (or expression) written by the feature, never by the caller
     * @param tieBreaker a unique column appended to every order
     */
    public static SqlPage of(int page, int size, String sort, Map<String, String> sortableColumns, String tieBreaker) {
        Paging.Order order = Paging.Order.parse(sort, sortableColumns);
        String orderBy = order.property() + (order.descending() ? " desc" : " asc");
        return new SqlPage(page, size, order.property().equals(tieBreaker) ? orderBy : orderBy + ", " + tieBreaker);
    }

    /**
     * Runs {@code select <columns>, (select count(*) <from>) <from> order by ... limit ... offset ...}.
     *
     * @param columns the select list of a row, read by {@code rows}
     * @param from the {@code from ... where ...} of the list, with named parameters; its aliases are its own, so the
     *        count sub-select is not correlated with the outer query
     */
    public <T> PageResult<T> query(JdbcClient jdbc, String columns, String from, Map<String, ?> parameters,
            RowMapper<T> rows) {
        return query(jdbc, "", columns, from, "select count(*) " + from, parameters, rows);
    }

    /**
     * Runs {@code <with> select <columns>, (<count>) <from> order by ... limit ... offset ...}: for a list whose rows
     * are found first (e.g. the ids matching a search, from several indexes) in a materialized {@code with} clause
     * that both the page and the count read, so the search runs once.
     *
     * @param with {@code with name as materialized (...)}, or empty
     * @param count a statement giving the number of rows of {@code from}, e.g. {@code select count(*) from name}
     */
    public <T> PageResult<T> query(JdbcClient jdbc, String with, String columns, String from, String count,
            Map<String, ?> parameters, RowMapper<T> rows) {
        long offset = (long) page * size;
        String sql = with + " select " + columns + ", (" + count + ") as " + TOTAL + " " + from
                + " order by " + orderBy + " limit " + size + " offset " + offset;
        List<T> content = new ArrayList<>(size);
        long[] total = {-1};
        jdbc.sql(sql).params(parameters).query((RowCallbackHandler) rs -> {
            total[0] = rs.getLong(TOTAL);
            content.add(rows.mapRow(rs, content.size()));
        });
        if (total[0] < 0) {
            // an empty page: the total is 0 on the first page, and may be anything past the end of the list
            total[0] = page == 0 ? 0 : jdbc.sql(with + " " + count).params(parameters).query(Long.class).single();
        }
        return new PageResult<>(content, page, size, total[0], (int) ((total[0] + size - 1) / size));
    }

    /**
     * The order of a list without paging, for {@link #each}: an export reads every row the list's filters match, in
     * the order the list shows them.
     */
    public static SqlPage everyRow(String sort, Map<String, String> sortableColumns, String tieBreaker) {
        return of(0, 0, sort, sortableColumns, tieBreaker);
    }

    /**
     * Every row of {@code from} in this order, without limit, offset or count: the same {@code with}, columns,
     * {@code from} and parameters as {@link #query}, so an export holds exactly the rows the list filters. The rows are
     * read {@code fetchSize} at a time through a cursor (PostgreSQL streams only inside a transaction: call this in
     * the service's read-only one) and each is handed to {@code sink} as it is read; none is kept here.
     *
     * @return the number of rows handed to {@code sink}
     */
    public <T> long each(JdbcClient jdbc, String with, String columns, String from, Map<String, ?> parameters,
            int fetchSize, RowMapper<T> rows, Consumer<? super T> sink) {
        String sql = with + " select " + columns + " " + from + " order by " + orderBy;
        long[] count = {0};
        jdbc.sql(sql).withFetchSize(fetchSize).params(parameters).query((RowCallbackHandler) rs -> {
            sink.accept(rows.mapRow(rs, (int) Math.min(count[0], Integer.MAX_VALUE)));
            count[0]++;
        });
        return count[0];
    }

    /** A {@code text[]} column as a list. */
    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
