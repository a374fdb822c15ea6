package com.m4s.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error a feature reports to the caller. Each feature subclasses it with its own stable problem type, e.g.
 * {@code plate-taken}; the shared advice renders it as {@code application/problem+json}.
 */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    protected ApiException(HttpStatus status, String type, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
    }

    /** Adds a machine-readable member to the problem body (e.g. the conflicting field). */
    protected ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(Problems.type(type));
        problem.setTitle(Problems.title(type));
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** 400 for a request the server cannot read (a malformed header, say), with its own type. */
    public static class BadRequest extends ApiException {
        public BadRequest(String type, String detail) {
            super(HttpStatus.BAD_REQUEST, type, detail);
        }
    }

    /** 404 for something the caller named that does not exist (in their store). */
    public static class NotFound extends ApiException {
        public NotFound(String what, Object id) {
            super(HttpStatus.NOT_FOUND, "not-found", what + " " + id + " does not exist");
        }
    }

    /** 409 for a request that clashes with the current state, with its own type. */
    public static class Conflict extends ApiException {
        public Conflict(String type, String detail) {
            super(HttpStatus.CONFLICT, type, detail);
        }

        public Conflict field(String field) {
            with("field", field);
            return this;
        }
    }

    /** 422 for a well-formed request that breaks a business rule. */
    public static class Unprocessable extends ApiException {
        public Unprocessable(String type, String detail) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, type, detail);
        }

        public Unprocessable field(String field) {
            with("field", field);
            return this;
        }

        public Unprocessable property(String name, Object value) {
            with(name, value);
            return this;
        }
    }

    /** 429 with {@code Retry-After}: the same request is accepted again after that many seconds. */
    public static class TooManyRequests extends ApiException {
        private final long retryAfterSeconds;

        public TooManyRequests(String type, String detail, long retryAfterSeconds) {
            super(HttpStatus.TOO_MANY_REQUESTS, type, detail);
            this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
            with("retryAfterSeconds", this.retryAfterSeconds);
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
