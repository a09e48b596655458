package io.vigil.ingest.rest;

import io.vigil.ingest.api.FieldViolation;
import io.vigil.ingest.api.OperationalEvent;
import io.vigil.ingest.api.OperationalEventsRecorded;
import io.vigil.ingest.api.RecordOperationalEventsCommand;
import io.vigil.ingest.config.IngestLimits;
import io.vigil.ingest.config.IngestSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operational events part of the public API (v1): what monitors count. */
@RestController
@RequestMapping(path = "/api/v1/events", produces = MediaType.APPLICATION_JSON_VALUE)
class EventController {

    private final CommandGateway commands;
    private final int maxBatch;
    private final Clock clock;
    private final Duration maxAge;

    EventController(CommandGateway commands, IngestSettings settings, IngestLimits limits) {
        this.commands = commands;
        this.maxBatch = limits.maxBatchItems();
        this.clock = Clock.systemUTC();
        this.maxAge = settings.eventMaxAge();
    }

    /** Accepted events, with how many of them were new; {@code accepted} counts repeats too, as they are stored. */
    record EventsAccepted(int accepted, int recorded, int repeats) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    EventsAccepted submit(@RequestBody EventRequest request) {
        List<FieldViolation> violations = request.violations(clock.instant(), maxAge);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("Invalid event", violations);
        }
        return record(List.of(request.toEvent()));
    }

    /**
     * A batch is stored whole or not at all: one bad item rejects it, with every bad item's index and field. Its size
     * is checked as it is read as well ({@link ApiRequestJson}); the check here covers an empty batch.
     */
    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    EventsAccepted submitBatch(@RequestBody List<EventRequest> requests) {
        if (requests.isEmpty() || requests.size() > maxBatch) {
            throw new InvalidBatchException(List.of(new ItemViolation(
                    -1, "", "a batch holds 1 to " + maxBatch + " events, this one has " + requests.size())));
        }
        List<OperationalEvent> events = new ArrayList<>(requests.size());
        List<ItemViolation> violations = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < requests.size(); i++) {
            EventRequest request = requests.get(i);
            if (request == null) {
                violations.add(new ItemViolation(i, "", "must be an event object, not null"));
                continue;
            }
            List<FieldViolation> broken = request.violations(now, maxAge);
            for (FieldViolation f : broken) {
                violations.add(new ItemViolation(i, f.field(), f.message()));
            }
            if (broken.isEmpty() && violations.isEmpty()) {
                events.add(request.toEvent());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidBatchException(violations);
        }
        return record(events);
    }

    private EventsAccepted record(List<OperationalEvent> events) {
        OperationalEventsRecorded result = commands.sendAndWait(new RecordOperationalEventsCommand(events));
        return new EventsAccepted(events.size(), result.recorded(), result.repeats());
    }
}
