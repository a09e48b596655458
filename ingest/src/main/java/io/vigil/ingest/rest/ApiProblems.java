package io.vigil.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vigil.ingest.api.FieldViolation;
import io.vigil.ingest.api.OutcomeConflictException;
import io.vigil.ingest.api.ReviewClaimedException;
import io.vigil.ingest.api.ReviewRejectedException;
import io.vigil.ingest.api.TransactionConflictException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the REST API into RFC 7807 {@code application/problem+json}, with the contract's {@code type}
 * values and, for validation, the {@code errors} list of fields.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** Builds a problem with one of the contract's {@code /problems/...} types. */
    public static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    /** The 400 problem for a list of invalid fields. */
    public static ProblemDetail validationProblem(String title, List<FieldViolation> violations) {
        String detail =
                violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", title, detail);
        problem.setProperty("errors", violations);
        return problem;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return ResponseEntity.badRequest().body(validationProblem(e.title(), e.violations()));
    }

    /** A rejected batch: the first violations in the detail, every one in {@code errors} with its item's index. */
    @ExceptionHandler(InvalidBatchException.class)
    ResponseEntity<ProblemDetail> invalidBatch(InvalidBatchException e) {
        List<ItemViolation> violations = e.violations();
        String detail = violations.stream()
                .limit(5)
                .map(v ->
                        (v.index() < 0 ? "" : "[" + v.index() + "]" + (v.field().isEmpty() ? "" : ".") + v.field())
                                + " " + v.message())
                .collect(Collectors.joining("; "));
        if (violations.size() > 5) {
            detail += "; and " + (violations.size() - 5) + " more";
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid events", detail.strip());
        problem.setProperty("errors", violations);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(TransactionConflictException.class)
    ResponseEntity<ProblemDetail> conflict(TransactionConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "conflict", "Transaction id already used", e.getMessage()));
    }

    @ExceptionHandler(OutcomeConflictException.class)
    ResponseEntity<ProblemDetail> outcomeConflict(OutcomeConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "conflict", "Transaction already labelled", e.getMessage()));
    }

    @ExceptionHandler(ReviewClaimedException.class)
    ResponseEntity<ProblemDetail> reviewClaimed(ReviewClaimedException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "review-claimed", "Claimed by another reviewer", e.getMessage()));
    }

    @ExceptionHandler(ReviewRejectedException.class)
    ResponseEntity<ProblemDetail> reviewRejected(ReviewRejectedException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "review-rejected", "Review not possible", e.getMessage()));
    }

    @ExceptionHandler(TransactionNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(TransactionNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "not-found", "Transaction not found", e.getMessage()));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(payloadTooLarge(e));
    }

    static ProblemDetail payloadTooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Request body too large", e.getMessage());
    }

    @ExceptionHandler(OverloadedException.class)
    ResponseEntity<ProblemDetail> overloaded(OverloadedException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Vigil is overloaded", e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("request failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal",
                        "Internal error",
                        "the request could not be completed; nothing was stored unless a decision was returned"));
    }

    /** Malformed JSON and wrong types: a 400 that names the field when Jackson knows it. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(payloadTooLarge(tooLarge));
            }
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = fieldPath(mismatch);
            // a number or boolean refused for a string (see ApiRequestJson) is a wrong type, not a wrong value
            String message = mismatch instanceof InvalidFormatException format && format.getTargetType() != String.class
                    ? "has an invalid value " + format.getValue()
                    : "has the wrong type, expected " + simpleName(mismatch.getTargetType());
            return ResponseEntity.badRequest()
                    .body(validationProblem("Invalid request", List.of(new FieldViolation(field, message))));
        }
        String detail = cause instanceof JsonProcessingException json
                ? "the body is not valid JSON: " + json.getOriginalMessage()
                : "the body is missing or not valid JSON";
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "malformed", "Malformed request", detail));
    }

    /**
     * A query or path parameter of the wrong type or out of its type's range ({@code page=abc},
     * {@code size=99999999999}, {@code from=yesterday}): a 400 naming the parameter.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "another type" : simpleName(e.getRequiredType());
        if (e.getRequiredType() == java.time.Instant.class) {
            expected = "an ISO-8601 instant such as 2026-11-23T10:15:30Z";
        } else if (e.getRequiredType() == int.class || e.getRequiredType() == long.class) {
            expected = "a whole number in range";
        }
        return ResponseEntity.badRequest()
                .body(validationProblem(
                        "Invalid request",
                        List.of(new FieldViolation(field == null ? "" : field, "must be " + expected))));
    }

    /** A required query parameter left out: a 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
                .body(validationProblem(
                        "Invalid request", List.of(new FieldViolation(e.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && problem.getType().toString().equals("about:blank")) {
            problem.setType(URI.create("/problems/http-" + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** The JSON path of the member Jackson refused: {@code amount}, {@code attributes.x}, {@code [3].id}. */
    static String fieldPath(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return type.getSimpleName();
    }
}
