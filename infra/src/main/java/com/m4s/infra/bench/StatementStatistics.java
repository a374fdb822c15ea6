package com.m4s.infra.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What PostgreSQL spent on each statement over a measured period, from {@code pg_stat_statements} (loaded by the
 * benchmark's server, {@code LocalPostgres.STATEMENT_STATISTICS}): reset before, read after, printed per operation
 * measured (a posting), most time first. Says which statements of a request the server's time goes to; without the
 * extension it says so and nothing else happens.
 */
final class StatementStatistics {

    private static final int SHOWN = 12;
    private static final int TEXT = 110;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final boolean available;

    StatementStatistics(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        boolean ok;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            ok = true;
        } catch (SQLException e) {
            System.out.println("   (no statement statistics: " + e.getMessage().lines().findFirst().orElse("") + ")");
            ok = false;
        }
        this.available = ok;
    }

    /** Forgets what was counted so far: the period to show starts now. */
    void reset() {
        if (!available) {
            return;
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
        } catch (SQLException e) {
            System.out.println("   (statement statistics not reset: " + e.getMessage() + ")");
        }
    }

    /** Prints the statements that took most of the server's time since {@link #reset}, per {@code operations}. */
    void print(String what, long operations) {
        if (!available || operations <= 0) {
            return;
        }
        String sql = "select calls, plans, total_exec_time, total_plan_time, rows, query from pg_stat_statements"
                + " where query not like '%pg_stat_statements%' order by total_exec_time + total_plan_time desc";
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            System.out.println(Format.of("   PostgreSQL's time per %s by statement (pg_stat_statements; execution and"
                    + " planning, µs per %s, calls per %s, plans made per call):", what, what, what));
            double all = 0;
            int shown = 0;
            StringBuilder lines = new StringBuilder();
            while (rs.next()) {
                double micros = (rs.getDouble("total_exec_time") + rs.getDouble("total_plan_time")) * 1000;
                all += micros;
                if (shown++ < SHOWN) {
                    String text = rs.getString("query").replaceAll("\\s+", " ").strip();
                    double calls = rs.getDouble("calls");
                    lines.append(Format.of("     %7.0f µs %5.2f calls %4.2f plans  %s%n", micros / operations,
                            calls / operations, calls == 0 ? 0 : rs.getDouble("plans") / calls,
                            text.length() > TEXT ? text.substring(0, TEXT) + "…" : text));
                }
            }
            System.out.print(lines);
            System.out.println(Format.of("     %7.0f µs in all statements (the server's CPU also holds connection"
                    + " handling, commits and background work)", all / operations));
        } catch (SQLException e) {
            System.out.println("   (no statement statistics: " + e.getMessage() + ")");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }
}
