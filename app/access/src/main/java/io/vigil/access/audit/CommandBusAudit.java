package io.vigil.access.audit;

import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link ActorStamp} and the {@link CommandAudit} on the command bus itself, which every command passes
 * through, whether sent through the gateway or the bus. They are deliberately not beans: Axon's Spring Boot
 * configuration registers interceptor beans by itself, handler interceptors on the bus (this one would then record
 * each command twice) and dispatch interceptors on the gateway only (which commands sent on the bus pass by).
 */
@Component
class CommandBusAudit {

    CommandBusAudit(AuditedCommands commands, AuditTrail trail, CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(new ActorStamp(commands, Actor::current));
        commandBus.registerHandlerInterceptor(new CommandAudit(commands, trail, Clock.systemUTC()));
    }
}
