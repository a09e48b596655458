package io.vigil.ingest.command;

import io.vigil.ingest.api.OperationalEvent;
import io.vigil.ingest.api.OperationalEventsRecorded;
import io.vigil.ingest.api.OperationalEventsRecordedEvent;
import io.vigil.ingest.api.RecordOperationalEventsCommand;
import java.sql.Array;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records operational events. They are not aggregates: nothing about one event is decided from earlier ones, and at
 * tens of thousands a second one stream per event would cost more than the events are worth. Repeats are dropped
 * with the ids table of PostgreSQL, in the same transaction as the event store append, so a batch is either stored
 * and its ids claimed, or neither.
 */
@Component
class OperationalEventRecorder {

    private final JdbcTemplate jdbc;
    private final EventBus eventBus;

    OperationalEventRecorder(JdbcTemplate jdbc, EventBus eventBus) {
        this.jdbc = jdbc;
        this.eventBus = eventBus;
    }

    @CommandHandler
    OperationalEventsRecorded handle(RecordOperationalEventsCommand command) {
        Map<String, OperationalEvent> unique = new LinkedHashMap<>();
        for (OperationalEvent event : command.events()) {
            unique.putIfAbsent(event.eventId(), event);
        }
        Set<String> claimed = claim(unique.keySet());
        List<OperationalEvent> fresh = unique.values().stream()
                .filter(e -> claimed.contains(e.eventId()))
                .toList();
        if (!fresh.isEmpty()) {
            eventBus.publish(GenericEventMessage.asEventMessage(new OperationalEventsRecordedEvent(fresh)));
        }
        return new OperationalEventsRecorded(fresh.size(), command.events().size() - fresh.size());
    }

    /** Inserts the ids not taken yet, in one statement; returns those it inserted. */
    private Set<String> claim(Set<String> ids) {
        return jdbc.execute((java.sql.Connection c) -> {
            Array array = c.createArrayOf("text", ids.toArray());
            try (var ps = c.prepareStatement("INSERT INTO operational_event_ids (id) SELECT unnest(?)"
                    + " ON CONFLICT DO NOTHING RETURNING id")) {
                ps.setArray(1, array);
                Set<String> inserted = new HashSet<>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getString(1));
                    }
                }
                return inserted;
            } finally {
                array.free();
            }
        });
    }
}
