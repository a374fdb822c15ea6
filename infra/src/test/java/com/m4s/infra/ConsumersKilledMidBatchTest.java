package com.m4s.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.infra.bench.UsedCarListings;
import com.m4s.infra.stack.DemoData;
import com.m4s.infra.stack.Stack;
import com.m4s.platform.servers.Api;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/**
 * The process that consumes the used-car events (store-console: the search indexer and the seller notifier) is
 * killed with SIGKILL while it works through a burst of events, and started again: afterwards every car is in the
 * index once with its version, and every seller message was written exactly once. What the crash interrupted is
 * handed over again (offsets are committed only after a batch is handled), and the second delivery changes nothing
 * (processed-event marks in the transaction of the message; versioned index writes).
 */
class ConsumersKilledMidBatchTest {

    private static final String GROUP = "e2e_fault";
    private static final String STORE = "e2e_fault_a";
    private static final int CARS = 1_000;
    private static final String NOTIFIER = "store-console.used-car-notifier";

    private final Stack stack = SharedStack.get();

    @Test
    void killingTheConsumersMidBatchLosesNothingAndDoublesNothing() throws Exception {
        Api operator = new Api(stack.gatewayUrl()).withToken(
                stack.keycloak().passwordToken(DemoData.OPERATOR, DemoData.DEMO_PASSWORD));
        StackStores.group(operator, GROUP, "故障测试集团");
        StackStores.create(operator, GROUP, STORE, "故障测试门店");
        StackStores.awaitStatus(operator, STORE, "ACTIVE");
        Api.Response seller = operator.post("/api/stores/" + STORE + "/members",
                Map.of("profile", Map.of("name", "卖家故障", "phone", "13800009999")));
        assertThat(seller.status()).as(seller.raw()).isEqualTo(201);
        UUID sellerId = UUID.fromString(seller.json().path("id").asString());

        try (Connection db = db()) {
            List<UUID> cars = UsedCarListings.insert(db, STORE, sellerId, 0, CARS, true);
            db.setAutoCommit(false);
            assertThat(UsedCarListings.publishListed(db, STORE, GROUP, cars)).isEqualTo(CARS);
            db.commit();
        }

        // as soon as the notifier is part-way through the burst, the process goes down hard
        long atKill = await("the first messages", Duration.ofSeconds(60), this::messages, n -> n > 0);
        stack.service("store-console").kill();
        long afterKill = messages();
        System.out.printf("store-console killed with %d of %d seller messages written%n", afterKill, CARS);
        stack.startService("store-console");

        await("a message for every car", Duration.ofSeconds(180), this::messages, n -> n >= CARS);
        await("every car searchable", Duration.ofSeconds(180), this::searchable, n -> n >= CARS);
        // anything handed over twice would land within moments of the first delivery; give it time to show
        Thread.sleep(3_000);

        assertThat(afterKill).as("killed part-way (messages written when killed)").isBetween(atKill, CARS - 1L);
        assertThat(messages()).isEqualTo(CARS);
        assertThat(processedByNotifier()).isEqualTo(CARS);
        assertThat(searchable()).isEqualTo(CARS);
        assertThat(indexedVersions()).containsOnlyKeys(1L).containsEntry(1L, (long) CARS);
    }

    /** Seller messages of this store's listing events. */
    private long messages() throws SQLException {
        return count("select count(*) from store_" + STORE + ".notification where topic = 'used-car-listed'");
    }

    private long processedByNotifier() throws SQLException {
        return count("select count(*) from console.processed_event p join console.event_outbox o"
                + " on o.event_id = p.event_id where o.store_code = '" + STORE + "' and p.consumer = '" + NOTIFIER
                + "'");
    }

    private long searchable() {
        Api.Response count = new Api(stack.elasticsearch().url()).send("POST",
                "/m4s-used-cars-store-" + STORE + "/_count",
                Map.of("query", Map.of("term", Map.of("status", "LISTED"))));
        return count.status() == 200 ? count.json().path("count").asLong() : 0;
    }

    /** How many of the store's documents have each version. */
    private Map<Long, Long> indexedVersions() {
        Api.Response search = new Api(stack.elasticsearch().url()).send("POST",
                "/m4s-used-cars-store-" + STORE + "/_search", Map.of("size", 0, "aggregations",
                        Map.of("versions", Map.of("terms", Map.of("field", "version", "size", 10)))));
        assertThat(search.status()).as(search.raw()).isEqualTo(200);
        Map<Long, Long> versions = new LinkedHashMap<>();
        search.json().path("aggregations").path("versions").path("buckets").valueStream()
                .forEach(b -> versions.put(b.path("key").asLong(), b.path("doc_count").asLong()));
        return versions;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
    }

    private interface Probe {
        long get() throws Exception;
    }

    private static long await(String what, Duration timeout, Probe probe, LongPredicate done) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        long value = probe.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " not reached within " + timeout + " (last: " + value + ")");
            }
            Thread.sleep(20);
            value = probe.get();
        }
        return value;
    }
}
