package io.vigil.patterns.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.patterns.api.PatternDraft;
import io.vigil.patterns.api.PatternInvalidException;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The request bodies of the patterns API. Modes are written in lower case, as in the pattern store. */
final class PatternRequests {

    private PatternRequests() {}

    /** A new pattern: its id, its draft, and why. */
    record CreateRequest(String id, String name, String description, String expression, String effect, String comment) {

        PatternDraft draft() {
            return new PatternDraft(name, description, expression, effect);
        }
    }

    /** A pattern's draft as it should now be, and why. */
    record DraftRequest(String name, String description, String expression, String effect, String comment) {

        PatternDraft draft() {
            return new PatternDraft(name, description, expression, effect);
        }
    }

    /** A step of the lifecycle and why: submit, approve, reject (comment required) and archive. */
    record StepRequest(String comment) {}

    /** Publish the approved draft; {@code mode} optional: the live version's, or {@code shadow} the first time. */
    record PublishRequest(String mode, String comment) {}

    /** The live version's new mode. */
    record ModeRequest(String mode, String comment) {}

    /** The earlier published version to make live again. */
    record RollbackRequest(Integer version, String comment) {}

    /**
     * An expression to evaluate against a sample transaction: {@code transaction} a JSON object of the transaction's
     * fields (only {@code amount} required, {@code features} optional), or {@code transactionId} a recorded one.
     */
    record TestRequest(String expression, JsonNode transaction, String transactionId) {}

    /** An expression and effect to compile, changing nothing. */
    record CheckRequest(String expression, String effect) {}

    /** A mode as requests write it ({@code active}, {@code shadow}, {@code off}); null when optional and absent. */
    static PatternMode mode(String mode, boolean required) {
        return wireValue(PatternMode.class, "mode", mode, required);
    }

    /** A status filter as requests write it ({@code unpublished}, {@code published}, {@code archived}), or null. */
    static PatternStatus status(String status) {
        return wireValue(PatternStatus.class, "status", status, false);
    }

    private static <E extends Enum<E>> E wireValue(Class<E> type, String field, String value, boolean required) {
        List<String> names = Arrays.stream(type.getEnumConstants())
                .map(PatternResponses::wire)
                .toList();
        if (value == null || value.isBlank()) {
            if (required) {
                throw new PatternInvalidException(List.of(field + " is required: " + String.join(", ", names)));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PatternInvalidException(
                    List.of(field + " '" + value + "' is unknown; use one of " + String.join(", ", names)));
        }
    }
}
