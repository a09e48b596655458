package io.vigil.patterns.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Values were put on a list in one change: {@code added} of them were new, the others were on it already and now
 * have the expiry and reason given here. A bulk import is one such event, however many lines it had.
 */
@Revision("1")
public record ListEntriesAddedEvent(
        String listId,
        ListType list,
        ListKind kind,
        long version,
        List<ListItem> entries,
        int added,
        String reason,
        String source,
        String by,
        Instant at)
        implements ValueListEvent {

    public ListEntriesAddedEvent {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    @Override
    public int entryCount() {
        return entries.size();
    }
}
