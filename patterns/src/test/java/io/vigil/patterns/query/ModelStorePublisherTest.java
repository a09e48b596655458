package io.vigil.patterns.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.patterns.api.ModelRolledBackEvent;
import io.vigil.patterns.api.ModelVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelStorePublisherTest {

    private final List<String> choices = new ArrayList<>();

    private final ModelStoreWrites writes = new ModelStoreWrites(null, null) {
        @Override
        long writeChoice(ModelVersion live, ModelVersion shadow) {
            choices.add("live " + (live == null ? "none" : live.number()) + ", shadow "
                    + (shadow == null ? "none" : shadow.number()));
            return choices.size();
        }
    };

    @Test
    void rollingBackTheFirstLiveVersionPublishesThatNoModelIsLive() {
        // a processing group shared with the patterns' publisher: a failure here would hold back every publication
        new ModelStorePublisher(writes)
                .on(new ModelRolledBackEvent("risk", null, 1, null, "bob", Instant.parse("2026-11-29T10:00:00Z"), ""));

        assertThat(choices).containsExactly("live none, shadow none");
    }
}
