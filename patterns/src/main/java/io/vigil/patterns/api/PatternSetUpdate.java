package io.vigil.patterns.api;

import java.time.Instant;

/**
 * An update of a subscription to {@link FindPatternSetQuery}: the pattern set after a change of the
 * {@code vigil-pattern-set} document, pushed by the patterns module of the same Vigil process as soon as it saw the
 * change in the pattern store's change feed (or reloaded the set after connecting to the feed).
 *
 * @param set the set as it is now; its version may equal the one the subscriber has (nothing changed for it)
 * @param seenAt when the patterns module saw the change in the feed, so that the subscriber can tell how long the
 *     change took to go live; null when the set was read on connecting to the feed, with no change seen
 */
public record PatternSetUpdate(PatternSet set, Instant seenAt) {}
