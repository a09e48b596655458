package io.vigil.patterns.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.patterns.api.ApprovePatternCommand;
import io.vigil.patterns.api.ArchivePatternCommand;
import io.vigil.patterns.api.CheckPatternQuery;
import io.vigil.patterns.api.CreatePatternDraftCommand;
import io.vigil.patterns.api.EditPatternDraftCommand;
import io.vigil.patterns.api.FindPatternDiffQuery;
import io.vigil.patterns.api.FindPatternQuery;
import io.vigil.patterns.api.FindPatternsQuery;
import io.vigil.patterns.api.PatternCheckResult;
import io.vigil.patterns.api.PatternDetails;
import io.vigil.patterns.api.PatternDiff;
import io.vigil.patterns.api.PatternInvalidException;
import io.vigil.patterns.api.PatternPage;
import io.vigil.patterns.api.PatternRuleException;
import io.vigil.patterns.api.PatternRules;
import io.vigil.patterns.api.PatternTestResult;
import io.vigil.patterns.api.PublishPatternCommand;
import io.vigil.patterns.api.RejectPatternCommand;
import io.vigil.patterns.api.RollBackPatternCommand;
import io.vigil.patterns.api.SetPatternModeCommand;
import io.vigil.patterns.api.SubmitPatternCommand;
import io.vigil.patterns.api.TestPatternQuery;
import io.vigil.patterns.rest.PatternRequests.CheckRequest;
import io.vigil.patterns.rest.PatternRequests.CreateRequest;
import io.vigil.patterns.rest.PatternRequests.DraftRequest;
import io.vigil.patterns.rest.PatternRequests.ModeRequest;
import io.vigil.patterns.rest.PatternRequests.PublishRequest;
import io.vigil.patterns.rest.PatternRequests.RollbackRequest;
import io.vigil.patterns.rest.PatternRequests.StepRequest;
import io.vigil.patterns.rest.PatternRequests.TestRequest;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fraud patterns over the API, through their lifecycle: a draft is created and edited, submitted, approved by
 * another user or key than its author, published, switched between modes, rolled back and archived. Who acts is the
 * API key of the request (the access module stamps it on each command); every step answers the pattern as it now is,
 * with its history.
 */
