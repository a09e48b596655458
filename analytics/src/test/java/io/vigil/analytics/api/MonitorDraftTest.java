package io.vigil.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The defaults a monitor gets for what its author leaves out, shared by the REST API and the console. */
class MonitorDraftTest {

    @Test
    void aCountMonitorWatchesBothWaysAtMediumSensitivity() {
        MonitorDefinition definition =
                MonitorDraft.of("Sessions", MetricKind.COUNT, "session").withDefaults();

        assertThat(definition.direction()).isEqualTo(Direction.BOTH);
        assertThat(definition.sensitivity()).isEqualTo(Sensitivity.MEDIUM);
        assertThat(definition.minVolume()).isZero();
        assertThat(definition.description()).isEmpty();
        assertThat(definition.toOperation()).isNull();
        assertThat(definition.dimensions()).isEmpty();
        assertThat(definition.filter()).isEmpty();
        assertThat(definition.maintenanceWindows()).isEmpty();
        assertThat(definition.problems()).isEmpty();
    }

    @Test
    void aRateMonitorWatchesForDrops() {
        assertThat(MonitorDraft.of("Auth", MetricKind.CONVERSION, "authorization")
                        .withDefaults()
                        .direction())
                .isEqualTo(Direction.DROP);
        MonitorDraft funnel = new MonitorDraft(
                "Sessions to orders", null, MetricKind.FUNNEL, "session", "order", null, null, null, null, null, null);
        assertThat(funnel.withDefaults().direction()).isEqualTo(Direction.DROP);
        assertThat(MonitorDraft.defaultDirection(null)).as("a missing metric").isEqualTo(Direction.DROP);
    }

    @Test
    void whatTheAuthorChoosesIsKept() {
        MonitorDraft draft = new MonitorDraft(
                "Declines",
                "card declines by method",
                MetricKind.COUNT,
                "authorization",
                " ",
                List.of(Dimension.PAYMENT_METHOD),
                Map.of(Dimension.COUNTRY, "SE"),
                Direction.SPIKE,
                Sensitivity.HIGH,
                20L,
                List.of());

        MonitorDefinition definition = draft.withDefaults();

        assertThat(definition)
                .isEqualTo(new MonitorDefinition(
                        "Declines",
                        "card declines by method",
                        MetricKind.COUNT,
                        "authorization",
                        null,
                        List.of(Dimension.PAYMENT_METHOD),
                        Map.of(Dimension.COUNTRY, "SE"),
                        Direction.SPIKE,
                        Sensitivity.HIGH,
                        20));
        assertThat(definition.toOperation())
                .as("a blank toOperation is left out")
                .isNull();
    }

    @Test
    void newMonitorIdsAreShortAndDistinct() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String id = MonitorId.next();
            assertThat(id).matches("mon-[0-9a-f]{8}");
            ids.add(id);
        }
        assertThat(ids).hasSize(100);
    }

    @Test
    void anIdAskedForIsKeptAndAMissingOneIsMade() {
        assertThat(MonitorId.orNext("mon-checkout")).isEqualTo("mon-checkout");
        assertThat(MonitorId.orNext(null)).matches("mon-[0-9a-f]{8}");
        assertThat(MonitorId.orNext("  ")).matches("mon-[0-9a-f]{8}");
    }
}
