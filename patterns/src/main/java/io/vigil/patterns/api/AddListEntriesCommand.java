package io.vigil.patterns.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Puts values on a list (or changes their expiry and reason when they are on it already), as one change: typed in
 * through the API or imported from a CSV file. The values are normalised ({@link ListValues#normalise}) and appear
 * once each.
 *
 * @param listId {@link ListIds#of}
 * @param reason why the change is made, required
 * @param source {@code api} or {@code csv}, for the history
 */
public record AddListEntriesCommand(
        @TargetAggregateIdentifier String listId,
        ListType list,
        ListKind kind,
        List<ListItem> entries,
        String reason,
        String source) {

    public AddListEntriesCommand {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
