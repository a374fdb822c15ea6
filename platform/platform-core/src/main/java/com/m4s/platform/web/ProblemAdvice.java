package com.m4s.platform.web;

import com.m4s.platform.money.MoneyJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSourceResolvable;
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
import org.springframework.web.context.request.NativeWebRequest;
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
 * nothing about internals. Title, detail and field messages are in the request's language ({@link Languages}), named
 * in the answer's {@code Content-Language}; texts come from the modules' bundles ({@link ProblemMessages}), field
 * messages from bean validation, which follows the same language.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final String WRONG_TYPE = "problem.field.wrong-type";
    private static final String INVALID = "problem.field.invalid";

    private final ConstraintRegistry constraints;
    private final ProblemMessages messages;

    public ProblemAdvice(ObjectProvider<ConstraintProblems> constraints, ProblemMessages messages) {
        this.constraints = new ConstraintRegistry(constraints.orderedStream().toList());
        this.messages = messages;
    }

    /** One entry of {@code errors}: which field, what is wrong. */
    public record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        Locale locale = Languages.of(request);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status()).header(HttpHeaders.CONTENT_LANGUAGE,
                locale.toLanguageTag());
        if (e instanceof ApiException.TooManyRequests limited) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(limited.retryAfterSeconds()));
        }
        return answer.body(e.toProblem(messages, locale));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field)).toList();
        return validationFailed(errors, Languages.of(request));
    }

    /**
     * A write the database refused: the problem the refusing constraint is registered with ({@link ConstraintProblems}),
     * so a race ends in the same answer as a plain duplicate; an unregistered constraint is a generic 409.
     */
    @ExceptionHandler({DataIntegrityViolationException.class, org.hibernate.exception.ConstraintViolationException.class})
    ResponseEntity<ProblemDetail> integrity(RuntimeException e, HttpServletRequest request) {
        Locale locale = Languages.of(request);
        Optional<DatabaseRefusal> refusal = DatabaseRefusal.of(e);
        Optional<ConstraintProblem> registered = refusal.map(DatabaseRefusal::constraint).flatMap(constraints::find);
        if (registered.isPresent()) {
            return answer(registered.get().status(), registered.get().toProblem(messages, locale), locale);
        }
        log.info("write refused by a database constraint that is not registered ({}): {}",
                refusal.map(r -> r.sqlState() + " " + r.constraint()).orElse("unknown"),
                NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        return answer(HttpStatus.CONFLICT, "conflict", Problems.detail("conflict"), locale);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentUpdate(OptimisticLockingFailureException e, HttpServletRequest request) {
        return answer(HttpStatus.CONFLICT, "concurrent-update", Problems.detail("concurrent-update"),
                Languages.of(request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected failure", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", Problems.detail("internal-error"),
                Languages.of(request));
    }

    /**
     * A request body that fails validation is a 422 naming its fields. Query parameters bound together into one
     * object (a {@code @ParameterObject} such as {@code AuditQuery}) are request parameters like any other: a value out
     * of its limits or of the wrong type is the same 400 {@code invalid-parameter} a single parameter gets.
     */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = locale(request);
        if (!ex.getParameter().hasParameterAnnotation(RequestBody.class)) {
            return invalidParameters(ex.getBindingResult().getFieldErrors(), locale);
        }
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), messageOf(f, locale)))
                .sorted(Comparator.comparing(FieldProblem::field)).toList();
        return widen(validationFailed(errors, locale));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = locale(request);
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldProblem(
                        r.getMethodParameter().getParameterName() == null ? "parameter"
                                : r.getMethodParameter().getParameterName(),
                        err.getDefaultMessage() == null ? messages.text(Problems.message(INVALID), locale)
                                : err.getDefaultMessage())))
                .toList();
        ProblemDetail problem = messages.problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
                Problems.detail("invalid-parameter"), locale);
        problem.setProperty("errors", errors);
        return widen(answer(HttpStatus.BAD_REQUEST, problem, locale));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = locale(request);
        ProblemDetail problem = messages.problem(HttpStatus.BAD_REQUEST, "malformed-request", readableCause(ex),
                locale);
        Throwable cause = ex.getCause();
        if (cause instanceof DatabindException db && !db.getPath().isEmpty()) {
            String field = db.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            problem.setProperty("errors", List.of(new FieldProblem(field,
                    messages.text(Problems.message(WRONG_TYPE), locale))));
        }
        return widen(answer(HttpStatus.BAD_REQUEST, problem, locale));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Locale locale = locale(request);
        String name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        ProblemDetail problem = messages.problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
                Problems.variant("invalid-parameter", "wrong-type", name), locale);
        problem.setProperty("errors", List.of(new FieldProblem(name, messages.text(Problems.message(WRONG_TYPE),
                locale))));
        return widen(answer(HttpStatus.BAD_REQUEST, problem, locale));
    }

    /**
     * Framework-made problems get our type URIs instead of none ({@code about:blank}), and the type's title in the
     * request's language; their details are Spring's, or the bundles' {@code problemDetail.<exception class>}.
     */
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
            Locale locale = locale(request);
            problem.setType(Problems.type(slug));
            problem.setTitle(messages.text(Problems.title(slug), locale));
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag()).body(problem);
        }
        return response;
    }

    private ResponseEntity<Object> invalidParameters(List<FieldError> fieldErrors, Locale locale) {
        List<FieldProblem> errors = fieldErrors.stream()
                .map(f -> new FieldProblem(f.getField(), f.isBindingFailure()
                        ? messages.text(Problems.message(WRONG_TYPE), locale) : messageOf(f, locale)))
                .sorted(Comparator.comparing(FieldProblem::field)).toList();
        ProblemDetail problem = messages.problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
                errors.size() == 1 && fieldErrors.getFirst().isBindingFailure()
                        ? Problems.variant("invalid-parameter", "wrong-type", errors.getFirst().field())
                        : Problems.detail("invalid-parameter"), locale);
        problem.setProperty("errors", errors);
        return widen(answer(HttpStatus.BAD_REQUEST, problem, locale));
    }

    private ResponseEntity<ProblemDetail> validationFailed(List<FieldProblem> errors, Locale locale) {
        ProblemDetail problem = messages.problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed",
                Problems.detail("validation-failed", errors.size()), locale);
        problem.setProperty("errors", errors);
        return answer(HttpStatus.UNPROCESSABLE_CONTENT, problem, locale);
    }

    private ResponseEntity<ProblemDetail> answer(HttpStatusCode status, String type, MessageSourceResolvable detail,
            Locale locale) {
        return answer(status, messages.problem(status, type, detail, locale), locale);
    }

    private static ResponseEntity<ProblemDetail> answer(HttpStatusCode status, ProblemDetail problem, Locale locale) {
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .body(problem);
    }

    /** The answer as the framework's handler methods declare it. */
    private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> answer) {
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(answer.getBody());
    }

    /** The validator's message, already in the request's language; one it did not give is "is invalid". */
    private String messageOf(FieldError f, Locale locale) {
        return f.getDefaultMessage() == null ? messages.text(Problems.message(INVALID), locale) : f.getDefaultMessage();
    }

    private static Locale locale(WebRequest request) {
        HttpServletRequest servlet = request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
        return servlet == null ? Languages.DEFAULT : Languages.of(servlet);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static MessageSourceResolvable readableCause(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof MoneyJson.InvalidMoney money) {
            return Problems.variant("malformed-request", "money",
                    Problems.message("problem.malformed-request.money." + money.reason()));
        }
        if (cause instanceof MismatchedInputException) {
            return Problems.variant("malformed-request", "wrong-type");
        }
        if (cause instanceof JacksonException) {
            return Problems.variant("malformed-request", "not-json");
        }
        return Problems.detail("malformed-request");
    }

}
