package io.vigil.patterns.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes values off a list, as one change; every value must be on it. */
public record RemoveListEntriesCommand(
        @TargetAggregateIdentifier String listId, ListType list, ListKind kind, List<String> values, String reason) {

    public RemoveListEntriesCommand {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
