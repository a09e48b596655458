package io.vigil.scoring.training;

import io.vigil.patterns.api.ModelInvalidException;
import io.vigil.patterns.api.ModelRuleException;
import io.vigil.patterns.api.ModelVersion;
import io.vigil.patterns.api.RegisterModelCommand;
import io.vigil.scoring.api.CancelModelTrainingCommand;
import io.vigil.scoring.api.FindModelTrainingQuery;
import io.vigil.scoring.api.LabelTime;
import io.vigil.scoring.api.ModelTrainingRefusedException;
import io.vigil.scoring.api.StartModelTrainingCommand;
import io.vigil.scoring.api.TrainedModel;
import io.vigil.scoring.api.TrainingMetrics;
import io.vigil.scoring.model.ModelFeatures;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Model training over the API (docs/models.md): a run over a time range starts in the background ({@code 202} with
 * its {@code Location}), is read while it runs and after (progress, then the metrics beside the patterns alone and
 * the feature importance), can be cancelled, and its model fetched as XGBoost JSON. The training set itself streams
 * as CSV from {@code GET /api/v1/models/training-set}. All need the scope manage.
 */
@RestController
@RequestMapping(path = "/api/v1/models")
class ModelTrainingController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final TrainingRunner runner;

    ModelTrainingController(CommandGateway commands, QueryGateway queries, TrainingRunner runner) {
        this.commands = commands;
        this.queries = queries;
        this.runner = runner;
    }

    /**
     * The body: {@code from}, {@code to} (ISO-8601 instants), optionally {@code holdoutFrom} (default 7 days before
     * {@code to}), {@code maturity} (ISO-8601 or 12h / 3d; default none), {@code trees} (default 300) and
     * {@code labelTime} ({@code reported}, the default, or {@code stated}).
     */
    record StartRequest(String from, String to, String holdoutFrom, String maturity, Integer trees, String labelTime) {}

    @PostMapping(
            path = "/trainings",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Run> start(@RequestBody StartRequest request) {
        List<String> problems = new ArrayList<>();
        Instant from = instant("from", request.from(), true, problems);
        Instant to = instant("to", request.to(), true, problems);
        Instant holdoutFrom = instant("holdoutFrom", request.holdoutFrom(), false, problems);
        Duration maturity = duration("maturity", request.maturity(), problems);
        LabelTime labelTime = labelTime(request.labelTime(), problems);
        if (!problems.isEmpty()) {
            throw new ModelTrainingRefusedException(problems, false);
        }
        String id = "tr-" + UUID.randomUUID();
        TrainedModel run = commands.sendAndWait(
                new StartModelTrainingCommand(id, from, to, holdoutFrom, maturity, request.trees(), labelTime));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/models/trainings/" + id))
                .body(Run.of(run));
    }

    @GetMapping(path = "/trainings/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Run get(@PathVariable String id) {
        return Run.of(find(id));
    }

    /** Cancels a running training: {@code 202} with the run, which stops within about a second. */
    @PostMapping(path = "/trainings/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Run> cancel(@PathVariable String id) {
        find(id);
        commands.sendAndWait(new CancelModelTrainingCommand(id));
        return ResponseEntity.accepted().body(Run.of(find(id)));
    }

    /** The trained model as XGBoost JSON, once the run has completed. */
    @GetMapping(path = "/trainings/{id}/model", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> model(@PathVariable String id) {
        TrainedModel run = find(id);
        if (run.model() == null) {
            throw new NotFound("training " + id + " has no model (it is " + status(run) + ")");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".json\"")
                .body(run.model());
    }

    /** Why the run's model is registered (optional): kept with the candidate version. */
    record RegisterRequest(String comment) {}

    /** The candidate version a completed run became. */
    record Registered(String trainingId, int version) {}

    /**
     * Registers a completed run's model as a candidate version of the risk model, with the run's features, window,
     * trainer and held-out metrics; an approver other than the trainer then approves and promotes it
     * ({@code /api/v1/models/{version}/approve}). A run is registered once: registering it again is a {@code 409}
     * naming the version it became.
     */
    @PostMapping(path = "/trainings/{id}/register", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Registered> register(
            @PathVariable String id, @RequestBody(required = false) RegisterRequest request) {
        TrainedModel run = find(id);
        if (run.model() == null) {
            throw new NotFound("training " + id + " has no model (it is " + status(run) + ")");
        }
        String comment = request == null || request.comment() == null ? "trained by " + id : request.comment();
        int version = commands.sendAndWait(
                new RegisterModelCommand(ModelVersion.RISK, run.model(), run.candidate(), comment));
        return ResponseEntity.created(URI.create("/api/v1/models/" + version)).body(new Registered(id, version));
    }

    /**
     * The training set of {@code [from, to)} as CSV: {@code id, timestamp, label} (1 fraud, 0 not) then every model
     * feature in order, a missing value left empty; the rows are computed as a training computes them.
     */
    @GetMapping(path = "/training-set", produces = "text/csv")
    void trainingSet(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String labelTime,
            HttpServletResponse response)
            throws IOException {
        List<String> problems = new ArrayList<>();
        Instant start = instant("from", from, true, problems);
        Instant end = instant("to", to, true, problems);
        LabelTime time = labelTime(labelTime, problems);
        if (!problems.isEmpty()) {
            throw new ModelTrainingRefusedException(problems, false);
        }
        // written in the request's own thread as the replay goes (an asynchronous body would lose the caller's
        // authentication on its second dispatch)
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"training-set.csv\"");
        Writer writer =
                new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
        writer.write("id,timestamp,label");
        for (String name : ModelFeatures.names()) {
            writer.write(',');
            writer.write(name);
        }
        writer.write('\n');
        runner.export(start, end, time, row -> {
            try {
                TrainingCsv.write(writer, row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.flush();
    }

    @ExceptionHandler(ModelTrainingRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ModelTrainingRefusedException e) {
        HttpStatus status = e.busy() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(URI.create("/problems/" + (e.busy() ? "overloaded" : "validation")));
        problem.setTitle(e.busy() ? "Too many trainings" : "Invalid request");
        problem.setProperty(
                "errors", e.problems().stream().map(p -> Map.of("message", p)).toList());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        if (e.busy()) {
            answer.header(HttpHeaders.RETRY_AFTER, "60");
        }
        return answer.body(problem);
    }

    /** A run registered already (or another lifecycle rule): 409, nothing registered. */
    @ExceptionHandler(ModelRuleException.class)
    ResponseEntity<ProblemDetail> conflict(ModelRuleException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create("/problems/conflict"));
        problem.setTitle("Not allowed in the model's state");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** The model store refused the run's model: 422 naming each problem. */
    @ExceptionHandler(ModelInvalidException.class)
    ResponseEntity<ProblemDetail> refusedModel(ModelInvalidException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setType(URI.create("/problems/model-refused"));
        problem.setTitle("Model refused");
        problem.setProperty(
                "errors", e.problems().stream().map(p -> Map.of("message", p)).toList());
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(URI.create("/problems/not-found"));
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    private TrainedModel find(String id) {
        return queries.query(new FindModelTrainingQuery(id), ResponseTypes.optionalInstanceOf(TrainedModel.class))
                .join()
                .orElseThrow(() -> new NotFound("no training " + (id.length() > 64 ? id.substring(0, 64) : id)));
    }

    private static String status(TrainedModel run) {
        return run.status().name().toLowerCase(Locale.ROOT);
    }

    private static Instant instant(String field, String value, boolean required, List<String> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(field + " is required: an ISO-8601 instant such as 2026-11-23T00:00:00Z");
            }
            return null;
        }
        try {
            if (value.length() > 64) {
                throw new DateTimeParseException("too long", value.substring(0, 64), 64);
            }
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(field + " must be an ISO-8601 instant such as 2026-11-23T00:00:00Z");
            return null;
        }
    }

    /** An ISO-8601 duration (PT12H, P3D) or a number with s, m, h or d. */
    static Duration duration(String field, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            switch (v.charAt(v.length() - 1)) {
                case 's':
                    return Duration.ofSeconds(n);
                case 'm':
                    return Duration.ofMinutes(n);
                case 'h':
                    return Duration.ofHours(n);
                case 'd':
                    return Duration.ofDays(n);
                default:
                    break;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        problems.add(field + " must be a duration such as 12h, 3d or PT12H");
        return null;
    }

    private static LabelTime labelTime(String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return LabelTime.REPORTED;
        }
        for (LabelTime t : LabelTime.values()) {
            if (t.name().equalsIgnoreCase(value.strip())) {
                return t;
            }
        }
        problems.add("labelTime must be reported or stated");
        return null;
    }

    /** An unknown training, or one with no model yet. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    /** A run as the API shows it: status in lower case, the model's size rather than the model. */
    record Run(
            String trainingId,
            String status,
            double progress,
            Instant from,
            Instant to,
            Instant holdoutFrom,
            Duration maturity,
            int trees,
            String labelTime,
            String startedBy,
            Instant startedAt,
            Instant finishedAt,
            int features,
            TrainingMetrics metrics,
            Map<String, Double> importance,
            Integer modelBytes,
            String error) {

        static Run of(TrainedModel m) {
            return new Run(
                    m.trainingId(),
                    ModelTrainingController.status(m),
                    m.progress(),
                    m.from(),
                    m.to(),
                    m.holdoutFrom(),
                    m.maturity(),
                    m.trees(),
                    m.labelTime().name().toLowerCase(Locale.ROOT),
                    m.startedBy(),
                    m.startedAt(),
                    m.finishedAt(),
                    m.featureNames().size(),
                    m.metrics(),
                    m.importance(),
                    m.model() == null ? null : m.model().length,
                    m.error());
        }
    }
}
