package io.vigil.ingest.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigil.ingest.api.ApiRules;
import io.vigil.ingest.api.FindTransactionQuery;
import io.vigil.ingest.api.RecordTransactionCommand;
import io.vigil.ingest.api.ReportOutcomeCommand;
import io.vigil.ingest.api.ResubmitTransactionCommand;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionRecordedEvent;
import io.vigil.ingest.api.TransactionView;
import java.security.Principal;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The transactions part of the public API (v1). */
@RestController
@RequestMapping(path = "/api/v1/transactions", produces = MediaType.APPLICATION_JSON_VALUE)
class TransactionController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final DecisionAdmission admission;
    private final MeterRegistry meters;
    private final DecisionLatencyWindow recent;
    private final Clock clock;

    TransactionController(
            CommandGateway commands,
            QueryGateway queries,
            DecisionAdmission admission,
            MeterRegistry meters,
            DecisionLatencyWindow recent) {
        this.commands = commands;
        this.queries = queries;
        this.admission = admission;
        this.meters = meters;
        this.recent = recent;
        this.clock = Clock.systemUTC();
    }

    /** Records and decides a transaction; answers only after both events are committed. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    DecisionResponse submit(@RequestBody TransactionRequest request, Principal caller) {
        TransactionDetails details = request.validate(clock.instant());
        RecordTransactionCommand command = new RecordTransactionCommand(details.transactionId(), details);
        long start = System.nanoTime();
        RiskDecision decision = admission.admit(() -> record(command, caller));
        long nanos = System.nanoTime() - start;
        recent.record(nanos);
        Timer.builder("vigil.decision.latency")
                .description("From a valid request to its stored decision, by decision")
                .tag("decision", decision.decision().wireName())
                .tag("fallback", Boolean.toString(decision.fallback()))
                .publishPercentileHistogram()
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS);
        return DecisionResponse.of(details.transactionId(), decision);
    }

    /** Records the command with its submitter (the API key) in its meta-data, for the webhooks the review sends. */
    private RiskDecision record(RecordTransactionCommand command, Principal caller) {
        try {
            return commands.sendAndWait(
                    caller == null
                            ? command
                            : GenericCommandMessage.asCommandMessage(command)
                                    .andMetaData(Map.of(TransactionRecordedEvent.SUBMITTER, caller.getName())));
        } catch (RuntimeException e) {
            if (!idTaken(e)) {
                throw e;
            }
            // the id was recorded before (a retry, or a race with another request): answer as for a repeat
            return commands.sendAndWait(new ResubmitTransactionCommand(command.transactionId(), command.transaction()));
        }
    }

    /** Whether appending the first event failed because the id is already in the event store. */
    static boolean idTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AggregateStreamCreationException || t instanceof ConcurrencyException) {
                return true;
            }
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true; // unique_violation, as the JDBC engine reports a failed batch append
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    @GetMapping("/{id}")
    TransactionResponse find(@PathVariable String id) {
        requireId(id);
        return queries.query(new FindTransactionQuery(id), ResponseTypes.optionalInstanceOf(TransactionView.class))
                .join()
                .map(TransactionResponse::of)
                .orElseThrow(() -> new TransactionNotFoundException(id));
    }

    /** A path id that no transaction can have is a 404, before it reaches the event store. */
    private static void requireId(String id) {
        if (!ApiRules.ID.matcher(id).matches()) {
            throw new TransactionNotFoundException(id.length() > 64 ? id.substring(0, 64) + "…" : id);
        }
    }

    @PostMapping(path = "/{id}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    void reportOutcome(@PathVariable String id, @RequestBody OutcomeRequest request) {
        requireId(id);
        OutcomeRequest.Valid outcome = request.validate(clock.instant());
        try {
            commands.sendAndWait(new ReportOutcomeCommand(
                    id, outcome.outcome(), outcome.timestamp(), outcome.note(), outcome.replaces()));
        } catch (AggregateNotFoundException e) {
            throw new TransactionNotFoundException(id);
        }
    }
}
