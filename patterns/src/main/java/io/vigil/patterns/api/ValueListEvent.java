package io.vigil.patterns.api;

import java.time.Instant;

/**
 * Every change of an allow or block list of one kind, so projections can sequence them by list. Each carries the
 * list's version after the change, who made it (the actor the access module stamped on the command), when and why.
 */
public sealed interface ValueListEvent
        permits ListEntriesAddedEvent, ListEntriesRemovedEvent, ListEntryExpiryChangedEvent {

    String listId();

    ListType list();

    ListKind kind();

    /** 1 for the list's first change, then one more with each. */
    long version();

    String reason();

    String by();

    Instant at();

    /** How many entries the change touched. */
    int entryCount();
}
