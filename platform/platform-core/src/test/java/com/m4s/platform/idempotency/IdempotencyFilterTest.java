package com.m4s.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.security.Caller;
import com.m4s.platform.security.CallerAuthentication;
import com.m4s.platform.security.Role;
import com.m4s.platform.web.ProblemMessages;
import com.m4s.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.json.JsonMapper;

/** The filter's decisions, with the table replaced by a map; the database side runs in the services' tests. */
class IdempotencyFilterTest {

    private static final String PATH = "/api/stores/s1/members";

    private final InMemoryRecords records = new InMemoryRecords();
    private final InMemoryWork work = new InMemoryWork(records);
    private final AtomicInteger runs = new AtomicInteger();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theFirstRequestRunsAndARepeatGetsItsAnswerWithoutRunningAgain() throws Exception {
        IdempotencyFilter filter = filter(Duration.ofSeconds(5));

        MockHttpServletResponse first = send(filter, "k1", "{\"a\":1}", created());
        MockHttpServletResponse repeat = send(filter, "k1", "{\"a\":1}", created());

        assertThat(runs).hasValue(1);
        assertThat(repeat.getStatus()).isEqualTo(201);
        assertThat(repeat.getContentAsString()).isEqualTo(first.getContentAsString()).isEqualTo("{\"id\":1}");
        assertThat(repeat.getHeader("Location")).isEqualTo("/api/stores/s1/members/1");
        assertThat(repeat.getHeader(IdempotentRequests.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(first.getHeader(IdempotentRequests.REPLAYED_HEADER)).isNull();
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWithoutRunning() throws Exception {
        IdempotencyFilter filter = filter(Duration.ofSeconds(5));
        send(filter, "k1", "{\"a\":1}", created());

        MockHttpServletResponse other = send(filter, "k1", "{\"a\":2}", created());

        assertThat(other.getStatus()).isEqualTo(422);
        assertThat(other.getContentAsString()).contains("idempotency-key-reused");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aRepeatWhileTheFirstRunsWaitsAndGetsTheFirstAnswer() throws Exception {
        IdempotencyFilter filter = filter(Duration.ofSeconds(30));
        CountDownLatch finish = new CountDownLatch(1);
        FilterChain slow = (request, response) -> {
            try {
                finish.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            created().doFilter(request, response);
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<MockHttpServletResponse> first = threads.submit(() -> send(filter, "k1", "{}", slow));
            awaitTrue(() -> records.claims.get() == 1);
            Future<MockHttpServletResponse> repeat = threads.submit(() -> send(filter, "k1", "{}", slow));
            awaitTrue(() -> records.inFlightSeen.get() > 0);
            finish.countDown();

            assertThat(repeat.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
            assertThat(repeat.get().getContentAsString()).isEqualTo(first.get(30, TimeUnit.SECONDS).getContentAsString());
            assertThat(runs).hasValue(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRepeatWhileTheFirstStillRunsAfterTheWaitIsTold409() throws Exception {
        IdempotencyFilter filter = filter(Duration.ZERO);
        MockHttpServletRequest request = request("k1", "{}");
        records.claim("sub-1", "k1", IdempotencyFilter.fingerprint(request, "{}".getBytes(StandardCharsets.UTF_8)),
                UUID.randomUUID(), Instant.now(), Instant.now().plusSeconds(60));

        MockHttpServletResponse answer = send(filter, "k1", "{}", created());

        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(answer.getContentAsString()).contains("idempotency-request-in-flight");
        assertThat(answer.getHeader("Retry-After")).isEqualTo("1");
        assertThat(runs).hasValue(0);
    }

    @Test
    void aServerErrorGivesTheKeyUpSoARetryRunsAgain() throws Exception {
        IdempotencyFilter filter = filter(Duration.ofSeconds(5));
        FilterChain failing = (request, response) -> {
            runs.incrementAndGet();
            ((jakarta.servlet.http.HttpServletResponse) response).setStatus(503);
        };

        send(filter, "k1", "{}", failing);
        MockHttpServletResponse retry = send(filter, "k1", "{}", created());

        assertThat(runs).hasValue(2);
        assertThat(retry.getStatus()).isEqualTo(201);
    }

    @Test
    void anExpiredRecordCountsAsAbsent() throws Exception {
        IdempotencyFilter filter = filter(Duration.ofSeconds(5));
        records.claim("sub-1", "k1", "other", UUID.randomUUID(), Instant.now().minusSeconds(90_000),
                Instant.now().minusSeconds(3_600));

        MockHttpServletResponse answer = send(filter, "k1", "{}", created());

        assertThat(answer.getStatus()).isEqualTo(201);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aKeyOfMoreThan255CharactersIsRefused() throws Exception {
        MockHttpServletResponse answer = send(filter(Duration.ofSeconds(5)), "k".repeat(256), "{}", created());

        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(answer.getContentAsString()).contains("bad-idempotency-key");
        assertThat(runs).hasValue(0);
    }

    // a handler marked @OneTransaction: its work and its key's record are committed together, or neither is

    @Test
    void inOneTransactionTheWorkAndItsRecordCommitTogetherAndARepeatIsRolledBackAndAnsweredTheFirst()
            throws Exception {
        IdempotencyFilter filter = oneTransactionFilter();

        MockHttpServletResponse first = send(filter, "k1", "{\"a\":1}", created());
        MockHttpServletResponse repeat = send(filter, "k1", "{\"a\":1}", created());

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(first.getHeader(IdempotentRequests.REPLAYED_HEADER)).isNull();
        // the repeat ran the work again, in a transaction that was rolled back: only the first's is written
        assertThat(runs).hasValue(2);
        assertThat(work.committed).containsExactly(1);
        assertThat(work.rolledBack).hasValue(1);
        assertThat(repeat.getStatus()).isEqualTo(201);
        assertThat(repeat.getContentAsString()).isEqualTo(first.getContentAsString()).isEqualTo("{\"id\":1}");
        assertThat(repeat.getHeader("Location")).isEqualTo(PATH + "/1");
        assertThat(repeat.getHeader(IdempotentRequests.REPLAYED_HEADER)).isEqualTo("true");
        // the record was written in the transaction, never claimed on its own
        assertThat(records.claims).hasValue(0);
    }

    @Test
    void inOneTransactionTheSameKeyWithAnotherBodyIsRolledBackAndRefused() throws Exception {
        IdempotencyFilter filter = oneTransactionFilter();
        send(filter, "k1", "{\"a\":1}", created());

        MockHttpServletResponse other = send(filter, "k1", "{\"a\":2}", created());

        assertThat(other.getStatus()).isEqualTo(422);
        assertThat(other.getContentAsString()).contains("idempotency-key-reused").doesNotContain("\"id\"");
        assertThat(work.committed).containsExactly(1);
    }

    @Test
    void inOneTransactionAClientErrorIsRolledBackAndItsAnswerKept() throws Exception {
        IdempotencyFilter filter = oneTransactionFilter();
        FilterChain refused = (request, response) -> {
            work.pending.add(runs.incrementAndGet());
            var http = (jakarta.servlet.http.HttpServletResponse) response;
            http.setStatus(409);
            http.getOutputStream().write("{\"type\":\"insufficient\"}".getBytes(StandardCharsets.UTF_8));
        };

        MockHttpServletResponse first = send(filter, "k1", "{}", refused);
        MockHttpServletResponse repeat = send(filter, "k1", "{}", created());

        assertThat(first.getStatus()).isEqualTo(409);
        assertThat(work.committed).isEmpty();
        assertThat(repeat.getStatus()).isEqualTo(409);
        assertThat(repeat.getContentAsString()).isEqualTo("{\"type\":\"insufficient\"}");
        assertThat(repeat.getHeader(IdempotentRequests.REPLAYED_HEADER)).isEqualTo("true");
    }

    @Test
    void inOneTransactionAServerErrorKeepsNothingSoARetryRunsAndCommits() throws Exception {
        IdempotencyFilter filter = oneTransactionFilter();
        FilterChain failing = (request, response) -> {
            work.pending.add(runs.incrementAndGet());
            ((jakarta.servlet.http.HttpServletResponse) response).setStatus(500);
        };

        assertThat(send(filter, "k1", "{}", failing).getStatus()).isEqualTo(500);
        MockHttpServletResponse retry = send(filter, "k1", "{}", created());

        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getHeader(IdempotentRequests.REPLAYED_HEADER)).isNull();
        assertThat(work.committed).containsExactly(2);
    }

    @Test
    void inOneTransactionACommitThatFailsIsAnswered503AndKeepsNothing() throws Exception {
        IdempotencyFilter filter = oneTransactionFilter();
        work.failCommit = true;

        MockHttpServletResponse failed = send(filter, "k1", "{}", created());
        work.failCommit = false;
        MockHttpServletResponse retry = send(filter, "k1", "{}", created());

        assertThat(failed.getStatus()).isEqualTo(503);
        assertThat(failed.getContentAsString()).contains("idempotency-not-committed").doesNotContain("\"id\"");
        assertThat(failed.getHeader("Retry-After")).isEqualTo("1");
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getContentAsString()).isEqualTo("{\"id\":2}");
        assertThat(work.committed).containsExactly(2);
    }

    private IdempotencyFilter oneTransactionFilter() {
        return new IdempotencyFilter(records, new IdempotencyProperties("console", Duration.ofHours(24),
                Duration.ofSeconds(5), 0), new ProblemWriter(JsonMapper.builder().build(),
                ProblemMessages.onClasspath()), request -> false, Clock.systemUTC(), request -> true, work);
    }

    private IdempotencyFilter filter(Duration waitFor) {
        return new IdempotencyFilter(records, new IdempotencyProperties("console", Duration.ofHours(24), waitFor, 0),
                new ProblemWriter(JsonMapper.builder().build(), ProblemMessages.onClasspath()), request -> false, Clock.systemUTC());
    }

    private FilterChain created() {
        return (request, response) -> {
            request.getInputStream().readAllBytes();
            int id = runs.incrementAndGet();
            work.pending.add(id);
            var http = (jakarta.servlet.http.HttpServletResponse) response;
            http.setStatus(201);
            http.setContentType("application/json");
            http.setHeader("Location", PATH + "/" + id);
            http.getOutputStream().write(("{\"id\":" + id + "}").getBytes(StandardCharsets.UTF_8));
        };
    }

    private static MockHttpServletResponse send(IdempotencyFilter filter, String key, String body, FilterChain chain)
            throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(
                Jwt.withTokenValue("t").header("alg", "RS256").subject("sub-1").build(),
                new Caller("sub-1", "manager", Set.of(Role.STORE_MANAGER), null, Set.of("s1"), null)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request(key, body), response, chain);
        return response;
    }

    private static MockHttpServletRequest request(String key, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", PATH);
        request.addHeader(IdempotentRequests.HEADER, key);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("condition within 30 s").isNegative();
            Thread.sleep(5);
        }
    }

    /** The table as a map: insert-if-absent is the claim, as the primary key makes it in the database. */
    private static final class InMemoryRecords extends IdempotencyRecords {

        private final Map<String, IdempotencyRecords.Row> rows = new ConcurrentHashMap<>();
        private final AtomicInteger claims = new AtomicInteger();
        private final AtomicInteger inFlightSeen = new AtomicInteger();

        InMemoryRecords() {
            super(new SimpleDriverDataSource(), "console");
        }

        @Override
        boolean claim(String subject, String key, String fingerprint, UUID claimId, Instant now, Instant expiresAt) {
            boolean claimed = rows.putIfAbsent(subject + "|" + key,
                    new Row(fingerprint, claimId, State.IN_FLIGHT, null, expiresAt)) == null;
            if (claimed) {
                claims.incrementAndGet();
            }
            return claimed;
        }

        @Override
        Optional<Row> find(String subject, String key) {
            Optional<Row> row = Optional.ofNullable(rows.get(subject + "|" + key));
            row.filter(r -> r.state() == State.IN_FLIGHT).ifPresent(r -> inFlightSeen.incrementAndGet());
            return row;
        }

        @Override
        void complete(String subject, String key, UUID claimId, Answer answer, Instant now) {
            rows.computeIfPresent(subject + "|" + key, (k, r) -> r.claimId().equals(claimId)
                    ? new Row(r.fingerprint(), claimId, State.COMPLETED, answer, r.expiresAt()) : r);
        }

        @Override
        void release(String subject, String key, UUID claimId) {
            rows.computeIfPresent(subject + "|" + key, (k, r) -> r.claimId().equals(claimId) ? null : r);
        }

        @Override
        void removeExpired(String subject, String key, Instant now) {
            rows.computeIfPresent(subject + "|" + key, (k, r) -> r.expiresAt().isAfter(now) ? r : null);
        }

        @Override
        boolean keepAnswered(String subject, String key, String fingerprint, Answer answer, Instant now,
                Instant expiresAt) {
            Row kept = new Row(fingerprint, UUID.randomUUID(), State.COMPLETED, answer, expiresAt);
            return rows.compute(subject + "|" + key, (k, r) -> r == null || !r.expiresAt().isAfter(now) ? kept : r)
                    == kept;
        }

        @Override
        boolean available() {
            return true;
        }
    }

    /**
     * One transaction at a time: the work a handler does goes to {@code pending}, and is {@code committed} with the
     * record when the filter commits; a rollback drops both.
     */
    private static final class InMemoryWork implements WorkTransactions {

        private final InMemoryRecords records;
        private final java.util.List<Integer> pending = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.List<Integer> committed = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final AtomicInteger rolledBack = new AtomicInteger();
        private volatile boolean failCommit;

        InMemoryWork(InMemoryRecords records) {
            this.records = records;
        }

        @Override
        public Work begin() {
            pending.clear();
            return new Work() {
                private @org.jspecify.annotations.Nullable Runnable keptRecord;

                @Override
                public boolean keep(String subject, String key, String fingerprint, IdempotencyRecords.Answer answer,
                        Instant now, Instant expiresAt) {
                    Optional<IdempotencyRecords.Row> row = records.find(subject, key);
                    if (row.isPresent() && row.get().expiresAt().isAfter(now)) {
                        return false;
                    }
                    keptRecord = () -> records.keepAnswered(subject, key, fingerprint, answer, now, expiresAt);
                    return true;
                }

                @Override
                public void commit() {
                    if (failCommit) {
                        pending.clear();
                        throw new IllegalStateException("the database went away");
                    }
                    if (keptRecord != null) {
                        keptRecord.run();
                    }
                    committed.addAll(pending);
                    pending.clear();
                }

                @Override
                public void rollback() {
                    rolledBack.incrementAndGet();
                    pending.clear();
                }
            };
        }
    }
}
