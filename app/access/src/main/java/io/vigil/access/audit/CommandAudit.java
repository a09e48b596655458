package io.vigil.access.audit;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every audited command in the audit trail. Registered on the command bus, it runs inside the command's unit
 * of work and so inside its database transaction:
 *
 * <ul>
 *   <li>a command whose handler succeeds appends a {@code success} row in that transaction, which then holds the
 *       row, the events and the read models written with them, or none of these;
 *   <li>a command that fails (its handler throws, or its transaction cannot commit: an event store conflict, a read
 *       model's statement) is recorded once the unit of work is over, as {@code failure} with the error, in a
 *       transaction of its own, so the rollback does not take the record with it.
 * </ul>
 */
final class CommandAudit implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(CommandAudit.class);

    private final AuditedCommands commands;
    private final AuditTrail trail;
    private final Clock clock;

    CommandAudit(AuditedCommands commands, AuditTrail trail, Clock clock) {
        this.commands = commands;
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        if (!commands.audited(command.getPayloadType())) {
            return chain.proceed();
        }
        Instant at = clock.instant();
        Actor actor = actorOf(command);
        Object payload = command.getPayload();
        unitOfWork.onCleanup(done -> {
            ExecutionResult result = done.getExecutionResult();
            if (result != null && result.isExceptionResult()) {
                recordFailure(at, actor, payload, result.getExceptionResult());
            }
        });
        Object result = chain.proceed();
        trail.append(new AuditRecord(
                at,
                actor,
                commands.action(payload),
                commands.target(payload),
                AuditRecord.SUCCESS,
                commands.details(payload)));
        return result;
    }

    private void recordFailure(Instant at, Actor actor, Object payload, Throwable error) {
        try {
            trail.appendAlone(new AuditRecord(
                    at,
                    actor,
                    commands.action(payload),
                    commands.target(payload),
                    AuditRecord.FAILURE,
                    commands.failureDetails(payload, error)));
        } catch (RuntimeException e) {
            log.error(
                    "The audit trail could not record the failure of a {} by {}: {}",
                    commands.action(payload),
                    actor.name(),
                    e.toString());
        }
    }

    /** The actor the command was stamped with; a command sent past the stamp (a test's bus) is the system's. */
    private static Actor actorOf(CommandMessage<?> command) {
        Actor actor = Actor.of(command.getMetaData());
        return actor != null ? actor : new Actor(Actor.SYSTEM, Actor.SYSTEM, null);
    }
}
