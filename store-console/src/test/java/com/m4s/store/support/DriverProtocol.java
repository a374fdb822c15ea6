package com.m4s.store.support;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The PostgreSQL driver's protocol messages (its {@code java.util.logging} at FINEST) of every thread while
 * open, grouped by thread into round trips: the messages sent up to and including the server's
 * {@code ReadyForQuery}.
 */
public final class DriverProtocol extends Handler implements AutoCloseable {

    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

    private record Message(long thread, String text) {
    }

    private final List<Message> messages = new ArrayList<>();
    private final Level level;
    private final boolean parents;

    private DriverProtocol() {
        level = DRIVER.getLevel();
        parents = DRIVER.getUseParentHandlers();
    }

    public static DriverProtocol record() {
        DriverProtocol p = new DriverProtocol();
        p.setLevel(Level.ALL);
        DRIVER.setUseParentHandlers(false);
        DRIVER.addHandler(p);
        DRIVER.setLevel(Level.FINEST);
        return p;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        String text = record.getParameters() == null ? record.getMessage()
                : java.text.MessageFormat.format(record.getMessage().replace("'", "''"), record.getParameters());
        messages.add(new Message(Thread.currentThread().threadId(), text.strip()));
    }

    /** The round trips of the thread whose messages mention {@code marker}, each as what it sent. */
    public synchronized List<List<String>> tripsOfTheThreadThatSent(String marker) {
        long thread = messages.stream().filter(m -> m.text().contains(marker)).findFirst().orElseThrow()
                .thread();
        List<List<String>> trips = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        String parsed = "";
        boolean sending = false;
        for (Message m : messages) {
            if (m.thread() != thread) {
                continue;
            }
            if (m.text().startsWith("FE=> Parse(") || m.text().startsWith("FE=> SimpleQuery(")) {
                parsed = m.text().replaceFirst("(?s)^FE=> Parse\\(stmt=([^,]*),.*", "$1");
                sent.add(m.text().replaceFirst("^FE=> Parse\\(stmt=[^,]*,", "Parse(")
                        .replaceFirst(",oids=\\{[^}]*\\}\\)$", ")"));
            } else if (m.text().startsWith("FE=> Bind(") && !m.text().startsWith("FE=> Bind(stmt=null,")
                    && !m.text().startsWith("FE=> Bind(stmt=" + parsed + ",")) {
                // a statement the server prepared before: sent by name only
                sent.add(m.text().replaceFirst("(?s),portal=.*", ")"));
            } else if (m.text().startsWith("<=BE ReadyForQuery")) {
                // a BEGIN the driver sends as a simple query in front of a statement answers with its own
                // ReadyForQuery in the same round trip: a round trip is what was sent, then what came back
                if (sending) {
                    trips.add(List.copyOf(sent));
                    sent.clear();
                }
                sending = false;
                continue;
            }
            sending |= m.text().startsWith("FE=>");
        }
        return trips;
    }

    /**
     * Makes the pool open new connections, so that every statement a request sends next carries its text (one the
     * server has prepared already, {@code COMMIT} included, is sent by name only).
     */
    public static void freshConnections(DataSource dataSource) {
        try {
            dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The round trips, one numbered line each, what each sent joined by {@code |}. */
    public static String numbered(List<List<String>> trips) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < trips.size(); i++) {
            lines.append(String.format("%3d  %s%n", i + 1, String.join(" | ", trips.get(i))));
        }
        return lines.toString();
    }

    /** The index of the first round trip that sent {@code text}; fails when none did. */
    public static int tripWith(List<List<String>> trips, String text) {
        for (int i = 0; i < trips.size(); i++) {
            if (String.join(" | ", trips.get(i)).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no round trip sent " + text + ": " + trips);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        DRIVER.removeHandler(this);
        DRIVER.setLevel(level);
        DRIVER.setUseParentHandlers(parents);
    }
}
