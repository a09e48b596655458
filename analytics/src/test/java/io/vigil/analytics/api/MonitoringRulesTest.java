package io.vigil.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The monitoring API's rules, as the REST API, the console and the commands apply them. */
class MonitoringRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void aByOverItsLengthOrWithAControlCharacterIsRefusedByTheCommandNamingTheField() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AcknowledgeAlertCommand("m/1", "b".repeat(129), null, NOW))
                .withMessage("by must be at most 128 characters");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ResolveAlertCommand("m/1", "ann\u0000", null, NOW))
                .withMessage("by must not contain control characters (U+0000 at 3)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new UnsilenceAlertCommand("a".repeat(129), "ann", NOW))
                .withMessageStartingWith("alertId ");
        assertThat(new AcknowledgeAlertCommand("m/1", "b".repeat(128), "seen\nlooking", NOW).note())
                .isEqualTo("seen\nlooking");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AcknowledgeAlertCommand("m/1", "ann", "seen\u0007", NOW))
                .withMessageStartingWith("note ");
    }

    @Test
    void aSilenceEndsAtMost30DaysAhead() {
        assertThat(SilenceAlertCommand.until("m/1", "ann", NOW.plus(Duration.ofDays(30)), null, NOW)
                        .until())
                .isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        SilenceAlertCommand.until("m/1", "ann", Instant.parse("+999999999-12-31T23:59:59Z"), null, NOW))
                .withMessage("until must be at most 30 days ahead");
    }

    @Test
    void alertStatesAreTheListedOnesOrNoneForAll() {
        assertThat(MonitoringRules.alertState(null)).isNull();
        for (String state : MonitoringRules.ALERT_STATES) {
            assertThat(MonitoringRules.alertState(state)).isEqualTo(state);
        }
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MonitoringRules.alertState("all"))
                .withMessage("state must be one of open, firing, acknowledged, resolved, or left out for every state");
    }

    @Test
    void numbersAndTimesHaveTheirRanges() {
        assertThat(MonitoringRules.range("size", 500, 1, 500)).isEqualTo(500);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MonitoringRules.range("minutes", Long.MAX_VALUE, 1, 43_200))
                .withMessage("minutes must be from 1 to 43200, not 9223372036854775807");
        assertThat(MonitoringRules.time("minute", Instant.parse("2000-01-01T00:00:00Z"), NOW))
                .isNotNull();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MonitoringRules.time("minute", Instant.parse("1999-12-31T23:59:59Z"), NOW))
                .withMessageStartingWith("minute must be from 2000-01-01");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MonitoringRules.time("to", NOW.plus(Duration.ofDays(2)), NOW))
                .withMessageStartingWith("to ");
    }

    @Test
    void aMonitorsTextsHaveTheirLengthsAndNoControlCharacters() {
        MonitorDefinition fine = definition("Auth drop", "line one\nline two", Map.of(Dimension.MERCHANT, "m-1"), 0);
        assertThat(fine.problems()).isEmpty();

        MonitorDefinition hostile =
                definition("auth\u0000drop", "d\u0000", Map.of(Dimension.MERCHANT, "m".repeat(129)), Long.MAX_VALUE);
        assertThat(hostile.problems())
                .containsExactly(
                        "name must not contain control characters (U+0000 at 4)",
                        "description must not contain control characters (U+0000 at 1)",
                        "filter.merchant must be at most 128 characters",
                        "minVolume must be at most 1000000000");
        assertThat(definition("n".repeat(121), null, Map.of(), 0).problems())
                .containsExactly("name must be at most 120 characters");
    }

    private static MonitorDefinition definition(
            String name, String description, Map<Dimension, String> filter, long minVolume) {
        return new MonitorDefinition(
                name,
                description,
                MetricKind.CONVERSION,
                "authorization",
                null,
                List.of(Dimension.COUNTRY),
                filter,
                Direction.DROP,
                Sensitivity.MEDIUM,
                minVolume);
    }
}
