package io.vigil.analytics.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.MetricKind;
import io.vigil.analytics.api.MonitorDefinition;
import io.vigil.analytics.api.MonitorDraft;
import io.vigil.analytics.api.MonitorRejectedException;
import io.vigil.analytics.api.Sensitivity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A monitor as the API reads it: what a request leaves out takes the defaults the console gives too. */
class MonitorRequestTest {

    @ParameterizedTest
    @EnumSource(MetricKind.class)
    void whatARequestLeavesOutTakesTheSharedDefaults(MetricKind metric) {
        String toOperation = metric == MetricKind.FUNNEL ? "order" : null;
        MonitorRequest request = new MonitorRequest(
                null, "Minimal", null, metric.wireName(), "session", toOperation, null, null, null, null, null, null);

        MonitorDefinition definition = request.toDefinition();

        assertThat(definition)
                .isEqualTo(new MonitorDraft(
                                "Minimal", null, metric, "session", toOperation, null, null, null, null, null, null)
                        .withDefaults());
        assertThat(definition.direction()).isEqualTo(metric == MetricKind.COUNT ? Direction.BOTH : Direction.DROP);
        assertThat(definition.sensitivity()).isEqualTo(Sensitivity.MEDIUM);
        assertThat(definition.minVolume()).isZero();
    }

    @Test
    void blankValuesCountAsLeftOut() {
        MonitorRequest request = new MonitorRequest(
                null, "Sessions", null, "count", "session", "", List.of(), Map.of(), "", " ", null, null);

        MonitorDefinition definition = request.toDefinition();

        assertThat(definition)
                .isEqualTo(
                        MonitorDraft.of("Sessions", MetricKind.COUNT, "session").withDefaults());
    }

    @Test
    void whatARequestSaysIsKept() {
        MonitorRequest request = new MonitorRequest(
                "mon-1",
                "Auth",
                "by merchant",
                "conversion",
                "authorization",
                null,
                List.of("merchant"),
                Map.of("country", "SE"),
                "BOTH",
                "high",
                25L,
                null);

        MonitorDefinition definition = request.toDefinition();

        assertThat(definition.dimensions()).containsExactly(Dimension.MERCHANT);
        assertThat(definition.filter()).containsExactly(Map.entry(Dimension.COUNTRY, "SE"));
        assertThat(definition.direction()).isEqualTo(Direction.BOTH);
        assertThat(definition.sensitivity()).isEqualTo(Sensitivity.HIGH);
        assertThat(definition.minVolume()).isEqualTo(25);
    }

    @Test
    void unknownValuesAreRejectedTogether() {
        MonitorRequest request = new MonitorRequest(
                null,
                "",
                null,
                "ratio",
                "authorization",
                null,
                List.of("region"),
                null,
                "sideways",
                "extreme",
                null,
                null);

        assertThatThrownBy(request::toDefinition)
                .isInstanceOfSatisfying(
                        MonitorRejectedException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "metric 'ratio' is unknown; use count, conversion or funnel",
                                        "dimension 'region' is unknown; use one of merchant, country, paymentMethod, channel,"
                                                + " browser, deviceType",
                                        "direction 'sideways' is unknown; use one of drop, spike, both",
                                        "sensitivity 'extreme' is unknown; use one of low, medium, high",
                                        "name is required"));
    }
}
