package io.vigil.patterns.query;

import java.util.List;

/** The pattern store's change feed, as {@link PatternChangeFollower} follows it. */
interface ChangeFeed {

    /** Where the feed is now: a position to follow changes from, opaque (the {@code last_seq} of {@code since=now}). */
    String currentSequence();

    /**
     * The changes after {@code since}, in order: at once if there are some, otherwise as soon as one comes (a
     * long-poll). Throws when the store cannot be reached or the connection breaks.
     */
    List<Change> changesAfter(String since);

    /**
     * One row of the feed: a document that changed.
     *
     * @param sequence the position just after this change, to ask for the changes after it
     */
    record Change(String id, String sequence, boolean deleted) {}
}