@RestController
@RequestMapping(path = "/api/v1/patterns", produces = MediaType.APPLICATION_JSON_VALUE)
class PatternController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    PatternController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** The patterns, most recently changed first: {@code ?status=published&page=0&size=50}; archived ones on request. */
    @GetMapping
    PatternResponses.Page list(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        FindPatternsQuery query = new FindPatternsQuery(PatternRequests.status(status), page, size);
        return PatternResponses.Page.of(queries.query(query, ResponseTypes.instanceOf(PatternPage.class))
                .join());
    }

    @GetMapping("/{id}")
    PatternResponses.Pattern get(@PathVariable String id) {
        return PatternResponses.Pattern.of(find(id).orElseThrow(() -> new PatternNotFoundException(id)));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PatternResponses.Pattern> create(@RequestBody CreateRequest request) {
        String idProblem = PatternRules.idProblem(request.id());
        if (idProblem != null) {
            throw new PatternInvalidException(List.of(idProblem));
        }
        if (find(request.id()).isPresent()) {
            throw new PatternRuleException(request.id(), "a pattern with this id exists already");
        }
        commands.sendAndWait(new CreatePatternDraftCommand(request.id(), request.draft(), request.comment()));
        return ResponseEntity.created(URI.create("/api/v1/patterns/" + request.id()))
                .body(get(request.id()));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    PatternResponses.Pattern edit(@PathVariable String id, @RequestBody DraftRequest request) {
        return send(id, new EditPatternDraftCommand(id, request.draft(), request.comment()));
    }

    @PostMapping(path = "/{id}/submit", consumes = MediaType.APPLICATION_JSON_VALUE)
    PatternResponses.Pattern submit(@PathVariable String id, @RequestBody(required = false) StepRequest request) {
        return send(id, new SubmitPatternCommand(id, comment(request)));
    }

    @PostMapping(path = "/{id}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
    PatternResponses.Pattern approve(@PathVariable String id, @RequestBody(required = false) StepRequest request) {
        return send(id, new ApprovePatternCommand(id, comment(request)));
    }

    @PostMapping(path = "/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    PatternResponses.Pattern reject(@PathVariable String id, @RequestBody(required = false) StepRequest request) {
        return send(id, new RejectPatternCommand(id, comment(request)));
    }

    @PostMapping(path = "/{id}/publish", consumes = MediaType.APPLICATION_JSON_VALUE)
    PatternResponses.Pattern publish(@PathVariable String id, @RequestBody(required = false) PublishRequest request) {
        PublishRequest body = request == null ? new PublishRequest(null, null) : request;
        return send(id, new PublishPatternCommand(id, PatternRequests.mode(body.mode(), false), body.comment()));
    }

    @PostMapping(path = "/{id}/mode", consumes = MediaType.APPLICATION_JSON_VALUE)
    PatternResponses.Pattern mode(@PathVariable String id, @RequestBody ModeRequest request) {
        return send(id, new SetPatternModeCommand(id, PatternRequests.mode(request.mode(), true), request.comment()));
    }

    @PostMapping(path = "/{id}/rollback", consumes = MediaType.APPLICATION_JSON_VALUE)
    PatternResponses.Pattern rollback(@PathVariable String id, @RequestBody RollbackRequest request) {
        if (request.version() == null) {
            throw new PatternInvalidException(List.of("version is required: the published version to make live"));
        }
        return send(id, new RollBackPatternCommand(id, request.version(), request.comment()));
    }

    @PostMapping(path = "/{id}/archive", consumes = MediaType.APPLICATION_JSON_VALUE)
    PatternResponses.Pattern archive(@PathVariable String id, @RequestBody(required = false) StepRequest request) {
        return send(id, new ArchivePatternCommand(id, comment(request)));
    }

    /** What changed between two versions: {@code ?from=1&to=2}, each a version number, {@code live} or {@code draft}. */
    @GetMapping("/{id}/diff")
    PatternDiff diff(@PathVariable String id, @RequestParam String from, @RequestParam String to) {
        get(id);
        return queries.query(new FindPatternDiffQuery(id, from, to), ResponseTypes.instanceOf(PatternDiff.class))
                .join();
    }

    /** Compiles an expression and effect as scoring would, changing nothing: {@code problems} is empty when fine. */
    @PostMapping(path = "/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    PatternCheckResult check(@RequestBody CheckRequest request) {
        return queries.query(
                        new CheckPatternQuery(request.expression(), request.effect()),
                        ResponseTypes.instanceOf(PatternCheckResult.class))
                .join();
    }

    /**
     * Evaluates an expression against one sample transaction, changing nothing: whether it matches, the values it
     * read and each top-level clause's value; {@code problems} says why it could not be evaluated.
     */
    @PostMapping(path = "/test", consumes = MediaType.APPLICATION_JSON_VALUE)
    PatternTestResult test(@RequestBody TestRequest request) {
        JsonNode transaction = request.transaction();
        String json = transaction == null || transaction.isNull()
                ? null
                : transaction.isTextual() ? transaction.asText() : transaction.toString();
        return queries.query(
                        new TestPatternQuery(request.expression(), json, request.transactionId()),
                        ResponseTypes.instanceOf(PatternTestResult.class))
                .join();
    }

    private PatternResponses.Pattern send(String id, Object command) {
        if (PatternRules.idProblem(id) != null) {
            throw new PatternNotFoundException(id.length() > 64 ? id.substring(0, 64) + "…" : id);
        }
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new PatternNotFoundException(id);
        }
        return get(id);
    }

    private Optional<PatternDetails> find(String id) {
        if (PatternRules.idProblem(id) != null) {
            return Optional.empty();
        }
        return queries.query(new FindPatternQuery(id), ResponseTypes.optionalInstanceOf(PatternDetails.class))
                .join();
    }

    private static String comment(StepRequest request) {
        return request == null ? null : request.comment();
    }
}
