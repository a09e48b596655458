package io.vigil.config;

import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What makes a 2xx mean "stored", for every module at once.
 *
 * <ul>
 *   <li>Every processing group, present and future, propagates its handlers' failures. Axon's default logs a failing
 *       event handler and carries on: a subscribing processor's failed statement then leaves the command's
 *       PostgreSQL transaction aborted, the commit quietly rolls everything back (the events included) and the
 *       command still succeeds; a tracking processor moves its token past the event it did not handle. Propagated, a
 *       subscribing processor's failure fails the command (the caller gets an error, nothing is stored), and a
 *       tracking processor stops at the event and retries it with back-off until it succeeds.
 *   <li>A transaction in which any statement failed is never reported as committed ({@link
 *       NoSilentRollbackTransactionManager}), even when the failure was caught and swallowed on the way.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class WriteGuarantees {

    @Autowired
    void propagateHandlerFailures(EventProcessingConfigurer processing) {
        propagateHandlerFailuresOf(processing);
    }

    /** The default for every processing group; no group registers a handler of its own. */
    static EventProcessingConfigurer propagateHandlerFailuresOf(EventProcessingConfigurer processing) {
        return processing.registerDefaultListenerInvocationErrorHandler(
                configuration -> PropagatingErrorHandler.instance());
    }

    /** Replaces Spring Boot's JDBC transaction manager, which Axon's units of work and the read models share. */
    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new NoSilentRollbackTransactionManager(dataSource);
    }
}
