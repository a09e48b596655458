package io.vigil.access.rest;

import io.vigil.access.api.InvalidApiKeyException;
import io.vigil.access.api.UnknownApiKeyException;
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

/** RFC 7807 problems of the keys' API, with the same {@code /problems/...} types as the rest of the API. */
@RestControllerAdvice(basePackages = "io.vigil.access.rest")
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessProblems {

    @ExceptionHandler(InvalidApiKeyException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidApiKeyException e) {
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, "validation", "Invalid API key request", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(UnknownApiKeyException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownApiKeyException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "not-found", "API key not found", e.getMessage()));
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }
}
