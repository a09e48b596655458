package io.vigil.web.patterns;

import io.vigil.patterns.api.PatternInvalidException;
import io.vigil.patterns.api.PatternRuleException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;

/**
 * Sends the pages' pattern commands, as the signed-in user (the command bus stamps the actor), and turns a refusal
 * into the sentence the page shows: a lifecycle rule broken, a draft that is invalid or does not compile, a pattern
 * that does not exist or already does. Each controller of the pages has its own.
 */
class PatternCommands {

    private final CommandGateway commands;

    PatternCommands(CommandGateway commands) {
        this.commands = commands;
    }

    /**
     * Sends the command and answers null when it was done, else why not.
     *
     * @param refused how the page says it was not done, as "{refused}: {reason}."
     */
    String send(String patternId, Object command, String refused) {
        try {
            commands.sendAndWait(command);
            return null;
        } catch (PatternInvalidException e) {
            return refused + ": " + (e.compileProblems() ? "the expression does not compile: " : "")
                    + sentence(String.join("; ", e.problems()));
        } catch (PatternRuleException | IllegalArgumentException e) {
            return refused + ": " + sentence(e.getMessage());
        } catch (AggregateStreamCreationException e) {
            return refused + ": there is a pattern " + patternId + " already; choose another id.";
        } catch (AggregateNotFoundException e) {
            return refused + ": there is no pattern " + patternId + ".";
        }
    }

    private static String sentence(String text) {
        return text == null || text.isBlank() ? "refused." : text.endsWith(".") ? text : text + ".";
    }
}
