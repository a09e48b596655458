package io.vigil.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** Alert events are stored as JSON by Axon's Jackson serializer and must read back equal. */
class AlertEventSerializationTest {

    private static final Instant MINUTE = Instant.parse("2026-03-29T01:00:00Z");
    private static final Map<String, String> SERIES = Map.of("merchant", "m-42", "country", "SE");
    private static final Observation DROP = new Observation(12.5, 40, Observation.PREVIOUS_MINUTE, 0.0001, 92, 12);
    private static final MaintenanceWindow WINDOW = new MaintenanceWindow(
            Set.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY),
            LocalTime.of(22, 30),
            Duration.ofHours(4),
            ZoneId.of("Europe/Stockholm"),
            "weekend batch");

    // the object mapper Spring Boot builds, as the application's serializer uses it
    private final ObjectMapper objectMapper = Jackson2ObjectMapperBuilder.json().build();
    private final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(objectMapper).build();

    @Test
    void everyAlertEventReadsBackEqual() {
        String alertId = AlertId.of("mon-1", SERIES);
        List<AlertEvent> events = List.of(
                new AlertRaisedEvent(
                        alertId, 1, "mon-1", "Volume", SERIES, MINUTE, DROP, true, "maintenance window", MINUTE),
                new AlertAcknowledgedEvent(alertId, 1, "alice", null, MINUTE),
                new AlertResolvedEvent(
                        alertId, 1, "mon-1", "Volume", SERIES, MINUTE, MINUTE, true, null, null, DROP, false),
                new AlertSilencedEvent(alertId, "alice", null, false, WINDOW, "batch", MINUTE),
                new AlertSilencedEvent(alertId, "alice", MINUTE.plusSeconds(60), false, null, null, MINUTE),
                new AlertUnsilencedEvent(alertId, "bob", MINUTE),
                new AlertMarkedEvent(alertId, 1, "mon-1", AlertVerdict.NOT_AN_INCIDENT, "carol", "promotion", MINUTE));

        for (AlertEvent event : events) {
            SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
            assertThat(stored.getType().getRevision()).isEqualTo("1");
            Object read = serializer.deserialize(stored);
            assertThat(read).isEqualTo(event);
        }
    }
}
