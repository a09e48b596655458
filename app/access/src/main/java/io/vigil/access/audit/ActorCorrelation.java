package io.vigil.access.audit;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Copies the actor of a message being handled ({@link Actor#ACTOR}, {@link Actor#ACTOR_KIND}, {@link
 * Actor#SOURCE_ADDRESS}) onto every message it causes: the events of a command, and any command sent meanwhile. A
 * message without an actor (a transaction being decided) costs nothing.
 */
final class ActorCorrelation implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        MetaData metadata = message.getMetaData();
        if (!metadata.containsKey(Actor.ACTOR)) {
            return Map.of();
        }
        Map<String, Object> actor = new HashMap<>(4);
        for (String key : new String[] {Actor.ACTOR, Actor.ACTOR_KIND, Actor.SOURCE_ADDRESS}) {
            Object value = metadata.get(key);
            if (value != null) {
                actor.put(key, value);
            }
        }
        return actor;
    }
}
