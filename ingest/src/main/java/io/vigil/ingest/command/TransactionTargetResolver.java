package io.vigil.ingest.command;

import io.vigil.ingest.api.RecordTransactionCommand;
import io.vigil.ingest.api.ReportOutcomeCommand;
import io.vigil.ingest.api.ResubmitTransactionCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Finds the {@link Transaction} a command is for by reading its id directly. Axon's default resolver looks the
 * {@code @TargetAggregateIdentifier} up by reflection on every command, which on the decision path cost more than a
 * tenth of the memory allocated per request; the annotations stay on the commands as their documentation and for
 * any other command, which goes to the default resolver.
 */
@Component(TransactionTargetResolver.BEAN)
class TransactionTargetResolver implements CommandTargetResolver {

    static final String BEAN = "transactionTargetResolver";

    private final CommandTargetResolver fallback =
            AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        String id;
        if (payload instanceof RecordTransactionCommand c) {
            id = c.transactionId();
        } else if (payload instanceof ResubmitTransactionCommand c) {
            id = c.transactionId();
        } else if (payload instanceof ReportOutcomeCommand c) {
            id = c.transactionId();
        } else {
            return fallback.resolveTarget(command);
        }
        if (id == null) {
            throw new IllegalArgumentException("a " + payload.getClass().getSimpleName() + " without a transaction id");
        }
        return new VersionedAggregateIdentifier(id, null);
    }
}
