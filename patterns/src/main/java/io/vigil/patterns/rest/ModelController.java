package io.vigil.patterns.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.patterns.api.ApproveModelCommand;
import io.vigil.patterns.api.FindModelQuery;
import io.vigil.patterns.api.ModelCandidate;
import io.vigil.patterns.api.ModelInvalidException;
import io.vigil.patterns.api.ModelOverview;
import io.vigil.patterns.api.ModelSample;
import io.vigil.patterns.api.ModelSource;
import io.vigil.patterns.api.ModelVersion;
import io.vigil.patterns.api.PromoteModelCommand;
import io.vigil.patterns.api.RegisterModelCommand;
import io.vigil.patterns.api.RollBackModelCommand;
import io.vigil.patterns.api.ShadowModelCommand;
import io.vigil.patterns.api.StopModelShadowCommand;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The risk model over the API: its versions and where each stands, a model trained elsewhere imported as a
 * candidate, and the lifecycle steps (approve, promote, shadow, stop the shadow, roll back). Vigil scores with one
 * model, {@value #MODEL}; who acts is the request's API key (scope manage), stamped on each command.
 */
@RestController
@RequestMapping(path = "/api/v1/models", produces = MediaType.APPLICATION_JSON_VALUE)
class ModelController {

    private static final String MODEL = ModelVersion.RISK;

    private final CommandGateway commands;
    private final QueryGateway queries;

    ModelController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** An import: the XGBoost JSON model (an object, or a string holding it), its features and checked samples. */
    record ImportRequest(
            JsonNode model,
            List<String> features,
            List<ModelSample> samples,
            Map<String, Double> metrics,
            Instant trainedFrom,
            Instant trainedTo,
            String trainedBy,
            String comment) {}

    record StepRequest(String comment) {}

    /** The model's live and shadow versions and every version, newest first. */
    @GetMapping
    ModelResponses.Model list() {
        return ModelResponses.Model.of(overview());
    }

    @GetMapping("/{version}")
    ModelResponses.Version get(@PathVariable int version) {
        return overview().versions().stream()
                .filter(v -> v.version().number() == version)
                .findFirst()
                .map(ModelResponses.Version::of)
                .orElseThrow(
                        () -> new PatternNotFoundException("model " + MODEL + " has no version " + version, false));
    }

    /**
     * Imports a model trained elsewhere as a candidate: refused (422, naming each problem) when a feature is not one
     * Vigil computes, the file does not load, or Vigil scores a sample differently from the trainer's prediction.
     */
    @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ModelResponses.Version> importModel(@RequestBody ImportRequest request) {
        JsonNode model = request.model();
        if (model == null || model.isNull()) {
            throw new ModelInvalidException(List.of("model is required: the XGBoost JSON model"));
        }
        if (request.samples() == null || request.samples().isEmpty()) {
            throw new ModelInvalidException(
                    List.of("samples are required: rows with the trainer's own predictions, which Vigil reproduces"));
        }
        byte[] file = (model.isTextual() ? model.asText() : model.toString()).getBytes(StandardCharsets.UTF_8);
        ModelCandidate candidate = new ModelCandidate(
                request.features(),
                request.metrics(),
                request.trainedFrom(),
                request.trainedTo(),
                request.trainedBy(),
                ModelSource.IMPORTED,
                request.samples(),
                null);
        int version = commands.sendAndWait(new RegisterModelCommand(MODEL, file, candidate, request.comment()));
        return ResponseEntity.created(URI.create("/api/v1/models/" + version)).body(get(version));
    }

    @PostMapping(path = "/{version}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
    ModelResponses.Model approve(@PathVariable int version, @RequestBody(required = false) StepRequest request) {
        get(version); // an unknown version is a 404
        return send(new ApproveModelCommand(MODEL, version, comment(request)));
    }

    @PostMapping(path = "/{version}/promote", consumes = MediaType.APPLICATION_JSON_VALUE)
    ModelResponses.Model promote(@PathVariable int version, @RequestBody(required = false) StepRequest request) {
        get(version); // an unknown version is a 404
        return send(new PromoteModelCommand(MODEL, version, comment(request)));
    }

    @PostMapping(path = "/{version}/shadow", consumes = MediaType.APPLICATION_JSON_VALUE)
    ModelResponses.Model shadow(@PathVariable int version, @RequestBody(required = false) StepRequest request) {
        get(version); // an unknown version is a 404
        return send(new ShadowModelCommand(MODEL, version, comment(request)));
    }

    @PostMapping(path = "/shadow/stop", consumes = MediaType.APPLICATION_JSON_VALUE)
    ModelResponses.Model stopShadow(@RequestBody(required = false) StepRequest request) {
        return send(new StopModelShadowCommand(MODEL, comment(request)));
    }

    @PostMapping(path = "/rollback", consumes = MediaType.APPLICATION_JSON_VALUE)
    ModelResponses.Model rollback(@RequestBody(required = false) StepRequest request) {
        return send(new RollBackModelCommand(MODEL, comment(request)));
    }

    private ModelResponses.Model send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new PatternNotFoundException("model " + MODEL + " has no versions yet", false);
        }
        return list();
    }

    private ModelOverview overview() {
        return queries.query(new FindModelQuery(MODEL), ResponseTypes.instanceOf(ModelOverview.class))
                .join();
    }

    private static String comment(StepRequest request) {
        return request == null ? null : request.comment();
    }
}
