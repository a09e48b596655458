package io.vigil.patterns.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives a listed value another expiry.
 *
 * @param expiresAt the new expiry, in the future; null for never
 */
public record ChangeListEntryExpiryCommand(
        @TargetAggregateIdentifier String listId,
        ListType list,
        ListKind kind,
        String value,
        Instant expiresAt,
        String reason) {}
