package io.vigil.patterns.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A listed value got another expiry ({@code expiresAt} null: never). */
@Revision("1")
public record ListEntryExpiryChangedEvent(
        String listId,
        ListType list,
        ListKind kind,
        long version,
        String value,
        Instant expiresAt,
        String reason,
        String by,
        Instant at)
        implements ValueListEvent {

    @Override
    public int entryCount() {
        return 1;
    }
}
