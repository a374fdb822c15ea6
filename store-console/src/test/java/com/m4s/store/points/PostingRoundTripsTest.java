package com.m4s.store.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What one staff adjustment through the API costs in round trips to PostgreSQL (issue 15's ledger target; decision
 * 0030, "Cost"): the JDBC driver's own protocol log is read for the request's thread, and every {@code
 * ReadyForQuery} the server sends after the client sent something ends one round trip. The breakdown (what each round trip sent) is printed, and the
 * count is held to the bound, so a change that adds a round trip to every posting fails here.
 */
class PostingRoundTripsTest extends StoreConsoleTest {

    private static final String STORE = "pts_rt";
    private static final String BASE = "/api/stores/" + STORE;
    /** The round trips one keyed adjustment of a member with a balance may take (11 before decision 0030 "Cost"). */
    private static final int BOUND = 8;

    @Autowired
    DataSource dataSource;

    @Test
    void aKeyedAdjustmentTakesAtMostTheBoundOfRoundTrips() throws SQLException {
        provision(STORE);
        Api manager = as(TestUsers.manager(GROUP, STORE));
        Api.Response made = manager.post(BASE + "/members", Map.of("profile",
                Map.of("name", "往返", "phone", "13900009901")));
        assertThat(made.status()).as(made.raw()).isEqualTo(201);
        String path = BASE + "/members/" + made.json().path("id").asString() + "/points/adjustments";
        // the member's first posting makes the balance row; the ones measured find it
        for (int i = 0; i < 3; i++) {
            assertThat(post(manager, path, 10).status()).isEqualTo(200);
        }
        // fresh connections, so each statement the request sends carries its text (a statement the server has
        // prepared already is sent by name only); the count is the same either way
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();

        List<List<String>> trips;
        try (Protocol protocol = Protocol.record()) {
            Api.Response posted = post(manager, path, 25);
            assertThat(posted.status()).as(posted.raw()).isEqualTo(200);
            assertThat(posted.json().path("balance").path("available").asLong()).isEqualTo(55);
            trips = protocol.tripsOfTheThreadThatSent("idempotency_record");
        }
        // a pooled connection idle for over half a second is checked first (an empty query); a busy pool skips it
        List<List<String>> counted = trips.stream().filter(t -> !t.contains("Parse(query=\"\")")).toList();
        StringBuilder report = new StringBuilder("round trips of one keyed adjustment: " + counted.size()
                + " (and " + (trips.size() - counted.size()) + " pool liveness checks)\n");
        for (int i = 0; i < trips.size(); i++) {
            report.append(String.format("%3d  %s%n", i + 1, String.join(" | ", trips.get(i))));
        }
        System.out.println(report);
        assertThat(counted).as(report.toString()).hasSizeLessThanOrEqualTo(BOUND);
        // what every posting must still do, each inside those round trips
        String all = report.toString();
        assertThat(all).as("the claim of the key").contains("insert into " + "store_" + STORE + ".idempotency_record");
        assertThat(all).as("the balance row locked").containsPattern("for (no key )?update");
        assertThat(all).as("the entry").contains("insert into points_entry");
        assertThat(all).as("the lot").contains("insert into points_lot");
        assertThat(all).as("the balance").contains("update points_balance");
        assertThat(all).as("the audit rows").contains("audit_event");
        assertThat(all).as("the commit").contains("COMMIT");
        assertThat(all).as("the answer kept").contains("update store_" + STORE + ".idempotency_record");
    }

    private static Api.Response post(Api api, String path, int points) {
        return api.post(path, Map.of("points", points, "reason", "往返计数"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /**
     * The PostgreSQL driver's protocol messages (its {@code java.util.logging} at FINEST) of every thread while
     * open, grouped by thread into round trips: the messages sent up to and including the server's
     * {@code ReadyForQuery}.
     */
    static final class Protocol extends Handler implements AutoCloseable {

        private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

        private record Message(long thread, String text) {
        }

        private final List<Message> messages = new ArrayList<>();
        private final Level level;
        private final boolean parents;

        private Protocol() {
            level = DRIVER.getLevel();
            parents = DRIVER.getUseParentHandlers();
        }

        static Protocol record() {
            Protocol p = new Protocol();
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
        synchronized List<List<String>> tripsOfTheThreadThatSent(String marker) {
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
}
