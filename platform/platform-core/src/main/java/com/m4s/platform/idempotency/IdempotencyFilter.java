package com.m4s.platform.idempotency;

import com.m4s.platform.security.Caller;
import com.m4s.platform.web.BufferedBodyRequest;
import com.m4s.platform.web.ProblemWriter;
import com.m4s.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Honours {@code Idempotency-Key} on the requests {@link IdempotentRequests} names. The first request with a key
 * claims it (a row whose primary key is caller and key), runs, and leaves its answer (status, Content-Type, Location,
 * body) in the row. A repeat with the same method, path and body gets that answer again, marked
 * {@code Idempotent-Replayed: true}; one that arrives while the first still runs waits up to
 * {@link IdempotencyProperties#waitFor()} for it, then gets 409 {@code idempotency-request-in-flight}. The same key
 * with another request is 422 {@code idempotency-key-reused}. A 5xx or 429 answer gives the key up, so the client
 * may retry. Runs after authentication and the tenant filter: the caller and the store are known.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final long FIRST_PAUSE_MILLIS = 20;
    private static final long LONGEST_PAUSE_MILLIS = 200;

    private final IdempotencyRecords records;
    private final IdempotencyProperties properties;
    private final ProblemWriter problems;
    private final Predicate<HttpServletRequest> open;
    private final Clock clock;
    /** Requests for {@link OneTransaction} handlers. */
    private final Predicate<HttpServletRequest> oneTransaction;
    private final WorkTransactions transactions;

    IdempotencyFilter(IdempotencyRecords records, IdempotencyProperties properties, ProblemWriter problems,
            Predicate<HttpServletRequest> open, Clock clock) {
        this(records, properties, problems, open, clock, request -> false, () -> {
            throw new IllegalStateException("no handler runs in one transaction here");
        });
    }

    IdempotencyFilter(IdempotencyRecords records, IdempotencyProperties properties, ProblemWriter problems,
            Predicate<HttpServletRequest> open, Clock clock, Predicate<HttpServletRequest> oneTransaction,
            WorkTransactions transactions) {
        this.records = records;
        this.properties = properties;
        this.problems = problems;
        this.open = open;
        this.clock = clock;
        this.oneTransaction = oneTransaction;
        this.transactions = transactions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(IdempotentRequests.HEADER) == null || !IdempotentRequests.applies(request, open);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = Caller.current();
        if (caller.isEmpty() || !records.available()) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(IdempotentRequests.HEADER);
        if (!IdempotentRequests.isWellFormed(key)) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "bad-idempotency-key",
                    IdempotentRequests.MAX_KEY_LENGTH);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(properties.maxBodyBytes() + 1);
        if (body.length > properties.maxBodyBytes()) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    Problems.variant("payload-too-large", "idempotent", properties.maxBodyBytes()));
            return;
        }
        String subject = caller.get().subject();
        String fingerprint = fingerprint(request, body);
        HttpServletRequest replayable = new BufferedBodyRequest(request, body);
        if (oneTransaction.test(request)) {
            runInOneTransaction(replayable, response, chain, subject, key, fingerprint);
            return;
        }

        long giveUpAt = System.nanoTime() + properties.waitFor().toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            Instant now = clock.instant();
            UUID claim = UUID.randomUUID();
            if (records.claim(subject, key, fingerprint, claim, now, now.plus(properties.keepFor()))) {
                runFirst(replayable, response, chain, subject, key, claim);
                return;
            }
            Optional<IdempotencyRecords.Row> row = records.find(subject, key);
            if (row.isPresent() && !row.get().expiresAt().isAfter(now)) {
                records.removeExpired(subject, key, now);
            } else if (row.isPresent() && answeredFrom(row.get(), request, response, fingerprint)) {
                return;
            }
            // in flight (or just given up by a failed first request: claim again)
            if (System.nanoTime() - giveUpAt >= 0 || !pause(pause)) {
                inFlight(request, response);
                return;
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }

    private void runFirst(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String subject,
            String key, UUID claim) throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean answered = false;
        try {
            chain.doFilter(request, captured);
            answered = true;
            int status = captured.getStatus();
            if (status >= 500 || status == HttpStatus.TOO_MANY_REQUESTS.value()) {
                records.release(subject, key, claim);
            } else {
                keep(subject, key, claim, answerOf(captured));
            }
        } finally {
            if (!answered) {
                releaseQuietly(subject, key, claim);
            }
            captured.copyBodyToResponse();
        }
    }

    /**
     * A {@link OneTransaction} request: its work runs in a transaction begun here, which its handler's transactional
     * calls join, and a success's answer is written in it as the key's record just before it commits. When the key
     * has a record already (a repeat, or a concurrent request that committed first; the write waits for the other to
     * end) the work is rolled back and the record answers. A client error is rolled back and its answer kept on its
     * own, as in the other mode; a server error is rolled back and keeps nothing, so a retry runs anew.
     */
    private void runInOneTransaction(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            String subject, String key, String fingerprint) throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.keepFor());
        WorkTransactions.Work work = transactions.begin();
        boolean ran = false;
        boolean ended = false;
        try {
            chain.doFilter(request, captured);
            ran = true;
            int status = captured.getStatus();
            if (status < 400 && work.keep(subject, key, fingerprint, answerOf(captured), now, expiresAt)) {
                ended = true;
                work.commit();
                captured.copyBodyToResponse();
                return;
            }
            ended = true;
            work.rollback();
            if (status >= 500 || status == HttpStatus.TOO_MANY_REQUESTS.value()) {
                captured.copyBodyToResponse();
            } else if (status >= 400 && records.keepAnswered(subject, key, fingerprint, answerOf(captured), now,
                    expiresAt)) {
                captured.copyBodyToResponse();
            } else {
                captured.resetBuffer();
                answerFromRecord(request, response, subject, key, fingerprint);
            }
        } catch (RuntimeException e) {
            if (!ended) {
                rollbackQuietly(work);
            }
            if (!ran) {
                throw e;
            }
            // the answer could not be kept or the work not committed: nothing of it is written, and the handler's
            // answer must not be sent
            log.warn("the transaction of a request with an Idempotency-Key did not complete", e);
            captured.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "idempotency-not-committed");
        } catch (ServletException | IOException e) {
            if (!ended) {
                rollbackQuietly(work);
            }
            throw e;
        }
    }

    /** After the work was rolled back because the key has a record: that record's answer, or why there is none. */
    private void answerFromRecord(HttpServletRequest request, HttpServletResponse response, String subject,
            String key, String fingerprint) throws IOException {
        Optional<IdempotencyRecords.Row> row = records.find(subject, key);
        if (row.isEmpty() || !answeredFrom(row.get(), request, response, fingerprint)) {
            // held by a request of the other mode, or expired and removed meanwhile: the client repeats
            inFlight(request, response);
        }
    }

    /**
     * Answers from the key's live record: 422 when it was another request's, else its kept answer. False when it
     * has no answer yet (its request still runs).
     */
    private boolean answeredFrom(IdempotencyRecords.Row row, HttpServletRequest request, HttpServletResponse response,
            String fingerprint) throws IOException {
        if (!row.fingerprint().equals(fingerprint)) {
            problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused");
            return true;
        }
        IdempotencyRecords.Answer answer = row.answer();
        if (answer == null) {
            return false;
        }
        replay(response, answer);
        return true;
    }

    private static IdempotencyRecords.Answer answerOf(ContentCachingResponseWrapper captured) {
        return new IdempotencyRecords.Answer(captured.getStatus(), captured.getContentType(),
                captured.getHeader(HttpHeaders.LOCATION), captured.getContentAsByteArray());
    }

    private static void rollbackQuietly(WorkTransactions.Work work) {
        try {
            work.rollback();
        } catch (RuntimeException e) {
            log.warn("could not roll back the transaction of a failed request with an Idempotency-Key", e);
        }
    }

    /**
     * The change is done; if its answer cannot be kept, the key stays claimed (a repeat gets 409 until the record
     * expires) rather than being given up, which would let a repeat make the change twice.
     */
    private void keep(String subject, String key, UUID claim, IdempotencyRecords.Answer answer) {
        try {
            records.complete(subject, key, claim, answer, clock.instant());
        } catch (RuntimeException e) {
            log.error("could not keep the answer for an Idempotency-Key; repeats get 409 until it expires", e);
        }
    }

    private void releaseQuietly(String subject, String key, UUID claim) {
        try {
            records.release(subject, key, claim);
        } catch (RuntimeException e) {
            log.warn("could not give up an Idempotency-Key after a failed request", e);
        }
    }

    private static void replay(HttpServletResponse response, IdempotencyRecords.Answer answer) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        response.setHeader(IdempotentRequests.REPLAYED_HEADER, "true");
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    private void inFlight(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        problems.write(request, response, HttpStatus.CONFLICT, "idempotency-request-in-flight");
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(Duration.ofMillis(millis));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SHA-256 of method, path with query, and body: what "the same request" means. */
    static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String query = request.getQueryString();
            sha.update((request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
