package io.vigil.access.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.access.config.AccessSettings;
import java.time.Clock;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;

/**
 * Wires the audit trail: which commands are recorded (see {@link CommandBusAudit} for the command bus), the actor
 * carried from commands to their events, and the sign-in events. The correlation data providers are static beans:
 * Axon's configuration asks for it while it is being built, and must not wait for this configuration's other beans.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessSettings.class)
class AuditConfig {

    private static final Clock CLOCK = Clock.systemUTC();

    @Bean
    AuditedCommands auditedCommands(AccessSettings settings, ObjectMapper json) {
        return new AuditedCommands(settings.audit().skipped(), json);
    }

    /** The actor of a command on its events (see {@link ActorCorrelation}). */
    @Bean
    static CorrelationDataProvider actorCorrelation() {
        return new ActorCorrelation();
    }

    /**
     * Axon's default provider, which gives each message the {@code correlationId} and {@code traceId} of the message
     * that caused it: Axon's Spring Boot configuration declares it only when no other provider is a bean.
     */
    @Bean
    static CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
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
