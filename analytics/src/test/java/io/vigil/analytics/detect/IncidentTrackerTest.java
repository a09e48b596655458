package io.vigil.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.analytics.api.BaselineDetector;
import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.Grain;
import io.vigil.analytics.api.IncidentTracker;
import io.vigil.analytics.api.IncidentTracker.Change;
import io.vigil.analytics.api.Reference;
import io.vigil.analytics.api.Sample;
import io.vigil.analytics.api.Sensitivity;
import io.vigil.analytics.api.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One incident per outage: the anomalous minutes and grains of one series make one incident until it goes quiet. */
class IncidentTrackerTest {

    private static final List<Grain> GRAINS = List.of(Grain.MINUTE, Grain.FIVE_MINUTES, Grain.HOUR, Grain.DAY);

    @Test
    void aThirtyMinuteOutageIsOneIncidentAcrossTheGrains() {
        long[] counts = FailureModes.outage();
        int start = FailureModes.outageStart();
        BaselineDetector detector = Traffic.seasonal(Direction.DROP, Sensitivity.MEDIUM);
        IncidentTracker<String> tracker = new IncidentTracker<>(10);
        List<IncidentTracker.Update<String>> updates = new ArrayList<>();
        List<Grain> anomalousGrains = new ArrayList<>();

        for (int m = start - 60; m < start + 120; m++) {
            for (Verdict v : detector.evaluateClosing(GRAINS, i -> at(counts, i), m)) {
                tracker.record("merchant-7", v, m).ifPresent(updates::add);
                if (v.anomalous() && !anomalousGrains.contains(v.grain())) {
                    anomalousGrains.add(v.grain());
                }
            }
            updates.addAll(tracker.closeQuiet(m));
        }

        assertThat(anomalousGrains)
                .as("the outage is seen at several grains")
                .contains(Grain.MINUTE, Grain.FIVE_MINUTES);
        assertThat(updates.stream().filter(u -> u.change() == Change.OPENED))
                .as("incidents opened")
                .hasSize(1);
        assertThat(updates.stream().filter(u -> u.change() == Change.CLOSED))
                .as("incidents closed")
                .hasSize(1);
        IncidentTracker.Incident<String> incident =
                updates.get(updates.size() - 1).incident();
        assertThat(incident.firstGrain()).isEqualTo(Grain.MINUTE);
        assertThat(incident.grains()).containsAll(anomalousGrains);
        assertThat(incident.detectedAt()).isBetween((long) start, (long) start + 2);
        assertThat(incident.lastAnomalousMinute()).isBetween((long) start + 27, (long) start + 34);
        assertThat(incident.closedAt()).isEqualTo(incident.lastAnomalousMinute() + 10);
        assertThat(tracker.openIncidents()).isEmpty();
    }

    @Test
    void anAnomalyAfterAQuietGapIsANewIncidentButACoarseGrainOverTheFirstReopensIt() {
        IncidentTracker<String> tracker = new IncidentTracker<>(10);
        List<IncidentTracker.Update<String>> updates = new ArrayList<>();
        long hourStart = 600; // 10:00 on the first day
        for (long m = hourStart; m < hourStart + 60; m++) {
            boolean anomalous = (m >= hourStart + 5 && m < hourStart + 10) || m == hourStart + 40;
            tracker.record("s", verdict(anomalous, Grain.MINUTE), m).ifPresent(updates::add);
            if (Grain.FIVE_MINUTES.closesAt(m) && m == hourStart + 9) {
                tracker.record("s", verdict(true, Grain.FIVE_MINUTES), m).ifPresent(updates::add);
            }
            updates.addAll(tracker.closeQuiet(m));
        }
        assertThat(updates)
                .extracting(IncidentTracker.Update::change)
                .containsExactly(
                        Change.OPENED,
                        Change.UPDATED,
                        Change.UPDATED,
                        Change.UPDATED,
                        Change.UPDATED,
                        Change.UPDATED,
                        Change.CLOSED,
                        Change.OPENED,
                        Change.CLOSED);
        assertThat(updates.get(6).incident().grains()).containsExactlyInAnyOrder(Grain.MINUTE, Grain.FIVE_MINUTES);
        assertThat(updates.get(7).incident().detectedAt()).isEqualTo(hourStart + 40);

        // the hour that held both, judged when it closes, reopens the latest incident rather than opening a third
        IncidentTracker.Update<String> hour =
                tracker.record("s", verdict(true, Grain.HOUR), hourStart + 59).orElseThrow();
        assertThat(hour.change()).isEqualTo(Change.REOPENED);
        assertThat(hour.incident().firstMinute()).isEqualTo(hourStart);
        assertThat(hour.incident().detectedAt()).isEqualTo(hourStart + 40);
        assertThat(tracker.closeQuiet(hourStart + 69)).hasSize(1);
        assertThat(tracker.openIncidents()).isEmpty();
        IncidentTracker.Update<String> day =
                tracker.record("s", verdict(true, Grain.DAY), 1439).orElseThrow();
        assertThat(day.change()).as("the day, which held the hour").isEqualTo(Change.REOPENED);
        assertThat(tracker.record("other", verdict(true, Grain.MINUTE), 1439)
                        .orElseThrow()
                        .change())
                .as("another series")
                .isEqualTo(Change.OPENED);
        assertThat(tracker.record("s", verdict(false, Grain.MINUTE), 1440)).isEmpty();
    }

    private static Verdict verdict(boolean anomalous, Grain grain) {
        return new Verdict(anomalous, Direction.DROP, 10, 100, Reference.BASELINE, 1e-9, 90, 10, grain);
    }

    private static Sample at(long[] counts, long m) {
        return m >= 0 && m < counts.length ? Sample.count(counts[(int) m]) : Sample.NONE;
    }
}
