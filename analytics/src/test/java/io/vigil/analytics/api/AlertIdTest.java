package io.vigil.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertIdTest {

    @Test
    void theSameMonitorAndSeriesGiveTheSameIdInAnyOrder() {
        Map<String, String> oneOrder = new LinkedHashMap<>();
        oneOrder.put("merchant", "m-42");
        oneOrder.put("country", "SE");
        Map<String, String> otherOrder = new LinkedHashMap<>();
        otherOrder.put("country", "SE");
        otherOrder.put("merchant", "m-42");

        assertThat(AlertId.of("mon-1", oneOrder))
                .isEqualTo(AlertId.of("mon-1", otherOrder))
                .matches("mon-1/[0-9a-f]{32}");
    }

    @Test
    void otherMonitorsOrSeriesGiveOtherIds() {
        String id = AlertId.of("mon-1", Map.of("merchant", "m-42"));

        assertThat(AlertId.of("mon-2", Map.of("merchant", "m-42"))).isNotEqualTo(id);
        assertThat(AlertId.of("mon-1", Map.of("merchant", "m-43"))).isNotEqualTo(id);
        assertThat(AlertId.of("mon-1", Map.of("merchant", "m-42", "country", "SE")))
                .isNotEqualTo(id);
    }

    @Test
    void separatorsInsideValuesCannotMakeTwoSeriesLookAlike() {
        assertThat(AlertId.canonical(Map.of("a", "1,b=2"))).isEqualTo("a=1\\,b\\=2");
        assertThat(AlertId.of("mon-1", Map.of("a", "1,b=2")))
                .isNotEqualTo(AlertId.of("mon-1", Map.of("a", "1", "b", "2")));
    }

    @Test
    void aMonitorWithoutDimensionsHasOneSeries() {
        assertThat(AlertId.of("mon-1", Map.of())).isEqualTo(AlertId.of("mon-1", null));
    }

    @Test
    void cannotMakeAnIdWithoutAMonitor() {
        assertThatThrownBy(() -> AlertId.of(" ", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("monitorId must not be blank");
    }
}
