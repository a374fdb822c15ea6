package com.m4s.platform.web;

import com.m4s.platform.money.MoneyJson;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.beans.TypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Renders every error of a service as RFC 9457 {@code application/problem+json} with a stable type. Bad input is a
 * 4xx with a human detail and, for validation, one entry per field; an unexpected failure is a 500 whose body says
 * nothing about internals.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final String WRONG_TYPE = "has the wrong type or format";

    private final ConstraintRegistry constraints;

    public ProblemAdvice(ObjectProvider<ConstraintProblems> constraints) {
        this.constraints = new ConstraintRegistry(constraints.orderedStream().toList());
    }

    /** One entry of {@code errors}: which field, what is wrong. */
    public record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        if (e instanceof ApiException.TooManyRequests limited) {
            return ResponseEntity.status(e.status())
                    .header(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(limited.retryAfterSeconds()))
                    .body(e.toProblem());
        }
        return ResponseEntity.status(e.status()).body(e.toProblem());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field)).toList();
        return validationFailed(errors);
    }

    /**
     * A write the database refused: the problem the refusing constraint is registered with ({@link ConstraintProblems}),
     * so a race ends in the same answer as a plain duplicate; an unregistered constraint is a generic 409.
     */
    @ExceptionHandler({DataIntegrityViolationException.class, org.hibernate.exception.ConstraintViolationException.class})
    ResponseEntity<ProblemDetail> integrity(RuntimeException e) {
        Optional<DatabaseRefusal> refusal = DatabaseRefusal.of(e);
        Optional<ConstraintProblem> registered = refusal.map(DatabaseRefusal::constraint).flatMap(constraints::find);
        if (registered.isPresent()) {
            return ResponseEntity.status(registered.get().status()).body(registered.get().toProblem());
        }
        log.info("write refused by a database constraint that is not registered ({}): {}",
                refusal.map(r -> r.sqlState() + " " + r.constraint()).orElse("unknown"),
                NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "conflict",
                "The change conflicts with existing data (a value that must be unique is taken, or a referenced record is gone)."));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentUpdate(OptimisticLockingFailureException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "concurrent-update",
                "Someone else changed this record at the same time; reload it and try again."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The server failed to handle the request."));
    }

    /**
     * A request body that fails validation is a 422 naming its fields. Query parameters bound together into one
     * object (a {@code @ParameterObject} such as {@code AuditQuery}) are request parameters like any other: a value out
     * of its limits or of the wrong type is the same 400 {@code invalid-parameter} a single parameter gets.
     */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (!ex.getParameter().hasParameterAnnotation(RequestBody.class)) {
            return invalidParameters(ex.getBindingResult().getFieldErrors());
        }
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), messageOf(f)))
                .sorted(Comparator.comparing(FieldProblem::field)).toList();
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(validationFailed(errors).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldProblem(
                        r.getMethodParameter().getParameterName() == null ? "parameter"
                                : r.getMethodParameter().getParameterName(),
                        err.getDefaultMessage() == null ? "is invalid" : err.getDefaultMessage())))
                .toList();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "A request parameter is invalid.");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", readableCause(ex));
        Throwable cause = ex.getCause();
        if (cause instanceof DatabindException db && !db.getPath().isEmpty()) {
            String field = db.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            problem.setProperty("errors", List.of(new FieldProblem(field, "has the wrong type or format")));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "'" + name + "' " + WRONG_TYPE + ".");
        problem.setProperty("errors", List.of(new FieldProblem(name, WRONG_TYPE)));
        return ResponseEntity.badRequest().body(problem);
    }

    /** Framework-made problems get our type URIs instead of none ({@code about:blank}). */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || URI.create("about:blank").equals(problem.getType()))) {
            String slug = switch (statusCode.value()) {
                case 400 -> "bad-request";
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 413 -> "payload-too-large";
                case 415 -> "unsupported-media-type";
                default -> statusCode.is5xxServerError() ? "internal-error" : "request-refused";
            };
            problem.setType(Problems.type(slug));
        }
        return response;
    }

    private static ResponseEntity<Object> invalidParameters(List<FieldError> fieldErrors) {
        List<FieldProblem> errors = fieldErrors.stream()
                .map(f -> new FieldProblem(f.getField(), f.isBindingFailure() ? WRONG_TYPE : messageOf(f)))
                .sorted(Comparator.comparing(FieldProblem::field)).toList();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                errors.size() == 1 && fieldErrors.getFirst().isBindingFailure()
                        ? "'" + errors.getFirst().field() + "' " + WRONG_TYPE + "."
                        : "A request parameter is invalid.");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private ResponseEntity<ProblemDetail> validationFailed(List<FieldProblem> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed",
                errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
        problem.setProperty("errors", errors);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    private static String messageOf(FieldError f) {
        return f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String readableCause(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof MoneyJson.InvalidMoney money) {
            return "The request body has a money value of the wrong form: " + money.getOriginalMessage() + ".";
        }
        if (cause instanceof MismatchedInputException) {
            return "The request body has a value of the wrong type or format.";
        }
        if (cause instanceof JacksonException) {
            return "The request body is not valid JSON.";
        }
        return "The request body is missing or unreadable.";
    }

}
