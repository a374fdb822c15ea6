package com.m4s.platform.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error a feature reports to the caller. Each feature subclasses it with its own stable problem type, e.g.
 * {@code plate-taken}; the shared advice renders it as {@code application/problem+json} in the caller's language.
 * The exception carries the arguments of its detail, not the text: the text is {@code problem.<type>.detail} of the
 * feature's message bundle ({@link ProblemMessages}), or {@code problem.<type>.detail.<variant>} for a type given for
 * several reasons. The exception's own message is the English text, for logs.
 */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final Object[] arguments;
    private @Nullable String variant;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    /** @param arguments the detail's {@code {0}}, {@code {1}}, ...; a {@link MessageSourceResolvable} is a text too */
    protected ApiException(HttpStatus status, String type, Object... arguments) {
        this.status = status;
        this.type = type;
        this.arguments = arguments.clone();
    }

    /** Adds a machine-readable member to the problem body (e.g. the conflicting field). */
    protected ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Renders the detail from {@code problem.<type>.detail.<variant>}: for a type given for several reasons. */
    protected ApiException variant(String name) {
        this.variant = name;
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem type, e.g. {@code plate-taken}. */
    public String type() {
        return type;
    }

    /** The detail: its key and arguments. */
    public MessageSourceResolvable detail() {
        return variant == null ? Problems.detail(type, arguments) : Problems.variant(type, variant, arguments);
    }

    /** The members the problem body has besides the standard ones. */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    @Override
    public String getMessage() {
        return ProblemMessages.english(detail());
    }

    public ProblemDetail toProblem(ProblemMessages messages, Locale locale) {
        ProblemDetail problem = messages.problem(status, type, detail(), locale);
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** 400 for a request the server cannot read (a malformed header, say), with its own type. */
    public static class BadRequest extends ApiException {
        public BadRequest(String type, Object... arguments) {
            super(HttpStatus.BAD_REQUEST, type, arguments);
        }
    }

    /**
     * 404 for something the caller named that does not exist (in their store). {@code what} names the kind of thing,
     * e.g. {@code store}: its word is {@code problem.not-found.what.store} of the bundles.
     */
    public static class NotFound extends ApiException {
        public NotFound(String what, Object id) {
            super(HttpStatus.NOT_FOUND, "not-found", Problems.message("problem.not-found.what." + what), id);
        }

        /**
         * A thing the caller did not name by an id (their own owner account, say):
         * {@code problem.not-found.detail.<what>}.
         */
        public NotFound(String what) {
            super(HttpStatus.NOT_FOUND, "not-found");
            variant(what);
        }
    }

    /** 409 for a request that clashes with the current state, with its own type. */
    public static class Conflict extends ApiException {
        public Conflict(String type, Object... arguments) {
            super(HttpStatus.CONFLICT, type, arguments);
        }

        public Conflict field(String field) {
            with("field", field);
            return this;
        }

        @Override
        public Conflict variant(String name) {
            super.variant(name);
            return this;
        }
    }

    /** 422 for a well-formed request that breaks a business rule. */
    public static class Unprocessable extends ApiException {
        public Unprocessable(String type, Object... arguments) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, type, arguments);
        }

        public Unprocessable field(String field) {
            with("field", field);
            return this;
        }

        public Unprocessable property(String name, Object value) {
            with(name, value);
            return this;
        }

        @Override
        public Unprocessable variant(String name) {
            super.variant(name);
            return this;
        }
    }

    /** 429 with {@code Retry-After}: the same request is accepted again after that many seconds. */
    public static class TooManyRequests extends ApiException {
        private final long retryAfterSeconds;

        public TooManyRequests(String type, long retryAfterSeconds, Object... arguments) {
            super(HttpStatus.TOO_MANY_REQUESTS, type, arguments);
            this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
            with("retryAfterSeconds", this.retryAfterSeconds);
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
