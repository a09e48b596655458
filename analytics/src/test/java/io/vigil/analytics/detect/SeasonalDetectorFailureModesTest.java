package io.vigil.analytics.detect;

import org.junit.jupiter.api.Test;

/** The seasonal detector avoids each failure mode of today's detector listed in issue 17 ({@link FailureModes}). */
class SeasonalDetectorFailureModesTest {

    @Test
    void overDispersedCountsAreNotCalledSignificant() {
        FailureModes.ordinaryWobbleIsNotAnIncident(FailureModes::seasonal);
    }

    @Test
    void aSmallSeriesDoesNotAlertOnEveryDip() {
        FailureModes.aSmallSeriesDoesNotAlertOnItsDips(FailureModes::seasonal);
    }

    @Test
    void theRecoveryAfterASpikeIsNotADrop() {
        FailureModes.theRecoveryAfterASpikeIsNotADrop(FailureModes::seasonal);
    }

    @Test
    void quietSeriesAreTested() {
        FailureModes.aQuietSeriesIsTested(FailureModes::seasonal);
    }

    @Test
    void aWholeDayShiftIsCaughtWhateverThePreviousMinuteDid() {
        FailureModes.aWholeDayShiftIsJudgedAgainstTheSeasonalBaseline(FailureModes::seasonal);
    }

    @Test
    void consecutiveMinutesOfAnOutageAreOneIncident() {
        FailureModes.anOutageIsOneIncidentAsLongAsItLasts(FailureModes::seasonal);
    }
}
