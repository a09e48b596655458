package io.vigil.access.audit;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Stamps each audited command, when it is sent and on the sender's thread, with who sends it and from where ({@link
 * Actor#ACTOR}, {@link Actor#ACTOR_KIND}, {@link Actor#SOURCE_ADDRESS}). Registered on the command bus, it sees every
 * command, sent through the gateway or the bus. A command that carries an actor already keeps it: one sent while
 * another message is handled inherits that message's actor through Axon's correlation data. Commands the trail skips
 * are left as they are, so that the decision path carries no extra metadata.
 */
final class ActorStamp implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final AuditedCommands commands;
    private final Supplier<Actor> actor;

    ActorStamp(AuditedCommands commands, Supplier<Actor> actor) {
        this.commands = commands;
        this.actor = actor;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, message) -> {
            if (!commands.audited(message.getPayloadType())
                    || message.getMetaData().containsKey(Actor.ACTOR)) {
                return message;
            }
            return message.andMetaData(actor.get().asMetadata());
        };
    }
}
