package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

class MessageIdentifierFactoryTest {

    @Test
    void axonFindsItThroughTheServiceFile() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(MessageIdentifierFactory.class);
    }

    @Test
    void identifiersAreVersionFourUuids() {
        IdentifierFactory factory = new MessageIdentifierFactory();
        for (int i = 0; i < 1_000; i++) {
            String id = factory.generateIdentifier();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
        }
    }

    @Test
    void threadsDrawDistinctIdentifiers() throws Exception {
        IdentifierFactory factory = new MessageIdentifierFactory();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Set<String>>> parts = IntStream.range(0, 8)
                    .mapToObj(t -> pool.submit(() -> {
                        Set<String> mine = new HashSet<>();
                        for (int i = 0; i < 50_000; i++) {
                            mine.add(factory.generateIdentifier());
                        }
                        return mine;
                    }))
                    .toList();
            for (Future<Set<String>> part : parts) {
                Set<String> mine = part.get();
                assertThat(mine).hasSize(50_000);
                seen.addAll(mine);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(seen).hasSize(400_000);
    }
}
