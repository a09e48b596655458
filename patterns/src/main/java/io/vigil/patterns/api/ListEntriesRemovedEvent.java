package io.vigil.patterns.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Values were taken off a list in one change. */
@Revision("1")
public record ListEntriesRemovedEvent(
        String listId,
        ListType list,
        ListKind kind,
        long version,
        List<String> values,
        String reason,
        String by,
        Instant at)
        implements ValueListEvent {

    public ListEntriesRemovedEvent {
        values = values == null ? List.of() : List.copyOf(values);
    }

    @Override
    public int entryCount() {
        return values.size();
    }
}
