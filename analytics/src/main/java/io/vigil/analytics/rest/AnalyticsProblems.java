package io.vigil.analytics.rest;

import io.vigil.analytics.api.MonitorRejectedException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** RFC 7807 problems for the monitoring API, with the same {@code /problems/...} types as the rest of the API. */
@RestControllerAdvice(basePackages = "io.vigil.analytics.rest")
@Order(Ordered.HIGHEST_PRECEDENCE)
class AnalyticsProblems {

    @ExceptionHandler(MonitorRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(MonitorRejectedException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid monitor", e.getMessage());
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("field", p.split(" ", 2)[0], "message", p))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(io.vigil.analytics.api.AlertStateException.class)
    ResponseEntity<ProblemDetail> alertState(io.vigil.analytics.api.AlertStateException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "conflict", "Alert is not in that state", e.getMessage()));
    }

    /**
     * A query parameter of the wrong type or out of its type's range ({@code page=abc}, {@code page=99999999999},
     * {@code from=yesterday}): a 400 naming it. Handled here, before the handler below would take the
     * {@link NumberFormatException} inside it for a broken rule.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mistyped(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type == java.time.Instant.class
                ? "an ISO-8601 instant such as 2026-11-23T10:15:30Z"
                : type == int.class || type == long.class || type == Integer.class || type == Long.class
                        ? "a whole number in range"
                        : "a " + (type == null ? "value of another type" : type.getSimpleName());
        String message = "must be " + expected;
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", e.getName() + " " + message);
        problem.setProperty("errors", List.of(Map.of("field", e.getName(), "message", message)));
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * A broken rule of a request ({@link io.vigil.analytics.api.MonitoringRules}, a command's own checks): the
     * message starts with the field's name, which {@code errors} lists as the contract's validation problems do.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        String message = e.getMessage() == null ? "invalid request" : e.getMessage();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", message);
        problem.setProperty("errors", List.of(Map.of("field", message.split(" ", 2)[0], "message", message)));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(org.axonframework.modelling.command.AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> noAggregate(org.axonframework.modelling.command.AggregateNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(MonitorNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(MonitorNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "not-found", "Monitor not found", e.getMessage()));
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }
}
