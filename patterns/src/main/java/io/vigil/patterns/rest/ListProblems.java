package io.vigil.patterns.rest;

import io.vigil.patterns.api.ListChangeRejectedException;
import io.vigil.patterns.api.ListEntryNotFoundException;
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

/**
 * RFC 7807 problems for the lists' API, with the same {@code /problems/...} types as the rest of the API. What is not
 * handled here (malformed JSON, a body over its limit, a wrong content type) is answered by the server's common
 * handling.
 */
@RestControllerAdvice(basePackages = "io.vigil.patterns.rest")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ListProblems {

    @ExceptionHandler(ListRequests.InvalidListRequestException.class)
    ResponseEntity<ProblemDetail> invalid(ListRequests.InvalidListRequestException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid list change", e.getMessage());
        problem.setProperty("errors", e.problems());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ListChangeRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(ListChangeRejectedException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid list change", e.getMessage());
        problem.setProperty(
                "errors",
                e.problems().stream()
                        .map(p -> Map.of("field", p.split(" ", 2)[0], "message", p))
                        .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    /** An import refused whole (atomic mode with bad lines, or no good line at all): every bad line in errors. */
    @ExceptionHandler(ListController.RefusedImportException.class)
    ResponseEntity<ProblemDetail> refusedImport(ListController.RefusedImportException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid list file", e.getMessage());
        problem.setProperty("lines", e.lines());
        problem.setProperty("errors", e.badLines());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ListCsv.CsvFileException.class)
    ResponseEntity<ProblemDetail> unreadableFile(ListCsv.CsvFileException e) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST, "validation", "Invalid list file", e.getMessage() + "; nothing was stored");
        problem.setProperty(
                "errors",
                List.of(
                        e.line() > 0
                                ? Map.of("line", e.line(), "message", e.getMessage())
                                : Map.of("message", e.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ListEntryNotFoundException.class)
    ResponseEntity<ProblemDetail> notListed(ListEntryNotFoundException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "not-found", "Not on the list", e.getMessage());
        problem.setProperty("values", e.values());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(ListController.UnknownListException.class)
    ResponseEntity<ProblemDetail> unknownList(ListController.UnknownListException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "not-found", "No such list", e.getMessage()));
    }

    /** A query parameter of the wrong type or out of its type's range ({@code page=abc}): a 400 naming it. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mistyped(MethodArgumentTypeMismatchException e) {
        String message = "must be a whole number in range";
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", e.getName() + " " + message);
        problem.setProperty("errors", List.of(Map.of("field", e.getName(), "message", message)));
        return ResponseEntity.badRequest().body(problem);
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }
}
