package io.vigil.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The series label an alert is stored and searched with must be text PostgreSQL can hold, whatever the values. */
class AlertHistoryLabelTest {

    @Test
    void canLabelPlainSeriesAsBefore() {
        assertThat(AlertHistory.label(new TreeMap<>(Map.of("merchant", "m-42", "country", "SE"))))
                .isEqualTo("country=SE, merchant=m-42");
        assertThat(AlertHistory.label(Map.of())).isEqualTo("all");
    }

    @Test
    void canLabelASeriesWhoseValueHoldsControlCharacters() {
        String label = AlertHistory.label(Map.of("merchant", "m\u0000-4\u00012\u007f\u0085"));

        assertThat(label).isEqualTo("merchant=m\\u0000-4\\u00012\\u007F\\u0085");
        assertThat(label.chars().noneMatch(Character::isISOControl)).isTrue();
    }
}
