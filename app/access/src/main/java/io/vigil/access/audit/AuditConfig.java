package io.vigil.access.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.access.config.AccessSettings;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.MultiCorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;

/**
 * Wires the audit trail: the actor stamp and the recorder on the command bus, the actor carried from commands to
 * their events, and the sign-in events.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessSettings.class)
class AuditConfig {

    private static final Clock CLOCK = Clock.systemUTC();

    @Bean
    AuditedCommands auditedCommands(AccessSettings settings, ObjectMapper json) {
        return new AuditedCommands(settings.audit().skipped(), json);
    }

    @Bean
    ActorStamp actorStamp(AuditedCommands commands) {
        return new ActorStamp(commands, Actor::current);
    }

    @Bean
    CommandAudit commandAudit(AuditedCommands commands, AuditTrail trail) {
        return new CommandAudit(commands, trail, CLOCK);
    }

    /** On the bus rather than the gateway: commands sent either way pass through it. */
    @Autowired
    void auditCommands(CommandBus commandBus, ActorStamp stamp, CommandAudit audit) {
        commandBus.registerDispatchInterceptor(stamp);
        commandBus.registerHandlerInterceptor(audit);
    }

    /**
     * Copies the actor of a command (or of an event handled) onto every message it causes: its events and any
     * command sent meanwhile. Axon's default provider, which this bean replaces, is kept in it: it gives each message
     * the {@code correlationId} and {@code traceId} of the message that caused it.
     */
    @Bean
    CorrelationDataProvider auditCorrelationData() {
        return new MultiCorrelationDataProvider<>(List.of(
                new MessageOriginProvider(),
                new SimpleCorrelationDataProvider(Actor.ACTOR, Actor.ACTOR_KIND, Actor.SOURCE_ADDRESS)));
    }

    /**
     * Spring Boot's publisher of authentication events, which the sign-in record listens to, publishing also the
     * failures it has no event of its own for (such as single sign-on's), as {@link SignInFailedEvent}.
     */
    @Bean
    DefaultAuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
        events.setDefaultAuthenticationFailureEvent(SignInFailedEvent.class);
        return events;
    }

    @Bean
    SignInAudit signInAudit(AuditTrail trail, ObjectMapper json) {
        return new SignInAudit(trail, json, CLOCK);
    }
}
