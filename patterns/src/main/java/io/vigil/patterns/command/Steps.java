package io.vigil.patterns.command;

import java.time.Instant;
import org.axonframework.eventhandling.GenericEventMessage;

/** What every lifecycle step of a pattern or a model records the same way: who acted, why, and when. */
final class Steps {

    /** The metadata key of who sends a command (the access module's {@code Actor.ACTOR}). */
    static final String ACTOR = "actor";

    private Steps() {}

    /** Who sends the command: the access module stamps every audited command, so none comes without. */
    static String who(String actor, String kind) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalStateException("a " + kind + " command must carry who sends it (metadata " + ACTOR + ")");
        }
        return actor;
    }

    /** The comment as recorded: stripped, empty when none. */
    static String comment(String comment) {
        return comment == null ? "" : comment.strip();
    }

    /** Now, on the clock events are stamped with (a test fixture's fixed one in tests). */
    static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
