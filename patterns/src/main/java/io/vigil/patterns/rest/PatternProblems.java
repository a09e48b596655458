package io.vigil.patterns.rest;

import io.vigil.patterns.api.ModelInvalidException;
import io.vigil.patterns.api.ModelRuleException;
import io.vigil.patterns.api.PatternBacktestBusyException;
import io.vigil.patterns.api.PatternInvalidException;
import io.vigil.patterns.api.PatternRuleException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 7807 problems for the patterns API, with the same {@code /problems/...} types as the rest of the API: bad input
 * 400 (an expression that does not compile 422, naming the compiler's message), an unknown pattern 404, a broken
 * lifecycle rule 409; the same for models, whose refused registration is 422. Malformed JSON and unexpected errors are the API's common answers.
 */
@RestControllerAdvice(basePackages = "io.vigil.patterns.rest")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PatternProblems {

    private static final Logger log = LoggerFactory.getLogger(PatternProblems.class);

    @ExceptionHandler(PatternInvalidException.class)
    ResponseEntity<ProblemDetail> invalid(PatternInvalidException e) {
        if (e.compileProblems()) {
            ProblemDetail problem = problem(
                    HttpStatus.UNPROCESSABLE_ENTITY, "does-not-compile", "Expression does not compile", e.getMessage());
            problem.setProperty(
                    "errors",
                    e.problems().stream()
                            .map(p -> Map.of("field", "expression", "message", p))
                            .toList());
            return ResponseEntity.unprocessableEntity().body(problem);
        }
        return validation(e.getMessage(), e.problems());
    }

    /** A model that cannot be registered: 422 naming each problem (an unknown feature, a sample scored otherwise). */
    @ExceptionHandler(ModelInvalidException.class)
    ResponseEntity<ProblemDetail> modelInvalid(ModelInvalidException e) {
        ProblemDetail problem =
                problem(HttpStatus.UNPROCESSABLE_ENTITY, "model-refused", "Model refused", e.getMessage());
        problem.setProperty(
                "errors", e.problems().stream().map(p -> Map.of("message", p)).toList());
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    @ExceptionHandler(ModelRuleException.class)
    ResponseEntity<ProblemDetail> modelRule(ModelRuleException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "conflict", "Not allowed in the model's state", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegal(IllegalArgumentException e) {
        String message = e.getMessage() == null ? "invalid request" : e.getMessage();
        return validation(message, List.of(message));
    }

    @ExceptionHandler(PatternRuleException.class)
    ResponseEntity<ProblemDetail> rule(PatternRuleException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "conflict", "Not allowed in the pattern's state", e.getMessage()));
    }

    /** Two requests created the same pattern at once: the second finds its id taken. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(
                        HttpStatus.CONFLICT,
                        "conflict",
                        "Changed at the same time",
                        "the pattern was changed by another request at the same time; read it and try again"));
    }

    /** As many backtests as Vigil runs at once are running: nothing was started. */
    @ExceptionHandler(PatternBacktestBusyException.class)
    ResponseEntity<ProblemDetail> busy(PatternBacktestBusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "30")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Too many backtests", e.getMessage()));
    }

    @ExceptionHandler(PatternNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(PatternNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    /** A query handler's refusal comes wrapped by the query gateway's future: answered as the refusal itself. */
    @ExceptionHandler(CompletionException.class)
    ResponseEntity<ProblemDetail> completion(CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof PatternInvalidException invalid) {
            return invalid(invalid);
        }
        if (cause instanceof IllegalArgumentException illegal) {
            return illegal(illegal);
        }
        log.error("pattern request failed", cause == null ? e : cause);
        return ResponseEntity.internalServerError()
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal",
                        "Internal error",
                        "the request could not be completed"));
    }

    private static ResponseEntity<ProblemDetail> validation(String detail, List<String> problems) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid pattern request", detail);
        problem.setProperty(
                "errors",
                problems.stream()
                        .map(p -> Map.of("field", p.split(" ", 2)[0], "message", p))
                        .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }
}
