package io.vigil.patterns.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vigil.patterns.api.ListEntriesAddedEvent;
import io.vigil.patterns.api.ListEntriesRemovedEvent;
import io.vigil.patterns.api.ListIds;
import io.vigil.patterns.api.ListItem;
import io.vigil.patterns.api.ListKind;
import io.vigil.patterns.api.ListType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** A list's snapshot, written and read with the serializer Axon uses for snapshots, keeps every listed value. */
class ValueListSnapshotTest {

    @Test
    void aSnapshotKeepsTheListsValuesAndVersion() {
        String id = ListIds.of(ListType.ALLOW, ListKind.IP);
        Instant at = Instant.parse("2026-11-29T10:00:00Z");
        List<ListItem> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(new ListItem("10.0." + (i / 250) + "." + (i % 250), null, null));
        }
        ValueList list = new ValueList();
        list.on(new ListEntriesAddedEvent(id, ListType.ALLOW, ListKind.IP, 1, items, 1000, "office", "csv", "ann", at));
        list.on(new ListEntriesRemovedEvent(
                id, ListType.ALLOW, ListKind.IP, 2, List.of("10.0.0.0"), "moved", "ann", at));

        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
                .build();
        SerializedObject<byte[]> snapshot = serializer.serialize(list, byte[].class);
        ValueList restored = serializer.deserialize(snapshot);

        assertThat(restored.version()).isEqualTo(2);
        assertThat(restored.holds("10.0.3.249")).isTrue();
        assertThat(restored.holds("10.0.0.0")).as("removed before the snapshot").isFalse();
        assertThat(restored.size()).isEqualTo(999);
    }
}
