package com.m4s.store.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.DriverProtocol;
import com.m4s.store.support.StoreConsoleTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    /**
     * The round trips one keyed adjustment of a member with a balance may take (11 before decision 0030 "Cost", 8
     * while the key's claim and answer were transactions of their own).
     */
    private static final int BOUND = 7;

    @Autowired
    DataSource dataSource;

    @Test
    void aKeyedAdjustmentTakesAtMostTheBoundOfRoundTrips() {
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
        DriverProtocol.freshConnections(dataSource);

        List<List<String>> trips;
        try (DriverProtocol protocol = DriverProtocol.record()) {
            Api.Response posted = post(manager, path, 25);
            assertThat(posted.status()).as(posted.raw()).isEqualTo(200);
            assertThat(posted.json().path("balance").path("available").asLong()).isEqualTo(55);
            trips = protocol.tripsOfTheThreadThatSent("idempotency_record");
        }
        // a pooled connection idle for over half a second is checked first (an empty query); a busy pool skips it
        List<List<String>> counted = trips.stream().filter(t -> !t.contains("Parse(query=\"\")")).toList();
        StringBuilder report = new StringBuilder("round trips of one keyed adjustment: " + counted.size()
                + " (and " + (trips.size() - counted.size()) + " pool liveness checks)\n")
                .append(DriverProtocol.numbered(trips));
        System.out.println(report);
        assertThat(counted).as(report.toString()).hasSizeLessThanOrEqualTo(BOUND);
        // what every posting must still do, each inside those round trips
        String all = report.toString();
        assertThat(all).as("the balance row locked").containsPattern("for (no key )?update");
        assertThat(all).as("the entry").contains("insert into points_entry");
        assertThat(all).as("the lot").contains("insert into points_lot");
        assertThat(all).as("the balance").contains("update points_balance");
        assertThat(all).as("the audit rows").contains("audit_event");
        assertThat(all).as("the commit").contains("COMMIT");
        // the key's record, with the answer, written in the posting's own transaction: after its writes, before
        // its commit, and not claimed or completed in transactions of its own
        int balance = DriverProtocol.tripWith(counted, "update points_balance");
        int record = DriverProtocol.tripWith(counted, "insert into store_" + STORE + ".idempotency_record");
        int commit = DriverProtocol.tripWith(counted, "COMMIT");
        assertThat(record).as(all).isGreaterThan(balance).isLessThan(commit);
        assertThat(all).as("one transaction").containsOnlyOnce("COMMIT").doesNotContain("update store_" + STORE
                + ".idempotency_record");
    }

    private static Api.Response post(Api api, String path, int points) {
        return api.post(path, Map.of("points", points, "reason", "往返计数"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }
}
