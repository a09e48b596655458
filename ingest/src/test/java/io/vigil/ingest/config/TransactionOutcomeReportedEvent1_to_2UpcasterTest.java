package io.vigil.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.api.TransactionOutcome;
import io.vigil.ingest.api.TransactionOutcomeReportedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Outcome reports stored before they named the label they replaced (revision 1) still read, as reports that replaced
 * none: the event store is read through the upcaster as Axon reads it, from the stored bytes.
 */
class TransactionOutcomeReportedEvent1_to_2UpcasterTest {

    private static final Instant REPORTED = Instant.parse("2026-11-20T10:00:00Z");

    // the object mapper Spring Boot builds, as the application's serializer uses it
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(Jackson2ObjectMapperBuilder.json().build())
            .build();
    private final TransactionOutcomeReportedEvent1_to_2Upcaster upcaster =
            new TransactionOutcomeReportedEvent1_to_2Upcaster();

    @Test
    void aRevision1ReportReadsAsRevision2ThatReplacedNoLabel() {
        String revision1 = """
                {"transactionId":"tx-1","outcome":"CHARGEBACK","timestamp":"2026-11-20T10:00:00Z",\
                "note":"disputed by the cardholder"}""";

        List<IntermediateEventRepresentation> read = upcast(stored("1", revision1.getBytes(StandardCharsets.UTF_8)));

        assertThat(read).hasSize(1);
        assertThat(read.get(0).getType().getName()).isEqualTo(TransactionOutcomeReportedEvent.class.getName());
        assertThat(read.get(0).getType().getRevision()).isEqualTo("2");
        TransactionOutcomeReportedEvent event =
                serializer.deserialize(read.get(0).getData());
        assertThat(event)
                .isEqualTo(new TransactionOutcomeReportedEvent(
                        "tx-1", TransactionOutcome.CHARGEBACK, REPORTED, "disputed by the cardholder", null));
    }

    @Test
    void aRevision2ReportIsReadAsItWasStored() {
        TransactionOutcomeReportedEvent changed = new TransactionOutcomeReportedEvent(
                "tx-2",
                TransactionOutcome.CONFIRMED_LEGITIMATE,
                REPORTED,
                "the customer's own purchase",
                TransactionOutcome.CHARGEBACK);
        SerializedObject<byte[]> serialized = serializer.serialize(changed, byte[].class);
        assertThat(serialized.getType().getRevision()).isEqualTo("2");

        List<IntermediateEventRepresentation> read = upcast(stored("2", serialized.getData()));

        assertThat(read.get(0).getType().getRevision()).isEqualTo("2");
        TransactionOutcomeReportedEvent event =
                serializer.deserialize(read.get(0).getData());
        assertThat(event).isEqualTo(changed);
    }

    /** An outcome report as the event store holds it: the payload's bytes, its type and revision. */
    private GenericDomainEventEntry<byte[]> stored(String revision, byte[] payload) {
        return new GenericDomainEventEntry<>(
                "Transaction",
                "tx-1",
                2,
                "event-" + revision,
                REPORTED,
                TransactionOutcomeReportedEvent.class.getName(),
                revision,
                payload,
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    private List<IntermediateEventRepresentation> upcast(GenericDomainEventEntry<byte[]> entry) {
        return upcaster.upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .toList();
    }
}
