package io.vigil.patterns.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.vigil.patterns.api.ArchiveFeatureCommand;
import io.vigil.patterns.api.DefineFeatureCommand;
import io.vigil.patterns.api.FeatureArchivedEvent;
import io.vigil.patterns.api.FeatureDefinedEvent;
import io.vigil.patterns.api.FeatureDefinition;
import io.vigil.patterns.api.PatternCheck;
import io.vigil.patterns.api.PatternInvalidException;
import io.vigil.patterns.api.PatternRuleException;
import io.vigil.patterns.api.PatternRules;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An analyst-defined feature ({@code feature/<name>}): defined once with its entity, aggregation, window and filter,
 * then archived. The definition does not change afterwards, so what every node counted and backfilled always means
 * the same thing; a different window is a new feature. A filter that does not compile is refused, like a pattern.
 */
@Aggregate
class CustomFeature {

    @AggregateIdentifier
    private String featureId;

    private boolean archived;

    CustomFeature() {
        // for Axon
    }

    @CommandHandler
    CustomFeature(DefineFeatureCommand command, @MetaDataValue(Pattern.ACTOR) String actor, PatternCheck check) {
        FeatureDefinition definition = command.definition();
        if (definition == null) {
            throw new PatternInvalidException(List.of("definition is required"));
        }
        List<String> problems = new ArrayList<>(definition.problems());
        String description =
                command.description() == null ? "" : command.description().strip();
        String descriptionProblem = PatternRules.commentProblem(description, false);
        if (descriptionProblem != null) {
            problems.add(descriptionProblem.replace("comment", "description"));
        }
        if (!problems.isEmpty()) {
            throw new PatternInvalidException(problems);
        }
        List<String> filterProblems = check.filterProblems(definition.filter());
        if (!filterProblems.isEmpty()) {
            throw PatternInvalidException.doesNotCompile(filterProblems);
        }
        apply(new FeatureDefinedEvent(definition, description, who(actor), now()));
    }

    @CommandHandler
    void handle(ArchiveFeatureCommand command, @MetaDataValue(Pattern.ACTOR) String actor) {
        if (archived) {
            throw new PatternRuleException(featureId, "it is archived already");
        }
        String reason = command.reason() == null ? "" : command.reason().strip();
        String problem = PatternRules.commentProblem(reason, true);
        if (problem != null) {
            throw new PatternInvalidException(List.of(problem.replace("comment", "reason")));
        }
        apply(new FeatureArchivedEvent(featureId.substring("feature/".length()), who(actor), now(), reason));
    }

    @EventSourcingHandler
    void on(FeatureDefinedEvent event) {
        featureId = DefineFeatureCommand.featureId(event.name());
    }

    @EventSourcingHandler
    void on(FeatureArchivedEvent event) {
        archived = true;
    }

    private static String who(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalStateException("a feature command must carry who sends it (metadata actor)");
        }
        return actor;
    }

    private static java.time.Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
