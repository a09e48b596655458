package io.vigil.analytics.detect;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Today's single-reference detector ({@link SeriesDetector}, {@code --detector legacy}) falls into each failure mode
 * of issue 17: every check of {@link FailureModes} fails on it. This keeps the checks honest (a check that passes on
 * both detectors proves nothing) and documents why the seasonal detector replaced it.
 */
class LegacyFailureModesTest {

    @Test
    void overDispersedCountsAreCalledSignificant() {
        assertThatThrownBy(() -> FailureModes.ordinaryWobbleIsNotAnIncident(FailureModes::legacy))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aSmallSeriesAlertsOnItsDips() {
        assertThatThrownBy(() -> FailureModes.aSmallSeriesDoesNotAlertOnItsDips(FailureModes::legacy))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void theRecoveryAfterASpikeIsFlaggedAsADrop() {
        assertThatThrownBy(() -> FailureModes.theRecoveryAfterASpikeIsNotADrop(FailureModes::legacy))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void quietSeriesAreNeverTested() {
        assertThatThrownBy(() -> FailureModes.aQuietSeriesIsTested(FailureModes::legacy))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aWholeDayShiftIsMissed() {
        assertThatThrownBy(() -> FailureModes.aWholeDayShiftIsJudgedAgainstTheSeasonalBaseline(FailureModes::legacy))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void anOutageIsJudgedMinuteByMinute() {
        assertThatThrownBy(() -> FailureModes.anOutageIsOneIncidentAsLongAsItLasts(FailureModes::legacy))
                .isInstanceOf(AssertionError.class);
    }
}
