package io.vigil.access.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vigil.access.config.AccessSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolution;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit of commands on a real Axon command bus, with a transaction manager that keeps what is appended in its
 * transaction only if that transaction commits: one row per audited command, in the command's transaction when it
 * succeeds, in a transaction of its own after the rollback when it fails, none for the skipped ones.
 */
class CommandAuditTest {

    record PauseMonitorCommand(@TargetAggregateIdentifier String monitorId, String by) {}

    record CreateKeyCommand(String name, String keyId, String secretHash, List<String> scopes) {}

    record RetryDeliveryCommand(String deliveryId) {}

    record RecordTransactionCommand(
            @TargetAggregateIdentifier String transactionId, long amount) {}

    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    private static final Actor ALICE = new Actor("alice", Actor.USER, "10.0.0.7");

    private final Transactions transactions = new Transactions();
    private final AtomicReference<MetaData> handled = new AtomicReference<>();
    private final AtomicReference<MetaData> eventMetadata = new AtomicReference<>();
    private SimpleCommandBus bus;
    private CommandGateway gateway;

    @BeforeEach
    void bus() {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        AuditedCommands audited = new AuditedCommands(Set.of("RecordTransactionCommand"), json);
        bus = SimpleCommandBus.builder()
                .transactionManager(transactions)
                .duplicateCommandHandlerResolver(DuplicateCommandHandlerResolution.silentOverride())
                .build();
        // as Axon's Spring Boot configuration does, with Vigil's correlation data
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(
                List.of(AuditConfig.messageOriginProvider(), AuditConfig.actorCorrelation())));
        bus.registerDispatchInterceptor(new ActorStamp(audited, () -> ALICE));
        bus.registerHandlerInterceptor(new CommandAudit(audited, transactions, Clock.fixed(NOW, ZoneOffset.UTC)));
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
        subscribe(PauseMonitorCommand.class, command -> "paused");
        subscribe(CreateKeyCommand.class, command -> "created");
        subscribe(RecordTransactionCommand.class, command -> "recorded");
    }

    @Test
    void aCommandThatSucceedsIsRecordedOnceInItsOwnTransactionWithWhoWhatAndFromWhere() {
        assertThat((String) gateway.sendAndWait(new PauseMonitorCommand("mon-auth", "console")))
                .isEqualTo("paused");

        assertThat(transactions.committed).hasSize(1);
        AuditRecord row = transactions.committed.get(0);
        assertThat(row.at()).isEqualTo(NOW);
        assertThat(row.actor()).isEqualTo(ALICE);
        assertThat(row.action()).isEqualTo("PauseMonitorCommand");
        assertThat(row.target()).isEqualTo("mon-auth");
        assertThat(row.outcome()).isEqualTo(AuditRecord.SUCCESS);
        assertThat(row.details()).isEqualTo("{\"monitorId\":\"mon-auth\",\"by\":\"console\"}");
        assertThat(transactions.alone).isEmpty();
    }

    @Test
    void theCommandAndTheEventsItCausesCarryTheActor() {
        gateway.sendAndWait(new PauseMonitorCommand("mon-auth", "console"));

        assertThat(handled.get())
                .containsEntry(Actor.ACTOR, "alice")
                .containsEntry(Actor.ACTOR_KIND, "user")
                .containsEntry(Actor.SOURCE_ADDRESS, "10.0.0.7");
        assertThat(eventMetadata.get())
                .containsEntry(Actor.ACTOR, "alice")
                .containsEntry(Actor.ACTOR_KIND, "user")
                .containsEntry(Actor.SOURCE_ADDRESS, "10.0.0.7")
                .containsKeys("correlationId", "traceId");
    }

    @Test
    void aCommandThatCreatesWhatHasNoIdYetNamesItAsTheTarget() {
        subscribe(CreateNamedThingCommand.class, command -> true);
        gateway.sendAndWait(new CreateNamedThingCommand("checkout-eu", 100));

        assertThat(transactions.committed).extracting(AuditRecord::target).containsExactly("checkout-eu");
    }

    record CreateNamedThingCommand(String name, int ratePerSecond) {}

    @Test
    void secretsAreRedactedAndAnIdFieldIsTheTargetWhenThereIsNoAggregate() {
        gateway.sendAndWait(new CreateKeyCommand("checkout", "k-1", "f00d", List.of("submit", "read")));
        subscribe(RetryDeliveryCommand.class, command -> true);
        gateway.sendAndWait(new RetryDeliveryCommand("d-9"));

        assertThat(transactions.committed).extracting(AuditRecord::target).containsExactly("k-1", "d-9");
        assertThat(transactions.committed.get(0).details())
                .isEqualTo("{\"name\":\"checkout\",\"keyId\":\"k-1\",\"secretHash\":\"[redacted]\","
                        + "\"scopes\":[\"submit\",\"read\"]}");
    }

    @Test
    void aCommandItsHandlerRefusesIsRecordedAsAFailureAfterTheRollback() {
        subscribe(PauseMonitorCommand.class, command -> {
            throw new Refused("monitor mon-auth was deleted");
        });

        assertThatThrownBy(() -> gateway.sendAndWait(new PauseMonitorCommand("mon-auth", "console")))
                .hasMessageContaining("was deleted");

        assertThat(transactions.committed).isEmpty();
        assertThat(transactions.alone).hasSize(1);
        AuditRecord row = transactions.alone.get(0);
        assertThat(row.outcome()).isEqualTo(AuditRecord.FAILURE);
        assertThat(row.actor()).isEqualTo(ALICE);
        assertThat(row.target()).isEqualTo("mon-auth");
        assertThat(row.details())
                .isEqualTo("{\"error\":\"monitor mon-auth was deleted\","
                        + "\"command\":{\"monitorId\":\"mon-auth\",\"by\":\"console\"}}");
    }

    @Test
    void aCommandWhoseTransactionCannotCommitLeavesNoSuccessOnlyItsFailure() {
        subscribe(PauseMonitorCommand.class, command -> {
            // as an event store conflict or a read model's failed statement does, after the handler returned
            CurrentUnitOfWork.get().onPrepareCommit(unit -> {
                throw new Refused("duplicate key value violates unique constraint");
            });
            return "paused";
        });

        assertThatThrownBy(() -> gateway.sendAndWait(new PauseMonitorCommand("mon-auth", "console")))
                .hasMessageContaining("duplicate key");

        assertThat(transactions.committed).isEmpty();
        assertThat(transactions.alone).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(AuditRecord.FAILURE);
            assertThat(row.details()).contains("duplicate key value");
        });
    }

    @Test
    void aSkippedCommandIsNeitherRecordedNorStamped() {
        gateway.sendAndWait(new RecordTransactionCommand("tx-1", 1200));

        assertThat(transactions.committed).isEmpty();
        assertThat(transactions.alone).isEmpty();
        assertThat(handled.get()).doesNotContainKeys(Actor.ACTOR, Actor.ACTOR_KIND, Actor.SOURCE_ADDRESS);
    }

    @Test
    void aCommandThatCarriesAnActorAlreadyKeepsIt() {
        Actor evaluator = new Actor(Actor.SYSTEM, Actor.SYSTEM, null);
        gateway.sendAndWait(new org.axonframework.commandhandling.GenericCommandMessage<>(
                new PauseMonitorCommand("mon-auth", "system"), evaluator.asMetadata()));

        assertThat(transactions.committed)
                .singleElement()
                .extracting(AuditRecord::actor)
                .isEqualTo(evaluator);
    }

    @Test
    void theDefaultsSkipTheDataClientsSendInBulkAndTheEvaluatorsAlertsButNotOutcomeReports() {
        AuditedCommands defaults = new AuditedCommands(AccessSettings.Audit.DEFAULTS.skipped(), new ObjectMapper());

        assertThat(defaults.audited(RecordTransactionCommand.class)).isFalse();
        assertThat(defaults.audited(PauseMonitorCommand.class)).isTrue();
        assertThat(AccessSettings.Audit.DEFAULTS.skipCommands())
                .contains("RecordOperationalEventsCommand", "ResubmitTransactionCommand", "RaiseAlertCommand")
                .doesNotContain("ReportOutcomeCommand");
    }

    private <C> void subscribe(Class<C> type, Handler<C> handler) {
        MessageHandler<CommandMessage<?>> messageHandler = message -> {
            handled.set(message.getMetaData());
            eventMetadata.set(GenericEventMessage.asEventMessage("an event").getMetaData());
            return handler.handle(type.cast(message.getPayload()));
        };
        bus.subscribe(type.getName(), messageHandler);
    }

    interface Handler<C> {
        Object handle(C command) throws Exception;
    }

    /**
     * A transaction manager and an audit trail together: what is appended in the transaction is kept only if it
     * commits; what is appended alone must be appended while no transaction is open.
     */
    static final class Transactions implements TransactionManager, AuditTrail {

        final List<AuditRecord> committed = new ArrayList<>();
        final List<AuditRecord> alone = new ArrayList<>();
        private List<AuditRecord> open;

        @Override
        public Transaction startTransaction() {
            open = new ArrayList<>();
            return new Transaction() {
                @Override
                public void commit() {
                    committed.addAll(open);
                    open = null;
                }

                @Override
                public void rollback() {
                    open = null;
                }
            };
        }

        @Override
        public void append(AuditRecord record) {
            assertThat(open).as("a transaction to append in").isNotNull();
            open.add(record);
        }

        @Override
        public void appendAlone(AuditRecord record) {
            assertThat(open)
                    .as("the command's transaction, which should be over")
                    .isNull();
            alone.add(record);
        }
    }
}
