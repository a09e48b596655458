package io.vigil.patterns.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.patterns.api.PatternArchivedEvent;
import io.vigil.patterns.api.PatternDefinition;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternModeChangedEvent;
import io.vigil.patterns.api.PatternPublishedEvent;
import io.vigil.patterns.api.PatternRolledBackEvent;
import io.vigil.patterns.api.PatternVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternStorePublisherTest {

    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");
    private static final PatternVersion V1 =
            new PatternVersion(1, "High amount", "", "tx.amount > 1000.0", "review", "ann", "bob", "bob", AT);
    private static final PatternVersion V2 =
            new PatternVersion(2, "High amount", "", "tx.amount > 800.0", "review", "ann", "bob", "bob", AT);

    /** What the publisher asks of the store, in order. */
    private final List<String> writes = new ArrayList<>();

    private final PatternStoreWrites store = new PatternStoreWrites(null) {
        @Override
        public void writePattern(PatternDefinition pattern) {
            writes.add("write " + pattern.id() + " v" + pattern.version() + " " + pattern.mode() + " "
                    + pattern.expression());
        }

        @Override
        public void delete(String id) {
            writes.add("delete " + id);
        }

        @Override
        public long bumpSetVersion() {
            writes.add("bump");
            return writes.size();
        }
    };
    private final PatternStorePublisher publisher = new PatternStorePublisher(store);

    @Test
    void aPublicationWritesTheLiveVersionInItsModeThenBumpsTheSet() {
        publisher.on(new PatternPublishedEvent("p-high-amount", V2, PatternMode.SHADOW, "bob", AT, ""));

        assertThat(writes).containsExactly("write p-high-amount v2 SHADOW tx.amount > 800.0", "bump");
    }

    @Test
    void aModeChangeAndARollbackRewriteTheDocumentWithTheVersionTheyName() {
        publisher.on(new PatternModeChangedEvent("p", V2, PatternMode.OFF, "ann", AT, ""));
        publisher.on(new PatternRolledBackEvent("p", V1, 2, PatternMode.ACTIVE, "ann", AT, ""));

        assertThat(writes)
                .containsExactly(
                        "write p v2 OFF tx.amount > 800.0", "bump", "write p v1 ACTIVE tx.amount > 1000.0", "bump");
    }

    @Test
    void archivingAPublishedPatternDeletesItsDocument() {
        publisher.on(new PatternArchivedEvent("p", 2, "ann", AT, ""));

        assertThat(writes).containsExactly("delete p", "bump");
    }

    @Test
    void archivingAPatternNeverPublishedLeavesADocumentOfTheSameIdAlone() {
        // p-high-amount may be the hand-written document of an older installation
        publisher.on(new PatternArchivedEvent("p-high-amount", null, "ann", AT, "abandoned draft"));

        assertThat(writes).isEmpty();
    }
}
