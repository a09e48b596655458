package io.vigil.patterns.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.vigil.patterns.api.AddListEntriesCommand;
import io.vigil.patterns.api.ChangeListEntryExpiryCommand;
import io.vigil.patterns.api.ListChangeRejectedException;
import io.vigil.patterns.api.ListChangeResult;
import io.vigil.patterns.api.ListEntriesAddedEvent;
import io.vigil.patterns.api.ListEntriesRemovedEvent;
import io.vigil.patterns.api.ListEntryExpiryChangedEvent;
import io.vigil.patterns.api.ListEntryNotFoundException;
import io.vigil.patterns.api.ListIds;
import io.vigil.patterns.api.ListItem;
import io.vigil.patterns.api.ListKind;
import io.vigil.patterns.api.ListType;
import io.vigil.patterns.api.ListValues;
import io.vigil.patterns.api.RemoveListEntriesCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One allow or block list of one kind ({@code list/block/card}): the twelve lists are twelve aggregates, each
 * versioning its own changes. A change, however many values it carries (a bulk import of tens of thousands), is one
 * command and one event, so the event stream grows with the number of changes, not of values. The state is the set
 * of listed values, which the rules need (a value can only be removed or given another expiry while it is listed;
 * the size cap); it is restored from a snapshot taken every {@code vigil.patterns.lists.snapshot-every} changes and
 * the events after it, so a list of hundreds of thousands of values loads without replaying its history.
 *
 * <p>Who made a change is the {@code actor} the access module stamps on every audited command; the events record it
 * with the time and the reason. Values arrive normalised ({@link ListValues}) and are checked again here.
 */
@Aggregate(snapshotTriggerDefinition = "valueListSnapshotTrigger")
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class ValueList {

    static final String ACTOR = "actor";
    private static final String SYSTEM = "system";

    @AggregateIdentifier
    private String listId;

    private ListType list;
    private ListKind kind;
    private long version;
    private Set<String> values = new HashSet<>();

    ValueList() {
        // for Axon, and for a list's first change
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ListChangeResult handle(AddListEntriesCommand command, @MetaDataValue(ACTOR) String actor) {
        requireNamed(command.listId(), command.list(), command.kind());
        Instant now = now();
        List<String> problems = new ArrayList<>();
        reason(problems, command.reason());
        if (command.entries().isEmpty()) {
            problems.add("entries must hold at least one value");
        }
        Set<String> seen = new HashSet<>();
        int added = 0;
        for (ListItem entry : command.entries()) {
            String value = entry.value();
            if (!normalised(command.kind(), value)) {
                problems.add("value " + quoted(value) + " is not a normalised "
                        + command.kind().wireName());
                continue;
            }
            if (!seen.add(value)) {
                problems.add("value " + quoted(value) + " appears more than once");
            }
            String expiry = ListValues.expiryProblem(entry.expiresAt(), now);
            if (expiry != null) {
                problems.add(expiry + " (value " + quoted(value) + ")");
            }
            String reason = ListValues.reasonProblem(entry.reason(), false);
            if (reason != null) {
                problems.add(reason + " (value " + quoted(value) + ")");
            }
            if (!values.contains(value)) {
                added++;
            }
        }
        if (values.size() + added > ListValues.MAX_ENTRIES) {
            problems.add("entries: a list may hold at most " + ListValues.MAX_ENTRIES + " values; "
                    + ListIds.of(command.list(), command.kind()) + " holds " + values.size()
                    + " and this change adds " + added);
        }
        reject(problems);
        apply(new ListEntriesAddedEvent(
                command.listId(),
                command.list(),
                command.kind(),
                version + 1,
                command.entries(),
                added,
                command.reason().strip(),
                command.source() == null ? "api" : command.source(),
                actor(actor),
                now));
        return new ListChangeResult(version, command.entries().size(), added);
    }

    @CommandHandler
    ListChangeResult handle(RemoveListEntriesCommand command, @MetaDataValue(ACTOR) String actor) {
        requireNamed(command.listId(), command.list(), command.kind());
        List<String> problems = new ArrayList<>();
        reason(problems, command.reason());
        if (command.values().isEmpty()) {
            problems.add("values must hold at least one value");
        }
        reject(problems);
        List<String> distinct = List.copyOf(new LinkedHashSet<>(command.values()));
        List<String> missing =
                distinct.stream().filter(value -> !values.contains(value)).toList();
        if (!missing.isEmpty()) {
            throw new ListEntryNotFoundException(listId, missing);
        }
        apply(new ListEntriesRemovedEvent(
                listId, list, kind, version + 1, distinct, command.reason().strip(), actor(actor), now()));
        return new ListChangeResult(version, distinct.size(), 0);
    }

    @CommandHandler
    ListChangeResult handle(ChangeListEntryExpiryCommand command, @MetaDataValue(ACTOR) String actor) {
        requireNamed(command.listId(), command.list(), command.kind());
        Instant now = now();
        List<String> problems = new ArrayList<>();
        reason(problems, command.reason());
        String expiry = ListValues.expiryProblem(command.expiresAt(), now);
        if (expiry != null) {
            problems.add(expiry);
        }
        reject(problems);
        if (!values.contains(command.value())) {
            throw new ListEntryNotFoundException(listId, List.of(String.valueOf(command.value())));
        }
        apply(new ListEntryExpiryChangedEvent(
                listId,
                list,
                kind,
                version + 1,
                command.value(),
                command.expiresAt(),
                command.reason().strip(),
                actor(actor),
                now));
        return new ListChangeResult(version, 1, 0);
    }

    @EventSourcingHandler
    void on(ListEntriesAddedEvent event) {
        named(event.listId(), event.list(), event.kind(), event.version());
        event.entries().forEach(entry -> values.add(entry.value()));
    }

    @EventSourcingHandler
    void on(ListEntriesRemovedEvent event) {
        named(event.listId(), event.list(), event.kind(), event.version());
        event.values().forEach(values::remove);
    }

    @EventSourcingHandler
    void on(ListEntryExpiryChangedEvent event) {
        named(event.listId(), event.list(), event.kind(), event.version());
    }

    /** The list's version: the number of changes made to it. */
    long version() {
        return version;
    }

    /** Whether the value is on the list. */
    boolean holds(String value) {
        return values.contains(value);
    }

    /** How many values are on the list. */
    int size() {
        return values.size();
    }

    private void named(String listId, ListType list, ListKind kind, long version) {
        this.listId = listId;
        this.list = list;
        this.kind = kind;
        this.version = version;
    }

    /** The command must name the list it is sent to: its id is the one of its list and kind. */
    private static void requireNamed(String listId, ListType list, ListKind kind) {
        if (list == null || kind == null) {
            throw new ListChangeRejectedException(List.of("list and kind are required"));
        }
        if (!ListIds.of(list, kind).equals(listId)) {
            throw new ListChangeRejectedException(List.of("listId must be " + ListIds.of(list, kind) + " for the "
                    + list.wireName() + " list of " + kind.wireName() + " values"));
        }
    }

    private static boolean normalised(ListKind kind, String value) {
        ListValues.Checked checked = ListValues.normalise(kind, value);
        return checked.ok() && checked.value().equals(value);
    }

    private static void reason(List<String> problems, String reason) {
        String problem = ListValues.reasonProblem(reason, true);
        if (problem != null) {
            problems.add(problem);
        }
    }

    private static void reject(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new ListChangeRejectedException(problems);
        }
    }

    private static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        return "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
    }

    private static String actor(String actor) {
        return actor == null || actor.isBlank() ? SYSTEM : actor;
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
