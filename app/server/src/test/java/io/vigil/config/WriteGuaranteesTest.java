package io.vigil.config;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every processing group propagates its handlers' failures: a subscribing read model that cannot write fails the
 * command that published the event and nothing is stored; a tracking processor retries the event it could not
 * handle instead of skipping it. Each behaviour is shown against Axon's default (log and continue), which is what
 * Vigil ran with before.
 */
class WriteGuaranteesTest {

    private Configuration axon;
    private static InMemoryEventStorageEngine storage;

    @AfterEach
    void shutdown() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void everyProcessingGroupOfEveryModulePropagatesItsHandlersFailures() {
        Set<String> groups = processingGroups();
        assertThat(groups)
                .contains(
                        "clickhouse-transactions",
                        "clickhouse-operations",
                        "monitor-directory",
                        "alert-history",
                        "alert-notifications",
                        "feature-store");
        Configurer configurer = DefaultConfigurer.defaultConfiguration();
        WriteGuarantees.propagateHandlerFailuresOf(configurer.eventProcessing());
        Configuration configuration = configurer.buildConfiguration();

        for (String group : groups) {
            assertThat(configuration.eventProcessingConfiguration().listenerInvocationErrorHandler(group))
                    .as(group)
                    .isSameAs(PropagatingErrorHandler.instance());
        }
    }

    @Test
    void noModuleOverridesTheErrorHandlingOfAGroup() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(WriteGuarantees.class.getName())
                .should()
                .callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "registers an error handler of Axon's event processing",
                        call -> call.getTargetOwner().isAssignableTo(EventProcessingConfigurer.class)
                                && call.getName()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .contains("errorhandler")))
                .check(mainClasses());
    }

    @Test
    void aSubscribingReadModelThatCannotWriteFailsTheCommandAndNothingIsStored() {
        axon = start(
                WriteGuarantees::propagateHandlerFailuresOf, p -> p.registerSubscribingEventProcessor("read-model"));

        assertThatThrownBy(() -> axon.commandGateway().sendAndWait(new Write("refused")))
                .hasMessageContaining("the read model cannot hold refused");
        assertThat(storedEvents()).as("events stored").isZero();
    }

    @Test
    void withAxonsDefaultTheSameFailureIsAcknowledgedAndTheEventStoredWithoutItsRow() {
        axon = start(p -> p, p -> p.registerSubscribingEventProcessor("read-model"));

        assertThat((Object) axon.commandGateway().sendAndWait(new Write("refused")))
                .isEqualTo("recorded");
        assertThat(storedEvents()).isEqualTo(1);
    }

    @Test
    void aTrackingProcessorRetriesTheEventItCouldNotHandleInsteadOfSkippingIt() {
        ReadModel.refuseOnce.set(true);
        axon = start(WriteGuarantees::propagateHandlerFailuresOf, p -> p.registerTrackingEventProcessor("read-model"));

        axon.commandGateway().sendAndWait(new Write("first"));
        axon.commandGateway().sendAndWait(new Write("second"));

        Awaitility.await()
                .atMost(30, TimeUnit.SECONDS)
                .until(() -> ReadModel.written.equals(List.of("first", "second")));
        assertThat(ReadModel.attempts.get())
                .as("attempts, the refused one retried")
                .isEqualTo(3);
    }

    @Test
    void withAxonsDefaultATrackingProcessorSkipsTheEventItCouldNotHandle() {
        ReadModel.refuseOnce.set(true);
        axon = start(p -> p, p -> p.registerTrackingEventProcessor("read-model"));

        axon.commandGateway().sendAndWait(new Write("first"));
        axon.commandGateway().sendAndWait(new Write("second"));

        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> ReadModel.written.contains("second"));
        assertThat(ReadModel.written).containsExactly("second");
    }

    private static Configuration start(
            java.util.function.UnaryOperator<EventProcessingConfigurer> errorHandling,
            Consumer<EventProcessingConfigurer> processor) {
        storage = new InMemoryEventStorageEngine();
        ReadModel.written.clear();
        ReadModel.attempts.set(0);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> storage)
                .registerCommandHandler(c -> new Recorder(c.eventBus()));
        EventProcessingConfigurer processing = configurer.eventProcessing();
        processor.accept(processing);
        processing.registerEventHandler(c -> new ReadModel());
        errorHandling.apply(processing);
        return configurer.start();
    }

    private static long storedEvents() {
        return storage.readEvents(null, false).count();
    }

    /** The processing groups declared by the server's classes. */
    private static Set<String> processingGroups() {
        return mainClasses().stream()
                .filter(c -> c.isAnnotatedWith(ProcessingGroup.class))
                .map(c -> c.getAnnotationOfType(ProcessingGroup.class).value())
                .collect(Collectors.toSet());
    }

    private static JavaClasses mainClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vigil");
    }

    record Write(String value) {}

    /** Publishes the command's value as an event, as a command handler that is not an aggregate does. */
    static final class Recorder {
        private final EventBus events;

        Recorder(EventBus events) {
            this.events = events;
        }

        @CommandHandler
        String handle(Write command) {
            events.publish(GenericEventMessage.asEventMessage(command.value()));
            return "recorded";
        }
    }

    /** A read model whose store refuses the value "refused", and the first value when told to. */
    @ProcessingGroup("read-model")
    static final class ReadModel {
        static final List<String> written = new CopyOnWriteArrayList<>();
        static final java.util.concurrent.atomic.AtomicInteger attempts =
                new java.util.concurrent.atomic.AtomicInteger();
        static final java.util.concurrent.atomic.AtomicBoolean refuseOnce =
                new java.util.concurrent.atomic.AtomicBoolean();

        @EventHandler
        void on(String value) {
            attempts.incrementAndGet();
            if (value.equals("refused") || refuseOnce.getAndSet(false)) {
                throw new IllegalStateException("the read model cannot hold " + value);
            }
            written.add(value);
        }
    }
}
